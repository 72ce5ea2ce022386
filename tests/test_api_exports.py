"""The Popolo and TimelineJS exports in those formats' own terms (#12, section 7), on the loaded
record: every item is checked against the format's documented shape, and against what the API
itself says about the same rows."""

import datetime
import re

import jsonschema
import pytest

from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db

# Popolo's JSON schemas (popoloproject.com/schemas/*.json, draft 3), the properties this export
# uses, written as draft 7: dates are ISO 8601 as precise as known.
POPOLO_DATE = {"type": ["string", "null"], "pattern": r"^[0-9]{4}(-[0-9]{2}){0,2}$"}
OTHER_NAMES = {
    "type": "array",
    "items": {
        "type": "object",
        "properties": {"name": {"type": "string", "minLength": 1}, "note": {"type": "string"}},
        "required": ["name"],
    },
}
IDENTIFIERS = {
    "type": "array",
    "items": {
        "type": "object",
        "properties": {"identifier": {"type": "string"}, "scheme": {"type": "string"}},
        "required": ["identifier"],
    },
}
POPOLO = {
    "persons": {
        "type": "object",
        "properties": {
            "id": {"type": "string"},
            "name": {"type": "string", "minLength": 1},
            "other_names": OTHER_NAMES,
            "identifiers": IDENTIFIERS,
            "summary": {"type": ["string", "null"]},
        },
        "required": ["id", "name"],
    },
    "organizations": {
        "type": "object",
        "properties": {
            "id": {"type": "string"},
            "name": {"type": "string", "minLength": 1},
            "other_names": OTHER_NAMES,
            "identifiers": IDENTIFIERS,
            "classification": {"type": ["string", "null"]},
            "parent_id": {"type": ["string", "null"]},
            "founding_date": POPOLO_DATE,
            "dissolution_date": POPOLO_DATE,
        },
        "required": ["id", "name"],
    },
    "memberships": {
        "type": "object",
        "properties": {
            "id": {"type": "string"},
            "label": {"type": ["string", "null"]},
            "role": {"type": ["string", "null"]},
            "person_id": {"type": "string"},
            "organization_id": {"type": "string"},
            "start_date": POPOLO_DATE,
            "end_date": POPOLO_DATE,
        },
        "required": ["id", "person_id", "organization_id"],
    },
    "events": {
        "type": "object",
        "properties": {
            "id": {"type": "string"},
            "name": {"type": "string", "minLength": 1},
            "classification": {"type": ["string", "null"]},
            "start_date": POPOLO_DATE,
            "end_date": POPOLO_DATE,
            "location": {"type": ["string", "null"]},
            "status": {"type": ["string", "null"]},
        },
        "required": ["id", "name", "start_date"],
    },
}
DATE_LENGTH = {"day": 10, "month": 7, "year": 4}


@pytest.fixture
def record(istanbul_record):
    pass


def api_rows(client, path) -> list[dict]:
    response = client.get(path, {"page_size": 500})
    assert response.status_code == 200
    data = response.json()
    assert data["count"] <= 500
    return data["results"]


def test_every_popolo_item_has_popolo_shape_and_every_reference_resolves(client, record):
    data = client.get("/api/v1/popolo.json").json()
    assert set(POPOLO) <= set(data)
    for collection, schema in POPOLO.items():
        assert data[collection], collection
        for item in data[collection]:
            jsonschema.validate(item, schema)
    ids = {item["id"] for collection in POPOLO for item in data[collection]}
    assert len(ids) == sum(len(data[collection]) for collection in POPOLO)  # ids are unique
    for membership in data["memberships"]:
        assert {membership["person_id"], membership["organization_id"]} <= ids
        if "event_id" in membership:
            assert membership["event_id"] in ids
    for organization in data["organizations"]:
        assert organization["parent_id"] is None or organization["parent_id"] in ids


