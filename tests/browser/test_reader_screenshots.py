"""Screenshots of the real record's main pages at phone and desktop widths, for people to look at."""

import pytest

VIEWPORTS = {"phone": (390, 844), "desktop": (1280, 900)}


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_main_pages_render_at_phone_and_desktop_width(
    live_server, browser, screenshot_dir, viewport, istanbul_record
):
    pages = {
        "home": "/",
        "timeline": "/timeline/",
        "round-2": "/rounds/2/",
        "issue-ceasefire": "/issues/ceasefire/",
        "commitments": "/commitments/",
        "person-medinsky": "/people/vladimir-medinsky/",
        "about": "/about/",
    }
    width, height = VIEWPORTS[viewport]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    try:
        for name, url in pages.items():
            page.goto(live_server.url + url)
            # Nothing may overflow sideways: a phone reader never scrolls horizontally.
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, f"{name} overflows by {overflow}px at {viewport} width"
            path = screenshot_dir / f"{name}-{viewport}.png"
            page.screenshot(path=str(path), full_page=True)
            assert path.stat().st_size > 10_000
    finally:
        context.close()
