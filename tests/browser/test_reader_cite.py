""" "Cite this page" in Chromium, under the production Content-Security-Policy: the copy button
appears (its script is a file, allowed by the policy) and copies; the citation never makes a
phone-width page scroll sideways; a dated page (?as_of=) reads the same way."""

import pytest
from django.utils import timezone

from tests.factories import RoundFactory


@pytest.mark.django_db(transaction=True)
def test_the_copy_button_appears_and_copies_the_citation_under_the_policy(live_server, browser):
    RoundFactory(number=1, title="Dolmabahçe round")
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page = context.new_page()
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    try:
        for url in ["/rounds/1/", f"/rounds/1/?as_of={timezone.localdate().isoformat()}"]:
            page.goto(live_server.url + url)
            button = page.locator("button.cite-page-copy")
            assert button.is_visible(), url
            citation = page.locator("#cite-page-text").input_value()
            assert citation.startswith("“Round 1: Dolmabahçe round")
            assert f"{live_server.url}{url}." in citation
            button.click()
            page.wait_for_function("document.querySelector('.cite-page-copied').textContent !== ''")
            assert page.locator(".cite-page-copied").inner_text() == "Copied."
            assert page.evaluate("navigator.clipboard.readText()") == citation
            # Nothing is wider than the phone's screen.
            assert page.evaluate("document.documentElement.scrollWidth") <= 390, url
    finally:
        context.close()
    assert violations == []
