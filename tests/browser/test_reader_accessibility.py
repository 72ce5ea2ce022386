"""axe-core (bundled in axe-playwright-python, no CDN) finds no serious or critical violation."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from positions.models import Commitment, Document, Exchange

BLOCKING = {"serious", "critical"}


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("width", [390, 1280])
def test_main_pages_have_no_serious_accessibility_violations(
    live_server, browser, width, istanbul_record
):
    urls = [
        "/",
        "/timeline/",
        "/timeline/?issue=ceasefire&date_from=2025-07-01&date_to=2025-01-01",
        "/rounds/",
        "/rounds/2/",
        "/issues/",
        "/issues/ceasefire/",
        "/commitments/",
        Commitment.objects.published().first().get_absolute_url(),
        Exchange.objects.published().first().get_absolute_url(),
        Document.objects.published().first().get_absolute_url(),
        "/people/",
        "/people/vladimir-medinsky/",
        "/sources/",
        "/about/",
    ]
    # Injecting axe's script is the test's doing, not the page's; a strict CSP must not block it.
    context = browser.new_context(viewport={"width": width, "height": 900}, bypass_csp=True)
    page = context.new_page()
    axe = Axe()
    problems = []
    try:
        for url in urls:
            page.goto(live_server.url + url)
            for violation in axe.run(page).response["violations"]:
                if violation["impact"] in BLOCKING:
                    targets = [node["target"] for node in violation["nodes"][:3]]
                    problems.append(f"{url}: {violation['id']} ({violation['impact']}) {targets}")
    finally:
        context.close()
    assert problems == []
