"""Text that every format survives (#12, section 5).

A control character pasted from Word (`\\x02`), a non-character (`U+FFFF`) or a lone surrogate
is kept out of every text field of every content model, whatever path writes it; and rows stored
before that rule still come out of every feed, calendar, JSON-LD block and CSV as something the
format's own parser reads.
"""

import csv
import io
import json
import re

import feedparser
import icalendar
import pytest
import tablib
from django.apps import apps
from django.db import models
from django.db.models import Value
from django.db.models.functions import Concat
from django.urls import Resolver404, resolve, reverse

from actors.models import Person
from api.urls import RESOURCES
from provenance.guard import PROJECT_APPS
from record.loader.upsert import Upserter
from talks.models import Participant, Round
from talks.resources import ParticipantResource
from tests.admin_forms import form_data
from tests.factories import DelegationFactory, PersonFactory, RoundFactory, SourceFactory

# What Word, a PDF or a bad converter leaves in pasted text: C0 and C1 controls, DEL,
# non-characters of the BMP and of plane 1, and a lone surrogate.
DIRTY = "\x02\x0b\x1f\x7f\x85\ufdd0\uffff\U0001fffe\ud800"


def unsafe(text: str) -> list[str]:
    """The characters of `text` that XML 1.0, iCalendar or UTF-8 cannot carry."""
    return [
        ch
        for ch in text
        if (ord(ch) < 0x20 and ch not in "\t\n")
        or 0x7F <= ord(ch) <= 0x9F
        or 0xFDD0 <= ord(ch) <= 0xFDEF
        or ord(ch) & 0xFFFE == 0xFFFE
        or 0xD800 <= ord(ch) <= 0xDFFF
    ]


def content_models() -> list[type[models.Model]]:
    """Every model of the record: the versioned models of the content apps."""
    return [
        model
        for model in apps.get_models()
        if model._meta.app_label in PROJECT_APPS
        and hasattr(model, "history")
        and not model.__name__.startswith("Historical")
    ]


def text_fields(model) -> list[models.Field]:
    return [
        field
        for field in model._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField)
    ]


TEXT_FIELDS = [(model, field) for model in content_models() for field in text_fields(model)]


def test_the_write_path_test_covers_the_whole_record():
    names = {model.__name__ for model in content_models()}
    assert {"Source", "Person", "Round", "Participant", "City", "Issue", "ExchangeCount"} <= names
    assert len(TEXT_FIELDS) > 100


# --- on the way in ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("model", "field"),
    TEXT_FIELDS,
    ids=[f"{model.__name__}.{field.name}" for model, field in TEXT_FIELDS],
)
def test_every_text_field_of_every_content_model_is_stored_clean(
    istanbul_record_for_module, model, field
):
    row = model._default_manager.order_by("pk").first()
    assert row is not None, f"the record has no {model.__name__}"
    original = getattr(row, field.attname)
    # A choice is a code: junk after it must come back as the code.
    dirty = original + DIRTY if field.choices else original[:1] + DIRTY + original[1:]
    setattr(row, field.attname, dirty)
    row.save()
    stored = model._default_manager.values_list(field.attname, flat=True).get(pk=row.pk)
    assert stored == original
    # The version kept in history, which the change feeds and revert read, is clean too.
    assert not unsafe(getattr(row.history.latest(), field.attname))


def test_windows_line_ends_become_newlines(db):
    person = PersonFactory(biography="First line.\r\nSecond line.\rThird.")
    person.refresh_from_db()
    assert person.biography == "First line.\nSecond line.\nThird."


def test_admin_form_stores_clean_text(publisher_client):
    round_ = RoundFactory(title="Round four")
    round_.sources.add(SourceFactory())
    url = reverse("admin:talks_round_change", args=[round_.pk])
    data = form_data(publisher_client.get(url), "round_form")
    data.update(title="Round\x02 four\uffff", summary="Pasted\x0b from Word.")
    assert publisher_client.post(url, data).status_code == 302
    round_.refresh_from_db()
    assert (round_.title, round_.summary) == ("Round four", "Pasted from Word.")


def test_csv_import_stores_clean_text(publisher):
    SourceFactory(code="S41")
    PersonFactory(slug="rustem-umerov")
    delegation = DelegationFactory(
        round=RoundFactory(number=4), side="ukraine", publication_status="draft"
    )
    text = (
        "round,side,person,role,title_at_time,represents,at_table,order,confidence,note,sources\n"
        "4,ukraine,rustem-umerov,head,Secretary\x02 of the NSDC,,yes,0,confirmed,\x0c,S41\n"
    )
    result = ParticipantResource().import_data(
        tablib.Dataset().load(text, "csv"), dry_run=False, user=publisher
    )
    assert not result.has_errors()
    assert not result.has_validation_errors()
    participant = Participant.objects.get(delegation=delegation)
    assert (participant.title_at_time, participant.note) == ("Secretary of the NSDC", "")


def test_data_loader_stores_clean_text(db):
    person = Upserter().upsert(
        Person,
        {"slug": "rustem-umerov"},
        {"name": "Rustem\x02 Umerov", "native_name": "Рустем Умєров\uffff"},
    )
    person.refresh_from_db()
    assert (person.name, person.native_name) == ("Rustem Umerov", "Рустем Умєров")


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
