"""A reader follows the talks through the site in real Chromium."""

import re

import pytest
from django.urls import NoReverseMatch, reverse
from playwright.sync_api import expect

from tests.site_data import build_record


@pytest.mark.django_db(transaction=True)
def test_reader_goes_from_home_to_round_2_to_medinsky_and_searches_umierov(live_server, page):
    made = build_record(2)
    round_2 = made["rounds"][1]
    page.goto(live_server.url + "/")
    expect(page.locator("h1")).to_contain_text("Istanbul")

    page.get_by_role("navigation", name="Site").get_by_role("link", name="Timeline").click()
    expect(page.locator("h1")).to_have_text("Timeline")
    page.get_by_label("Issue").select_option("ceasefire")
    page.get_by_role("button", name="Filter").click()
    expect(page).to_have_url(re.compile(r"issue=ceasefire"))

    page.locator("ol.timeline").get_by_role("link", name=str(round_2)).click()
    expect(page.locator("h1")).to_have_text(round_2.title)
    expect(page.locator("#delegation-ukraine")).to_be_visible()
    expect(page.locator("#delegation-russia")).to_be_visible()
    documents = page.locator("ul.documents > li")
    expect(documents).to_have_count(2)

    page.locator("section.delegation--russia").get_by_role("link", name="Vladimir Medinsky").click()
    expect(page.locator("h1")).to_have_text("Vladimir Medinsky")
    expect(page.get_by_role("table")).to_contain_text(f"Round {round_2.number}")

    # The /search/ page (route positions:search) is built by another helper; until it is merged
    # this last step cannot run, and says so rather than failing.
    try:
        reverse("positions:search")
    except NoReverseMatch:
        pytest.skip("the /search/ page is not in this branch yet")
    page.get_by_label("Search the record").fill("Umierov")
    page.get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(r"/search/\?q=Umierov"))
    expect(page.get_by_role("link", name="Rustem Umerov").first).to_be_visible()
