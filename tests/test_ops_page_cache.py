"""The anonymous page cache never shows a page older than the last published change.

Run against local memory and against the real Redis, the shared cache every gunicorn worker uses
in production: database 5 (or REDIS_TEST_DB) plus the pytest-xdist worker's number, so parallel
workers never see each other's keys (REDIS_TEST_URL names another server).
"""

import os

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from provenance.models import PublicationStatus
from tests.factories import RoundFactory

REDIS_TEST_SERVER = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379").rstrip("/")


def redis_test_url() -> str:
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw")
    return f"{REDIS_TEST_SERVER}/{int(os.environ.get('REDIS_TEST_DB', 5)) + int(worker or 0)}"


@pytest.fixture(params=["locmem", "redis"])
def page_cache(request, settings):
    backend = {
        "locmem": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "redis": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_test_url(),
        },
    }[request.param]
    settings.CACHES = {"default": backend}
    settings.PAGE_CACHE_SECONDS = 60
    from django.core.cache import cache

    cache.clear()
    yield cache
    cache.clear()


@pytest.mark.django_db(transaction=True)
def test_cached_home_shows_a_round_on_the_request_after_it_is_published(
    client, page_cache, django_assert_num_queries
):
    RoundFactory(number=1, title="Cached round Alpha")
    draft = RoundFactory(
        number=2, title="Drafted round Beta", publication_status=PublicationStatus.DRAFT
    )
    assert "Drafted round Beta" not in client.get("/").content.decode()
    with django_assert_num_queries(0):  # served from the cache
        assert "Cached round Alpha" in client.get("/").content.decode()

    draft.publication_status = PublicationStatus.PUBLISHED
    draft.save()

    assert "Drafted round Beta" in client.get("/").content.decode()


@pytest.mark.django_db(transaction=True)
def test_unpublished_round_disappears_from_the_cached_home_at_once(client, page_cache):
    round_ = RoundFactory(number=3, title="Withdrawn round")
    assert "Withdrawn round" in client.get("/").content.decode()
    round_.publication_status = PublicationStatus.DRAFT
    round_.save()
    assert "Withdrawn round" not in client.get("/").content.decode()


@pytest.mark.django_db(transaction=True)
def test_logged_in_users_and_the_admin_bypass_the_page_cache(client, admin_user, page_cache):
    RoundFactory(number=1)
    client.get("/")  # an anonymous visit fills the cache
    client.force_login(admin_user)
    with CaptureQueriesContext(connection) as queries:
        client.get("/")
    assert len(queries) > 0  # rendered afresh from the database, not served from the cache
    client.logout()
    keys = page_cache_keys(page_cache)
    assert client.get("/admin/login/").status_code == 200
    assert page_cache_keys(page_cache) == keys  # the anonymous admin login page was not stored


def page_cache_keys(cache):
    if isinstance(cache._cache, dict):  # local memory
        return sorted(str(key) for key in cache._cache)
    return sorted(key.decode() for key in cache._cache.get_client().keys("*"))


@pytest.mark.django_db(transaction=True)
def test_api_responses_are_left_to_the_api(client, page_cache):
    keys = page_cache_keys(page_cache)
    assert client.get("/api/v1/").status_code == 200
    # Only the rate limit's counter and the content version its ETag is made from are new: no
    # page was stored.
    from provenance.versioning import VERSION_KEY

    new = [key for key in page_cache_keys(page_cache) if key not in keys]
    assert [key for key in new if "throttle_anon" not in key and VERSION_KEY not in key] == []


def _feeds_and_calendars(record) -> list[str]:
    """Every feed and calendar the site serves (public/urls.py), filled in from the record."""
    from django.urls import get_resolver, reverse

    values = {
        "number": 1,
        "track_slug": record["track"].slug,
        "slug": None,  # by the feed: a track's, a person's or an issue's
    }
    slugs = {"track": record["track"].slug, "people": record["person"].slug}
    slugs["issues"] = record["issue"].slug
    urls = []
    for pattern in get_resolver("public.urls").url_patterns:
        name = getattr(pattern, "name", "") or ""
        if "-feed" not in name and "-calendar" not in name:
            continue
        kwargs = {}
        for key in pattern.pattern.converters:
            if key == "slug":
                route = str(pattern.pattern)
                kwargs[key] = next(v for k, v in slugs.items() if k in route)
            else:
                kwargs[key] = values[key]
        urls.append(reverse(f"public:{name}", kwargs=kwargs))
    return urls


@pytest.mark.django_db(transaction=True)
def test_every_feed_and_calendar_answers_304_with_its_etag_from_the_page_cache(client, page_cache):
    from tests.factories import IssueFactory, PersonFactory

    round_ = RoundFactory(number=1)
    record = {"track": round_.track, "person": PersonFactory(), "issue": IssueFactory()}
    urls = _feeds_and_calendars(record)
    assert len(urls) >= 9
    for url in urls:
        first = client.get(url)
        if first.status_code in (301, 302):  # the Istanbul track's own addresses redirect
            continue
        assert first.status_code == 200, url
        cached = client.get(url)  # now from the page cache
        assert cached["ETag"] == first["ETag"], url
        for condition in (
            {"if-none-match": first["ETag"]},
            {"if-modified-since": first["Last-Modified"]},
        ):
            again = client.get(url, headers=condition)
            assert again.status_code == 304, (url, condition)
            assert again["ETag"] == first["ETag"], (url, condition)
            assert again["Last-Modified"] == first["Last-Modified"], (url, condition)


@pytest.mark.django_db
def test_no_shared_cache_keeps_a_header_that_belongs_to_one_client(client, settings):
    """Every header the throttling sets (on a 200 and on a 429) is a per-client header: the API
    marks such answers private (so nginx's micro-cache does not store them) and the page cache
    refuses any response that carries one."""
    from django.http import HttpResponse

    from ops.middleware import AnonymousPageCacheMiddleware

    settings.API_ANON_RATE = "2/minute"
    answers = [client.get("/api/v1/issues/") for _ in range(3)]
    assert [answer.status_code for answer in answers] == [200, 200, 429]
    set_by_throttling = {
        header
        for answer in answers
        for header in answer.headers
        if header.lower().startswith("x-ratelimit-") or header.lower() == "retry-after"
    }
    assert len(set_by_throttling) >= 4
    per_client = {header.lower() for header in settings.PER_CLIENT_HEADERS}
    assert {header.lower() for header in set_by_throttling} <= per_client
    for answer in answers[:2]:
        assert answer["Cache-Control"].startswith("private"), answer["Cache-Control"]
    for header in set_by_throttling:
        response = HttpResponse("a page")
        response[header] = "1"
        assert not AnonymousPageCacheMiddleware._cacheable_response(response), header
    assert AnonymousPageCacheMiddleware._cacheable_response(HttpResponse("a page"))


def test_nginx_never_stores_an_answer_with_a_per_client_header():
    from pathlib import Path

    conf = (Path(__file__).resolve().parent.parent / "deploy" / "nginx.conf").read_text()
    no_cache = conf.split("proxy_no_cache", 1)[1].split(";", 1)[0]
    from django.conf import settings

    for header in settings.PER_CLIENT_HEADERS:
        assert "$upstream_http_" + header.lower().replace("-", "_") in no_cache, header
