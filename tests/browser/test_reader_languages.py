"""The site in Ukrainian and Russian, in Chromium: the header's language links keep the reader on
the same round, and home and a round page read well in each language on a phone and a desktop
(screenshots in test-output/screenshots/ for people to look at)."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from talks.models import Round

VIEWPORTS = {"phone": (390, 844), "desktop": (1280, 900)}
BLOCKING = {"serious", "critical"}
LANGUAGES = {"uk": "Українська", "ru": "Русский", "en": "English"}


@pytest.mark.django_db(transaction=True)
def test_switching_language_on_a_round_page_stays_on_that_round(live_server, page, istanbul_record):
    round_ = Round.objects.published().get(track__slug="istanbul", number=2)
    page.goto(live_server.url + "/rounds/2/")
    for code, prefix in (("uk", "/uk"), ("ru", "/ru"), ("en", "")):
        page.locator(f'header a[hreflang="{code}"]').click()
        expect(page).to_have_url(f"{live_server.url}{prefix}/rounds/2/")
        assert page.evaluate("document.documentElement.lang") == code
        # The same round: its own title, in the language of the page (the record's
        # translation, from the data files), is in the heading.
        title = getattr(round_, f"title_{code}")
        assert title
        assert title in page.locator("h1").inner_text()
        current = page.locator('header a[aria-current="true"]')
        expect(current).to_have_attribute("hreflang", code)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["uk", "ru"])
def test_home_and_a_round_page_read_in_the_language_on_a_phone_and_a_desktop(
    live_server, browser, istanbul_record, screenshot_dir, language
):
    problems = []
    for viewport, (width, height) in VIEWPORTS.items():
        context = browser.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        page.set_default_timeout(15_000)
        for name, url in (("home", f"/{language}/"), ("round-2", f"/{language}/rounds/2/")):
            response = page.goto(live_server.url + url)
            assert response.status == 200, url
            page.screenshot(
                path=str(screenshot_dir / f"{name}-{language}-{viewport}.png"), full_page=True
            )
            if page.evaluate("document.documentElement.lang") != language:
                problems.append(f"{url} {viewport}: <html lang> is not {language}")
            if page.evaluate("document.documentElement.scrollWidth") > width:
                problems.append(f"{url} {viewport}: wider than the screen")
            results = Axe().run(page)
            blocking = [
                v["id"] for v in results.response["violations"] if v.get("impact") in BLOCKING
            ]
            if blocking:
                problems.append(f"{url} {viewport}: axe {blocking}")
        context.close()
    assert not problems, problems


@pytest.mark.django_db(transaction=True)
def test_no_page_type_overflows_a_phone_in_ukrainian_or_russian(
    live_server, browser, istanbul_record
):
    """Ukrainian and Russian run longer than English ("Издание: Российское государство или
    связано с ним"): no page type may make a phone reader scroll sideways in either."""
    from tests.browser.reader_pages import reader_pages

    pages, _ = reader_pages()
    width, height = VIEWPORTS["phone"]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    too_wide = []
    for label, url in pages.items():
        if not url.startswith("/") or url.startswith("/api/"):
            continue
        for language in ("uk", "ru"):
            address = f"/{language}{url}"
            response = page.goto(live_server.url + address)
            if response.status != 200:
                too_wide.append(f"{address}: {response.status}")
                continue
            scroll_width = page.evaluate("document.documentElement.scrollWidth")
            if scroll_width > width:
                too_wide.append(f"{address} ({label}): {scroll_width} px")
    context.close()
    assert len(pages) >= 20
    assert not too_wide, too_wide
