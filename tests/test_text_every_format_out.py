"""Text that every format survives (#12, section 5), on the way out. Its own module: the
record here is dirtied for the whole module, which the write-path tests must not see.
"""

import csv
import io
import json
import re

import feedparser
import icalendar
import pytest
from django.db import models
from django.db.models import Value
from django.db.models.functions import Concat
from django.urls import Resolver404, resolve

from api.urls import RESOURCES
from talks.models import Round
from tests.test_text_every_format import DIRTY, content_models, text_fields, unsafe

# --- on the way out -----------------------------------------------------------------------------


def prose_fields(model) -> list[models.Field]:
    """The text a reader sees; not keys, slugs, codes, addresses or time zones, which
    addresses are built from."""
    return [
        field
        for field in text_fields(model)
        if not isinstance(field, models.SlugField | models.URLField)
        and not field.choices
        and (isinstance(field, models.TextField) or field.max_length >= 100)
        and field.name not in {"search_text", "time_zone"}
        # Not the Ukrainian and Russian columns (`summary_uk`): these formats are English.
        and getattr(field, "language", None) not in {"uk", "ru"}
    ]


@pytest.fixture(scope="module")
def dirty_record(istanbul_record_for_module, django_db_blocker):
    """The record with junk in every prose field of every row, written past save() as rows
    stored before text was cleaned on the way in would be."""
    with django_db_blocker.unblock():
        for model in content_models():
            fields = prose_fields(model)
            if fields:
                model._default_manager.update(
                    **{field.name: Concat(field.name, Value(DIRTY[:-1])) for field in fields}
                )
    # The lone surrogate stays out: SQLite cannot store it, so no stored row can hold one.


def site_links(html: str) -> list[str]:
    return re.findall(r'href="(/[^"#?]*)', html)


SKIPPED = ("/api/", "/data/", "/admin/", "/static/", "/preview/", "/editorial/", "/accounts/")


def crawl(client) -> tuple[dict[str, str], dict[str, str]]:
    """Every kind of public page (one of each route) and every feed or calendar they link to,
    each as {route name: URL}."""
    pages, feeds, queue = {}, {}, ["/"]
    while queue:
        url = queue.pop(0)
        try:
            route = resolve(url).view_name
        except Resolver404:
            continue
        if url.endswith((".atom", ".ics")):
            feeds.setdefault(route, url)
            continue
        if route in pages or url.startswith(SKIPPED):
            continue
        response = client.get(url)
        if response.status_code != 200:
            continue
        pages[route] = response
        queue += site_links(response.content.decode())
    return pages, feeds


@pytest.fixture(scope="module")
def crawled(dirty_record, django_db_blocker):
    from django.test import Client

    with django_db_blocker.unblock():
        return crawl(Client())


def feed_routes() -> set[str]:
    """Every route of the site that serves a feed or a calendar."""
    from public import urls

    return {
        f"public:{pattern.name}"
        for pattern in urls.urlpatterns
        if pattern.name and pattern.name.removesuffix("-in-track").endswith(("feed", "calendar"))
    }


@pytest.mark.django_db
def test_every_feed_and_calendar_is_reached(crawled):
    _, feeds = crawled
    assert set(feeds) == feed_routes()
    assert len(feeds) >= 8


@pytest.mark.django_db
def test_every_feed_and_calendar_parses_with_dirty_rows(client, crawled):
    _, feeds = crawled
    for url in sorted(feeds.values()):
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        # iCalendar ends its lines with CRLF; any other control character is junk.
        assert not unsafe(response.content.decode().replace("\r\n", "\n")), url
        if url.endswith(".atom"):
            feed = feedparser.parse(response.content)
            assert not feed.bozo, (url, feed.get("bozo_exception"))
            assert feed.entries, url
        else:
            calendar = icalendar.Calendar.from_ical(response.content)
            assert calendar.walk("VEVENT"), url


@pytest.mark.django_db
def test_a_dirty_title_comes_out_of_the_feed_cleaned(client, dirty_record):
    round_ = Round.objects.published().select_related("track").order_by("held_on").first()
    assert DIRTY[:-1] in round_.title
    feed = feedparser.parse(client.get(round_.get_feed_url()).content)
    assert not feed.bozo, feed.get("bozo_exception")
    clean_title = round_.title.replace(DIRTY[:-1], "")
    assert any(clean_title in entry.title for entry in feed.entries)


@pytest.mark.django_db
def test_every_json_ld_block_parses_with_dirty_rows(crawled):
    pages, _ = crawled
    blocks = 0
    for route, response in sorted(pages.items()):
        html = response.content.decode()
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S):
            data = json.loads(block)
            assert not unsafe(json.dumps(data, ensure_ascii=False)), route
            blocks += 1
    assert blocks >= 4


def csv_urls() -> list[str]:
    return [f"/api/v1/{prefix}.csv" for prefix, _, _ in RESOURCES]


@pytest.mark.django_db
def test_every_csv_is_clean_with_dirty_rows(client, dirty_record):
    downloads = client.get("/data/").content.decode()
    urls = csv_urls() + sorted(set(re.findall(r'href="(/data/[^"]+\.csv)"', downloads)))
    assert len(urls) >= 2 * len(RESOURCES)
    for url in urls:
        response = client.get(url, {"page_size": 500} if url.startswith("/api/") else {})
        assert response.status_code == 200, url
        body = b"".join(response.streaming_content) if response.streaming else response.content
        rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
        assert len(rows) > 1, url
        assert not unsafe("".join("".join(row) for row in rows).replace("\r", "")), url
