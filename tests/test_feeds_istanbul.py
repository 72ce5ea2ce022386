"""The feeds on the real Istanbul record (manage.py load_istanbul)."""

import datetime
import zoneinfo

import feedparser
import icalendar
import pytest

pytestmark = pytest.mark.django_db

ISTANBUL = zoneinfo.ZoneInfo("Europe/Istanbul")


@pytest.fixture(autouse=True)
def record(istanbul_record_for_module):
    """Read-only tests: the record is loaded once for the module."""


def test_calendar_has_the_three_rounds_at_their_venues(client):
    calendar = icalendar.Calendar.from_ical(client.get("/rounds.ics").content)
    every = {str(event["UID"]): event for event in calendar.walk("VEVENT")}
    # The Istanbul talks keep the UIDs they had before tracks; later tracks' rounds are named
    # with their track (the 2026 review added them).
    events = {uid: event for uid, event in every.items() if uid[len("round-") :][0].isdigit()}
    assert sorted(events) == ["round-1@127.0.0.1", "round-2@127.0.0.1", "round-3@127.0.0.1"]
    assert "round-trilateral-1@127.0.0.1" in every
    assert [events[f"round-{n}@127.0.0.1"].start.date() for n in (1, 2, 3)] == [
        datetime.date(2025, 5, 16),
        datetime.date(2025, 6, 2),
        datetime.date(2025, 7, 23),
    ]
    assert all(event.start.tzinfo == ISTANBUL for event in events.values())
    assert "Dolmabahçe" in events["round-1@127.0.0.1"]["LOCATION"]
    assert "Çırağan" in events["round-3@127.0.0.1"]["LOCATION"]
    assert {str(event["STATUS"]) for event in events.values()} == {"CONFIRMED"}


def test_change_feed_is_valid_and_full(client):
    feed = feedparser.parse(client.get("/feeds/changes.atom").content)
    assert not feed.bozo
    assert len(feed.entries) == 50
    assert len({entry.id for entry in feed.entries}) == 50


def test_round_feed_covers_what_round_2_produced(client):
    feed = feedparser.parse(client.get("/feeds/rounds/2/changes.atom").content)
    assert not feed.bozo
    titles = " | ".join(entry.title for entry in feed.entries)
    # The feed keeps the 50 latest changes; with the 2026 review's exchanges under round 2's
    # agreements, Russia's memorandum (loaded first) falls out and Ukraine's framework stays.
    assert "Ukraine–Russia Negotiations Framework" in titles
    assert "Bodies, 16 June" in titles  # an exchange under a round 2 commitment
    assert "Round 3" not in titles
    assert "23 July" not in titles
