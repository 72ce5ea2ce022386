"""On a 390 px phone, in Chromium: the downloads page, an exchange page, the totals page and the
commitment pages do not scroll sideways, no table is cut off, and the commitment charts' labels
render at 12 px or more (their SVG is scaled to the column, so the size is measured as drawn)."""

import pytest

PHONE = {"width": 390, "height": 844}
PAGES = {
    "data": "/data/",
    "totals": "/totals/",
    "commitments": "/commitments/",
    "commitment-bodies": "/commitments/r2-bodies-6000-for-6000/",
}

# Elements of the main content whose right edge passes the viewport, outside any scroll region.
SPILLING = """() => {
  const width = document.documentElement.clientWidth;
  return [...document.querySelectorAll('main *')]
    .filter((e) => e.getBoundingClientRect().right > width + 1)
    .map((e) => e.tagName + '.' + e.className);
}"""
# Each table's width beyond its own box: a table cut off by its container has hidden columns.
CLIPPED_TABLES = """() => [...document.querySelectorAll('main table')]
  .filter((t) => t.getBoundingClientRect().width > 0)
  .filter((t) => t.scrollWidth > t.parentElement.clientWidth + 1)
  .map((t) => t.className || t.querySelector('caption')?.textContent)"""
# The smallest chart label as drawn: its CSS size times the SVG's scale on screen.
SMALLEST_CHART_LABEL = """() => Math.min(...[...document.querySelectorAll('.step-chart svg text')]
  .map((t) => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a))"""


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def exchange_url() -> str:
    from positions.models import Exchange

    # The 24 Aug 2025 swap: claimants, a mediator and sources, the widest counts table.
    exchange = Exchange.objects.published().get(title__contains="146 for 146")
    return exchange.get_absolute_url()


@pytest.mark.django_db(transaction=True)
def test_tables_and_pages_fit_a_phone(live_server, phone, screenshot_dir, istanbul_record):
    pages = {**PAGES, "exchange": exchange_url()}
    for name, url in pages.items():
        phone.goto(live_server.url + url)
        overflow = phone.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{name} scrolls sideways by {overflow}px"
        assert phone.evaluate(SPILLING) == [], name
        assert phone.evaluate(CLIPPED_TABLES) == [], name
        phone.screenshot(path=str(screenshot_dir / f"{name}-phone-390.png"), full_page=True)
    # The exchange's counts: every claimant and its sources are on screen, not cut off.
    counts = phone.locator("table.counts")
    assert counts.locator("tbody tr").count() >= 4
    for cell in counts.locator("td[data-label='Says who']").all():
        box = cell.bounding_box()
        assert box["x"] >= 0
        assert box["x"] + box["width"] <= PHONE["width"]


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("url", [PAGES["commitments"], PAGES["commitment-bodies"]])
def test_chart_labels_are_at_least_12_px_on_a_phone(live_server, phone, istanbul_record, url):
    phone.goto(live_server.url + url)
    assert phone.locator(".step-chart").count() >= 2
    smallest = phone.evaluate(SMALLEST_CHART_LABEL)
    assert smallest >= 12, f"a chart label renders at {smallest:.1f}px"
    # Both axis titles are drawn.
    titles = phone.locator(".step-chart .step-chart__title").all_text_contents()
    assert "Date of the exchange" in titles
    assert any(t.endswith("running total") for t in titles)


@pytest.mark.django_db(transaction=True)
def test_totals_pages_have_no_serious_accessibility_violations(
    live_server, browser, istanbul_record
):
    """axe-core on the pages this work changed, at phone width (the cards and charts)."""
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(viewport=PHONE, bypass_csp=True)
    page = context.new_page()
    problems = []
    try:
        for url in [*PAGES.values(), exchange_url()]:
            page.goto(live_server.url + url)
            for violation in Axe().run(page).response["violations"]:
                if violation["impact"] in {"serious", "critical"}:
                    targets = [node["target"] for node in violation["nodes"][:3]]
                    problems.append(f"{url}: {violation['id']} ({violation['impact']}) {targets}")
    finally:
        context.close()
    assert problems == []
