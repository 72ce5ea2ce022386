"""A page that is not there answers with the site's own 404 page, on every route that takes an
object, and a draft's address gets the same page as one that never existed."""

import pytest
from django.urls import reverse

from provenance.models import PublicationStatus
from tests.factories import RoundFactory, TrackFactory
from tests.test_site_cite import html_routes

pytestmark = pytest.mark.django_db

MISSING = {"int": 987654, "slug": "no-such-thing", "str": "no-such-thing"}


def missing_arguments(pattern) -> list:
    converters = pattern.pattern.converters
    names = {name: type(converter).__name__ for name, converter in converters.items()}
    arguments = []
    for name in names:
        if name == "track_slug":
            arguments.append(TrackFactory().slug)  # a real track: the row inside it is missing
        else:
            kind = "int" if "Int" in names[name] else "slug"
            arguments.append(MISSING[kind])
    return arguments


def test_every_route_with_an_object_answers_a_missing_one_with_the_sites_404_page(client):
    routes = [pattern for pattern in html_routes() if pattern.pattern.converters]
    assert len(routes) >= 10
    for pattern in routes:
        url = reverse(f"public:{pattern.name}", args=missing_arguments(pattern))
        response = client.get(url)
        assert response.status_code == 404, url
        page = response.content.decode()
        assert "<h1>Page not found</h1>" in page, url
        assert 'href="/timeline/"' in page, url  # the site's navigation is there
        assert "Cite this page" not in page, url


def test_a_draft_rounds_address_gets_the_page_of_an_address_that_never_existed(client):
    RoundFactory(number=41, publication_status=PublicationStatus.DRAFT)
    draft = client.get("/rounds/41/")
    never = client.get("/rounds/42/")
    assert draft.status_code == never.status_code == 404
    assert draft.content.decode().replace("41", "N") == never.content.decode().replace("42", "N")
