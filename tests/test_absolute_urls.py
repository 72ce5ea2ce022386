"""Every absolute URL the site writes keeps the address the reader used, port included (#12,
section 4): behind the shipped nginx on :8080 and with `make run PORT=8001` alike.

nginx passes the client's Host with its port (`$http_host`, deploy/nginx.conf); Django builds
every absolute URL from it. The test sends such a Host to every API list and item, the API's
other views, the /data/ catalogue, every feed and calendar route and the pages with JSON-LD, and
checks each absolute URL in the answer.
"""

import re

import pytest
from django.urls import get_resolver, reverse

from api.urls import RESOURCES

pytestmark = pytest.mark.django_db

HOST = "localhost:8080"
ABSOLUTE = re.compile(r"https?://localhost[^\s\"'<>,;)]*")


@pytest.fixture(autouse=True)
def record(istanbul_record_for_module, db):
    """The record is loaded once for the module; each test runs in its own savepoint."""


def assert_keeps_the_port(response, where: str):
    assert response.status_code == 200, (where, response.status_code)
    text = response.content.decode() + " " + response.get("Link", "")
    found = ABSOLUTE.findall(text)
    assert found, f"{where} has no absolute URL to check"
    wrong = [url for url in found if not url.startswith(f"http://{HOST}/")]
    assert not wrong, (where, wrong[:3])


@pytest.mark.parametrize("prefix", [prefix for prefix, _, _ in RESOURCES])
def test_every_api_list_and_item_keeps_the_port(client, prefix):
    response = client.get(f"/api/v1/{prefix}/?page_size=2", HTTP_HOST=HOST)
    assert_keeps_the_port(response, prefix)
    item = response.json()["results"][0]["url"]
    assert_keeps_the_port(client.get(item, HTTP_HOST=HOST), item)
    assert_keeps_the_port(client.get(f"/api/v1/{prefix}.csv", HTTP_HOST=HOST), f"{prefix}.csv")


@pytest.mark.parametrize(
    "path",
    ["/api/v1/", "/api/v1/search/?q=Istanbul", "/api/v1/timeline/", "/data/"],
)
def test_the_other_api_answers_keep_the_port(client, path):
    assert_keeps_the_port(client.get(path, HTTP_HOST=HOST), path)


def _feed_and_calendar_routes():
    """(name, kwargs) for every feed and calendar route of the site, with a published row."""
    from actors.models import Person
    from positions.models import Issue
    from talks.models import Round, Track

    routes = []
    for pattern in get_resolver("public.urls").url_patterns:
        name = getattr(pattern, "name", "") or ""
        if "feed" not in name and "calendar" not in name:
            continue
        keys = set(pattern.pattern.converters)
        routes.append((name, keys))
    assert routes

    def kwargs_for(name, keys):
        if not keys:
            return {}
        if "number" in keys:
            round_ = Round.objects.published().select_related("track").first()
            kwargs = {"number": round_.number}
            if "track_slug" in keys:
                kwargs["track_slug"] = round_.track.slug
            return kwargs
        model = {"track": Track, "person": Person, "issue": Issue}[name.split("-")[0]]
        rows = model.objects.published() if hasattr(model.objects, "published") else model.objects
        return {"slug": rows.first().slug}

    return [(name, keys, kwargs_for) for name, keys in routes]


FEED_ROUTES = [
    "changes-feed",
    "round-changes-feed",
    "round-changes-feed-in-track",
    "track-changes-feed",
    "person-changes-feed",
    "issue-changes-feed",
    "rounds-calendar",
    "round-calendar",
    "round-calendar-in-track",
]


def test_the_route_list_is_every_feed_and_calendar():
    """So a new feed is added below, or this fails."""
    names = {getattr(p, "name", "") for p in get_resolver("public.urls").url_patterns if p.name}
    assert {n for n in names if "feed" in n or "calendar" in n} == set(FEED_ROUTES)


@pytest.mark.parametrize("name", FEED_ROUTES)
def test_every_feed_and_calendar_keeps_the_port(client, name):
    routes = {route: (keys, kwargs_for) for route, keys, kwargs_for in _feed_and_calendar_routes()}
    keys, kwargs_for = routes[name]
    path = reverse(f"public:{name}", kwargs=kwargs_for(name, keys))
    response = client.get(path, HTTP_HOST=HOST, follow=True)
    assert_keeps_the_port(response, path)


def test_pages_with_json_ld_keep_the_port(client):
    from actors.models import Organization, Person
    from talks.models import Round

    for model in (Round, Person, Organization):
        path = model.objects.published().first().get_absolute_url()
        response = client.get(path, HTTP_HOST=HOST)
        assert response.status_code == 200, path
        blocks = re.findall(
            r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
        )
        assert blocks, f"{path} has JSON-LD"
        for url in ABSOLUTE.findall(" ".join(blocks)):
            assert url.startswith(f"http://{HOST}/"), (path, url)