def test_popolo_dates_are_as_precise_as_the_record_and_no_more(client, record):
    data = client.get("/api/v1/popolo.json").json()
    by_id = {item["id"]: item for item in data["memberships"]}
    checked = 0
    for post in api_rows(client, "/api/v1/memberships/"):
        popolo = by_id[f"membership/{post['id']}"]
        for side in ("start", "end"):
            value = popolo[f"{side}_date"]
            if post[f"{side}_on"]:
                assert len(value) == DATE_LENGTH[post[f"{side}_precision"]], (post, popolo)
                checked += 1
    events = {event["name"]: event for event in data["events"]}
    for round_ in api_rows(client, "/api/v1/rounds/"):
        [event] = [
            e
            for name, e in events.items()
            if name.endswith(f"round {round_['number']}: {round_['title']}")
        ]
        assert len(event["start_date"]) == DATE_LENGTH[round_["held_on_precision"]]
        checked += 1
    assert checked > 20


def test_a_post_known_to_the_month_is_a_month(client, db):
    post = MembershipFactory(
        start_on=datetime.date(2025, 6, 1), start_precision="month", end_on=None
    )
    popolo = client.get("/api/v1/popolo.json").json()
    [row] = [m for m in popolo["memberships"] if m["id"] == f"membership/{post.pk}"]
    assert row["start_date"] == "2025-06"


def test_no_ended_post_reads_as_current_in_popolo(client, record):
    data = client.get("/api/v1/popolo.json").json()
    by_id = {item["id"]: item for item in data["memberships"]}
    ended = [
        post
        for post in api_rows(client, "/api/v1/memberships/")
        if post["end_on"] or post["ended_date_unknown"]
    ]
    assert any(post["ended_date_unknown"] for post in ended)
    for post in ended:
        popolo = by_id[f"membership/{post['id']}"]
        assert popolo["end_date"], post
        if post["ended_date_unknown"]:
            assert popolo["end_date_unknown"] is True
            assert popolo["note"]


def test_kyslytsia_left_the_ministry_by_his_next_post(client, record):
    data = client.get("/api/v1/popolo.json").json()
    [ministry] = [
        m for m in data["memberships"] if m["role"] == "First Deputy Minister of Foreign Affairs"
    ]
    assert ministry["end_date"] == "2026-01-05"


def test_every_participant_is_a_popolo_membership_of_a_round(client, record):
    data = client.get("/api/v1/popolo.json").json()
    events = {event["id"]: event for event in data["events"]}
    participations = [m for m in data["memberships"] if m["id"].startswith("membership/part")]
    participants = api_rows(client, "/api/v1/participants/")
    assert len(participations) == len(participants) > 100
    assert len(events) == len(api_rows(client, "/api/v1/rounds/"))
    for membership in participations:
        event = events[membership["event_id"]]
        assert membership["start_date"] == event["start_date"]
        assert membership["role"]


# --- TimelineJS (timeline.knightlab.com/docs/json-format.html) ----------------------------------

TIMELINEJS_DATE = {
    "type": "object",
    "properties": {
        "year": {"type": "integer"},
        "month": {"type": "integer", "minimum": 1, "maximum": 12},
        "day": {"type": "integer", "minimum": 1, "maximum": 31},
        "hour": {"type": "integer", "minimum": 0, "maximum": 23},
        "minute": {"type": "integer", "minimum": 0, "maximum": 59},
    },
    "required": ["year"],
    "additionalProperties": False,
}
TIMELINEJS_TEXT = {
    "type": "object",
    "properties": {
        "headline": {"type": "string", "minLength": 1},
        "text": {"type": "string", "minLength": 1},
    },
    "required": ["headline", "text"],
}
TIMELINEJS_SLIDE = {
    "type": "object",
    "properties": {
        "start_date": TIMELINEJS_DATE,
        "end_date": TIMELINEJS_DATE,
        "text": TIMELINEJS_TEXT,
        "group": {"type": "string"},
        "unique_id": {"type": "string", "pattern": "^[A-Za-z0-9_-]+$"},
    },
    "required": ["start_date", "text", "unique_id"],
}
TIMELINEJS = {
    "type": "object",
    "properties": {
        "title": {"type": "object", "properties": {"text": TIMELINEJS_TEXT}},
        "events": {"type": "array", "items": TIMELINEJS_SLIDE, "minItems": 1},
    },
    "required": ["events"],
}


