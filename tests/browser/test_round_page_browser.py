"""Round 2 on a phone, without JavaScript: a contents list that jumps, delegations that open
from their summary, note numbers that reach their source, nothing wider than the screen."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import OUTPUT_DIR


@pytest.mark.django_db(transaction=True)
def test_round_two_on_a_phone_without_javascript(live_server, browser, istanbul_record):
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(live_server.url + "/rounds/2/")
        # What happened comes first, above the fold.
        lead = page.locator("section.round-lead")
        expect(lead.locator("li").first).to_be_in_viewport()

        page.get_by_role("navigation", name="Contents").get_by_role(
            "link", name="Delegations"
        ).click()
        expect(page.locator("#delegations-heading")).to_be_in_viewport()

        ukraine = page.locator("section.delegation--ukraine")
        expect(ukraine.locator("summary")).to_contain_text("Led by Rustem Umerov")
        member = ukraine.get_by_role("link", name="Serhiy Kyslytsia")
        expect(member).to_be_hidden()
        ukraine.locator("summary").click()
        expect(member).to_be_visible()

        # A note number takes the reader to its source in the section's list.
        ref = page.locator("section.facts-box dd sup.note-refs a").first
        target = ref.get_attribute("href")
        ref.click()
        note = page.locator(target)
        expect(note).to_be_in_viewport()
        expect(note.locator("a.source-code")).to_be_visible()

        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        height = page.evaluate("document.documentElement.scrollHeight")
        path = OUTPUT_DIR / "screenshots"
        path.mkdir(parents=True, exist_ok=True)
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=path / "round-2-phone-no-js.png", full_page=True)
        # 22,760 px before the page led with its outcomes and put its sources in notes; about
        # 17,300 since, with "Cite this page" at its end.
        assert height < 19_500, height
    finally:
        context.close()
