"""A reader on a phone taps a label they do not understand and reads what it means."""

import pytest


@pytest.mark.django_db(transaction=True)
def test_tapping_a_badge_or_stance_opens_its_explanation(live_server, browser, istanbul_record):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True)
    page = context.new_page()
    try:
        for label, expected in [
            (".confidence--contested", "The sides, or the sources, disagree."),
            (".stance--demands", "The side requires it of the other side"),
        ]:
            page.goto(live_server.url + "/rounds/2/")
            page.locator(f"main a{label}").first.tap()
            page.wait_for_url("**/about/#*")
            anchor = page.url.split("#", 1)[1]
            explanation = page.locator(f"[id='{anchor}']")
            # The browser has scrolled to the explanation, and it is readable there.
            assert explanation.is_visible()
            assert expected in explanation.inner_text()
            box = explanation.bounding_box()
            assert 0 <= box["y"] < 844
            # Nothing on the about page overflows a phone's width.
            assert page.evaluate(
                "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
            )
    finally:
        context.close()