def as_datetime(date: dict) -> datetime.datetime:
    return datetime.datetime(
        date["year"],
        date.get("month", 1),
        date.get("day", 1),
        date.get("hour", 0),
        date.get("minute", 0),
    )


def test_every_timelinejs_slide_has_the_documented_shape_and_links_back(client, record):
    data = client.get("/api/v1/timeline.json").json()
    jsonschema.validate(data, TIMELINEJS)
    timeline = api_rows(client, "/api/v1/timeline/")
    assert len(data["events"]) == len(timeline)
    for slide in data["events"]:
        if "end_date" in slide:
            assert as_datetime(slide["end_date"]) >= as_datetime(slide["start_date"]), slide
        links = re.findall(r'<a href="([^"]+)">', slide["text"]["text"])
        assert links, slide
        assert client.get(links[-1]).status_code == 200, links[-1]


def test_timelinejs_has_the_times_and_ends_the_record_knows(client, record):
    data = {
        slide["unique_id"]: slide for slide in client.get("/api/v1/timeline.json").json()["events"]
    }
    rounds = api_rows(client, "/api/v1/rounds/")
    timed = [r for r in rounds if r["actual_start_at"] and r["held_on_precision"] == "day"]
    over_days = [r for r in rounds if r["ended_on"] and r["ended_on"] > r["held_on"]]
    assert timed
    assert over_days
    for round_ in timed:
        assert "hour" in data[f"round-{round_['id']}"]["start_date"], round_["title"]
    for round_ in over_days:
        end = data[f"round-{round_['id']}"]["end_date"]
        assert (
            datetime.date(end["year"], end["month"], end["day"]).isoformat() == round_["ended_on"]
        )


def test_popolo_query_count_does_not_grow_with_the_record(client, db):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import ParticipantFactory

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/api/v1/popolo.json").status_code == 200
        return len(captured.captured_queries)

    ParticipantFactory()
    MembershipFactory()
    few = queries()
    ParticipantFactory.create_batch(5)
    MembershipFactory.create_batch(5, ended_date_unknown=True, end_on=None)
    assert queries() == few


def test_timelinejs_query_count_does_not_grow_with_the_record(client, db):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import EventFactory, ExchangeFactory, RoundFactory

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/api/v1/timeline.json").status_code == 200
        return len(captured.captured_queries)

    RoundFactory()
    EventFactory()
    ExchangeFactory()
    few = queries()
    RoundFactory.create_batch(5)
    EventFactory.create_batch(5)
    ExchangeFactory.create_batch(5)
    assert queries() == few


def test_a_draft_side_organization_is_not_named_by_its_delegation(client, db):
    from tests.factories import DelegationFactory, OrganizationFactory

    secret = OrganizationFactory(name="Unannounced Office", publication_status="draft")
    delegation = DelegationFactory(organization=secret)
    data = client.get("/api/v1/popolo.json").json()
    [organization] = [
        o for o in data["organizations"] if o["id"] == f"organization/delegation-{delegation.pk}"
    ]
    assert organization["parent_id"] is None
    assert "Unannounced Office" not in client.get("/api/v1/popolo.json").content.decode()


def test_timelinejs_shows_each_rounds_outcomes_as_a_list(client, record):
    from talks.models import Round

    slides = {s["unique_id"]: s for s in client.get("/api/v1/timeline.json").json()["events"]}
    with_outcomes = [r for r in Round.objects.published() if "\n- " in r.summary]
    assert with_outcomes  # the Istanbul rounds list their outcomes
    for round_ in with_outcomes:
        text = slides[f"round-{round_.pk}"]["text"]["text"]
        items = round_.summary.count("\n- ")
        assert text.count("<li>") == items, round_
        assert "<ul>" in text, round_
