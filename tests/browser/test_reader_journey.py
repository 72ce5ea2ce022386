"""A reader follows the real Istanbul record through the site in Chromium."""

import re

import pytest
from playwright.sync_api import expect


@pytest.mark.django_db(transaction=True)
def test_reader_goes_from_home_to_round_2_to_medinsky_and_searches_umierov(
    live_server, page, istanbul_record
):
    page.goto(live_server.url + "/")
    expect(page.locator("h1")).to_contain_text("Istanbul")
    # June's 6,057 (Ukraine) and 6,060 (Russia), with the 1,000 of 17 July under the same deal
    # that the 2026 review added.
    expect(page.locator(".key-figures")).to_contain_text("7,057")
    expect(page.locator(".key-figures")).to_contain_text("7,060")

    page.get_by_role("navigation", name="Site").get_by_role("link", name="Timeline").click()
    expect(page.locator("h1")).to_have_text("Timeline")
    page.get_by_label("Issue", exact=True).select_option("ceasefire")
    page.get_by_role("button", name="Filter").click()
    expect(page).to_have_url(re.compile(r"issue=ceasefire"))

    page.locator("ol.timeline").get_by_role("link", name=re.compile(r"^Round 2:")).click()
    expect(page).to_have_url(re.compile(r"/rounds/2/$"))
    ukraine = page.locator("section.delegation--ukraine")
    russia = page.locator("section.delegation--russia")
    expect(ukraine).to_contain_text("Rustem Umerov")
    expect(russia).to_contain_text("Vladimir Medinsky")
    documents = page.locator("ul.documents")
    expect(documents).to_contain_text("Memorandum of the Russian Federation")
    expect(documents).to_contain_text("Ukraine–Russia Negotiations Framework")

    # Each delegation shows its head; the whole list opens from its summary.
    expect(russia.locator("summary")).to_contain_text("Led by Vladimir Medinsky")
    russia.locator("summary").click()
    russia.get_by_role("link", name="Vladimir Medinsky").click()
    expect(page.locator("h1")).to_have_text("Vladimir Medinsky")
    expect(page.get_by_role("table")).to_contain_text("Round 2")

    page.get_by_label("Search the record").fill("Umierov")
    page.get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(r"/search/\?q=Umierov"))
    expect(page.get_by_role("link", name="Rustem Umerov").first).to_be_visible()
