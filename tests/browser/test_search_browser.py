"""A reader searches by keyboard in real Chromium and follows a result."""

import pytest

from tests.factories import PersonFactory, RoundFactory, VenueFactory


@pytest.mark.django_db(transaction=True)
def test_reader_finds_umerov_by_another_spelling_and_opens_him(live_server, page, screenshot_dir):
    umerov = PersonFactory(
        name="Rustem Umerov", slug="rustem-umerov", native_name="Рустем Умєров", aliases="Umierov"
    )
    RoundFactory(number=2, venue=VenueFactory(name="Çırağan Palace", aliases="Чирагань"))
    page.goto(live_server.url + "/search/")
    page.get_by_role("main").get_by_label("Search terms").fill("Umierov")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=Umierov")
    page.screenshot(path=screenshot_dir / "search-umierov-desktop.png", full_page=True)
    results = page.get_by_role("region", name="People")
    results.get_by_role("link", name="Rustem Umerov").click()
    page.wait_for_url(live_server.url + umerov.get_absolute_url())

    page.goto(live_server.url + "/search/?q=УМЄРОВ")
    assert page.get_by_role("link", name="Rustem Umerov").is_visible()
    page.goto(live_server.url + "/search/?q=Чирагань")
    assert page.get_by_role("region", name="Rounds").get_by_role("link").count() == 1
