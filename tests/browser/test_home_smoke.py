"""The home page renders in real Chromium and lists published rounds only."""

import pytest

from provenance.models import PublicationStatus
from tests.factories import RoundFactory


@pytest.mark.django_db(transaction=True)
def test_reader_sees_published_rounds_on_the_home_page(live_server, page):
    RoundFactory(title="Dolmabahçe round")
    RoundFactory(title="Secret draft round", publication_status=PublicationStatus.DRAFT)
    page.goto(live_server.url + "/")
    body = page.locator("main").inner_text()
    assert "Dolmabahçe round" in body
    assert "Secret draft round" not in body
