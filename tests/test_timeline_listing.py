"""The timeline read a page at a time by the database (record.timeline.listing) gives exactly
what building every entry gives (record.timeline.entries), for every filter and both orders, on
SQLite and PostgreSQL alike; and past timeline.CHART_DOTS entries the page's graphic stands one
dot for each month and kind, so the page costs the same at any size."""

import datetime
import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from positions.models import Issue
from provenance.models import Side
from public.views import timeline as timeline_view
from record import timeline
from record.kinds import TIMELINE
from talks.models import Track
from tests.factories import EventFactory
from tests.record_builder import build_record

pytestmark = pytest.mark.django_db

SAME_DAY = datetime.date(2025, 6, 1)


@pytest.fixture
def record():
    made = build_record(3, exchanges=2)
    # Same day, same kind: the order falls to the titles, compared as Python compares them
    # (code points), whatever the database's collation would say about case and accents.
    for title in ("apple talks", "Zebra statement", "Ärger in Kyiv", "Zebra statement", "_note"):
        EventFactory(title=title, occurred_on=SAME_DAY)
    return made


def _filters():
    """Every filter of the timeline on its own, with each of its values, in both orders."""
    single = [{}]
    single += [{"kinds": [kind.name]} for kind in TIMELINE]
    single += [{"kinds": ["round", "exchange"]}]
    single += [{"side": side} for side in Side.values]
    single += [{"issue": issue} for issue in Issue.objects.all()]
    single += [{"track": track} for track in Track.objects.published()]
    single += [{"round_number": n} for n in (1, 2, 9)]
    single += [{"date_from": SAME_DAY}, {"date_to": SAME_DAY}]
    single += [{"side": Side.RUSSIA, "issue": Issue.objects.first(), "date_from": SAME_DAY}]
    for filters, newest in itertools.product(single, (False, True)):
        yield {**filters, "newest_first": newest}


def _keys(rows) -> list[tuple[str, int]]:
    return [(entry.kind.name, entry.pk) for entry in rows]


def test_every_page_of_the_listing_is_the_same_as_the_entries(record):
    checked = 0
    for filters in _filters():
        expected = timeline.entries(**filters)
        rows = timeline.listing(**filters)
        assert rows.count() == len(expected), filters
        paged = []
        for start in range(0, rows.count() + 7, 7):
            paged += rows[start : start + 7]
        assert _keys(paged) == _keys(expected), filters
        # The same entries, with the same dates, precisions and tracks as the page shows them.
        assert [(e.date, e.precision, e.side, e.round_number, e.title) for e in paged] == [
            (e.date, e.precision, e.side, e.round_number, e.title) for e in expected
        ], filters
        assert rows.months() == timeline.by_month(expected), filters
        checked += 1
    assert checked > 30
    titles = [e.title for e in timeline.entries(kinds=["event"]) if e.date == SAME_DAY]
    assert titles == sorted(titles)


def _graphic_counts(response) -> dict[str, int]:
    return {lane["kind"]: lane["count"] for lane in response.context["chart"]["lanes"]}


def test_past_the_dot_limit_the_graphic_counts_months_and_the_page_costs_the_same(
    client, monkeypatch
):
    monkeypatch.setattr(timeline_view, "CHART_DOTS", 5)
    build_record(2, exchanges=1)
    queries = []
    for more in (0, 6):
        EventFactory.create_batch(more, occurred_on=SAME_DAY, title="More of the same")
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/timeline/")
        queries.append(len(captured))
        total = response.context["total"]
        assert total > timeline_view.CHART_DOTS
        # One dot per month and kind, each saying how many entries it stands for and linking to
        # the list's page holding the month's first entry.
        markers = response.context["chart"]["markers"]
        assert all(m["title"].split(": ")[-1].isdigit() for m in markers)
        assert sum(_graphic_counts(response).values()) == total
        june = next(
            m for m in markers if m["date"] == SAME_DAY.replace(day=1) and m["kind"] == "event"
        )
        in_june = timeline.listing(
            kinds=["event"], date_from=SAME_DAY.replace(day=1), date_to=datetime.date(2025, 6, 30)
        )
        assert june["title"] == f"Events: {in_june.count()}"
        assert "#month-2025-06" in june["url"]
        page = response.context["page"].object_list
        assert len(page) == min(total, timeline_view.TIMELINE_PAGE_SIZE)
        assert _keys(page) == _keys(timeline.entries()[: len(page)])
    assert queries[0] == queries[1]


def test_grouped_by_track_the_graphic_also_counts_months_past_the_dot_limit(client, monkeypatch):
    monkeypatch.setattr(timeline_view, "CHART_DOTS", 5)
    build_record(2, exchanges=1)
    response = client.get("/timeline/?group=track")
    assert response.context["dense"]
    markers = response.context["chart"]["markers"]
    assert all(m["title"].split(": ")[-1].isdigit() for m in markers)
    assert sum(_graphic_counts(response).values()) == response.context["total"]
    assert "Each dot is one month" in response.content.decode()
    plain = client.get("/timeline/?group=track&kind=round")  # 2 entries: a dot each
    assert not plain.context["dense"]
