"""Search finds what people type (#12, section 6): typographic apostrophes, invisible characters
pasted with a word, the Turkish dotted capital I, and another spelling of a name — alone or after
a first name — find exactly what the plain spelling finds, on the site's search, the API's
search and the `q=` of every API resource, over the loaded record."""

import re

import pytest

from api.urls import RESOURCES

pytestmark = pytest.mark.django_db

# (as a plain keyboard types it, as people also type or paste it)
TYPED = [
    ("Ukraine's", "Ukraineʼs"),  # U+02BC, the Ukrainian apostrophe
    ("Ukraine's", "Ukraine‘s"),
    ("Ukraine's", "Ukraine’s"),
    ("Ukraine's", "Ukraine\u200b's"),  # zero-width space
    ("Ukraine's", "Ukra\u200dine's"),  # zero-width joiner
    ("Ukraine's", "Ukra\u00adine's"),  # soft hyphen
    ("Ukraine's", "\ufeffUkraine's"),  # byte-order mark
    ("prisoners", "PRİSONERS"),  # Turkish dotted capital I
    ("Istanbul", "İSTANBUL"),
    ("Çırağan", "ÇIRAĞAN"),
    ("Umerov", "Umierov"),  # an alias reaches everything the name reaches
    ("Umerov", "Umyerov"),
    ("Rustem Umerov", "Rustem Umierov"),  # first name and an alias surname
]


@pytest.fixture(autouse=True)
def record(istanbul_record_for_module):
    """Read-only tests: the record is loaded once for the module."""


def site_hits(client, query) -> set[str]:
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    return set(re.findall(r'class="search-result"[^>]*>\s*<a href="([^"]+)"', response.text))


def api_hits(client, path, query) -> set:
    response = client.get(path, {"q": query, "page_size": 500})
    assert response.status_code == 200, (path, query, response.content[:200])
    return {(row.get("type"), row["id"]) for row in response.json()["results"]}


@pytest.mark.parametrize(("plain", "typed"), TYPED)
def test_site_search_finds_what_the_plain_spelling_finds(client, plain, typed):
    found = site_hits(client, plain)
    assert found, plain
    assert site_hits(client, typed) == found


@pytest.mark.parametrize(("plain", "typed"), TYPED)
def test_api_search_finds_what_the_plain_spelling_finds(client, plain, typed):
    found = api_hits(client, "/api/v1/search/", plain)
    assert found, plain
    assert api_hits(client, "/api/v1/search/", typed) == found


def test_an_alias_reaches_rounds_events_and_sources_not_only_the_person(client):
    kinds = {kind for kind, _ in api_hits(client, "/api/v1/search/", "Umierov")}
    assert {"person", "round", "event", "source"} <= kinds


@pytest.mark.parametrize("prefix", [prefix for prefix, _, _ in RESOURCES])
def test_every_resource_q_finds_what_the_plain_spelling_finds(client, prefix):
    path = f"/api/v1/{prefix}/"
    exercised = 0
    for plain, typed in TYPED:
        found = api_hits(client, path, plain)
        exercised += bool(found)
        assert api_hits(client, path, typed) == found, (plain, typed)
    # Each resource is tried with at least one spelling that finds some of its rows.
    assert exercised, f"no query in TYPED finds any of {prefix}"
