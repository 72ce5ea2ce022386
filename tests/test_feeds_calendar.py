"""The iCalendar feed of rounds, read back with icalendar's own parser."""

import datetime
import re
import zoneinfo

import icalendar
import pytest
from django.urls import reverse

from provenance.models import DatePrecision, PublicationStatus
from talks.models import RoundStatus
from tests.factories import RoundFactory, VenueFactory, aware

pytestmark = pytest.mark.django_db

ISTANBUL = zoneinfo.ZoneInfo("Europe/Istanbul")
HOST = "127.0.0.1"  # from the default SITE_URL


def fetch(client, url="/rounds.ics") -> icalendar.Calendar:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def events_by_uid(calendar) -> dict[str, icalendar.Event]:
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


@pytest.fixture
def second_round():
    venue = VenueFactory(
        name="Çırağan Palace", city="Istanbul", latitude="41.04361", longitude="29.01389"
    )
    return RoundFactory(
        number=2,
        title="Second round",
        status=RoundStatus.HELD,
        held_on=datetime.date(2025, 6, 2),
        scheduled_start_at=aware(2025, 6, 2, 13, 0),
        actual_start_at=aware(2025, 6, 2, 13, 50),
        actual_end_at=aware(2025, 6, 2, 14, 55),
        venue=venue,
    )


def test_urls_are_the_documented_ones():
    assert reverse("public:rounds-calendar") == "/rounds.ics"
    assert reverse("public:round-calendar", args=[2]) == "/rounds/2.ics"


def test_round_is_an_event_in_istanbul_time(client, second_round):
    calendar = fetch(client)
    assert calendar["X-WR-CALNAME"] == "Istanbul talks: rounds"
    assert [tz.tz_name for tz in calendar.timezones] == ["Europe/Istanbul"]
    event = events_by_uid(calendar)[f"round-2@{HOST}"]
    assert event.start == datetime.datetime(2025, 6, 2, 13, 50, tzinfo=ISTANBUL)
    assert event["DTSTART"].params["TZID"] == "Europe/Istanbul"
    assert event.end == datetime.datetime(2025, 6, 2, 14, 55, tzinfo=ISTANBUL)
    assert event["STATUS"] == "CONFIRMED"
    assert event["LOCATION"] == "Çırağan Palace, Istanbul"
    # From the request's own address (tests/test_absolute_urls.py), not SITE_URL.
    assert event["URL"] == "http://testserver" + second_round.get_absolute_url()
    assert event["SEQUENCE"] == 0
    assert event["DTSTAMP"].dt.tzinfo is not None
    assert "Second round" in event["SUMMARY"]


def test_date_without_a_time_is_an_all_day_event(client):
    RoundFactory(number=4, held_on=datetime.date(2025, 9, 1), status=RoundStatus.ANNOUNCED)
    event = events_by_uid(fetch(client))[f"round-4@{HOST}"]
    assert event["DTSTART"].params["VALUE"] == "DATE"
    assert event.start == datetime.date(2025, 9, 1)
    assert event.end == datetime.date(2025, 9, 2)
    assert event["STATUS"] == "TENTATIVE"


def test_date_known_only_to_the_month_is_all_day_and_says_so(client):
    RoundFactory(
        number=5,
        held_on=datetime.date(2025, 10, 1),
        held_on_precision=DatePrecision.MONTH,
        scheduled_start_at=aware(2025, 10, 1, 12, 0),
    )
    event = events_by_uid(fetch(client))[f"round-5@{HOST}"]
    assert event.start == datetime.date(2025, 10, 1)
    assert "Date known to the month only" in event["DESCRIPTION"]


def test_cancelled_round_is_cancelled(client):
    RoundFactory(number=6, status=RoundStatus.CANCELLED)
    assert events_by_uid(fetch(client))[f"round-6@{HOST}"]["STATUS"] == "CANCELLED"


def test_sequence_grows_when_the_time_changes_and_uid_stays(client, second_round):
    second_round.summary = "A summary is not a schedule change."
    second_round.save()
    assert events_by_uid(fetch(client))[f"round-2@{HOST}"]["SEQUENCE"] == 0
    second_round.actual_start_at = aware(2025, 6, 2, 14, 0)
    second_round.save()
    event = events_by_uid(fetch(client))[f"round-2@{HOST}"]
    assert event["SEQUENCE"] == 1
    assert event.start == datetime.datetime(2025, 6, 2, 14, 0, tzinfo=ISTANBUL)
    second_round.status = RoundStatus.POSTPONED
    second_round.save()
    assert events_by_uid(fetch(client))[f"round-2@{HOST}"]["SEQUENCE"] == 2


def test_schedule_changes_made_while_draft_do_not_count(client, second_round):
    second_round.publication_status = PublicationStatus.DRAFT
    second_round.actual_start_at = aware(2025, 6, 2, 14, 30)
    second_round.save()
    second_round.actual_start_at = aware(2025, 6, 2, 13, 50)
    second_round.publication_status = PublicationStatus.PUBLISHED
    second_round.save()
    assert events_by_uid(fetch(client))[f"round-2@{HOST}"]["SEQUENCE"] == 0


def test_draft_rounds_are_absent(client, second_round):
    RoundFactory(number=7, title="Secret round", publication_status=PublicationStatus.DRAFT)
    response = client.get("/rounds.ics")
    assert list(events_by_uid(fetch(client))) == [f"round-2@{HOST}"]
    assert b"Secret" not in response.content
    assert client.get("/rounds/7.ics").status_code == 404


def test_one_round_calendar(client, second_round):
    RoundFactory(number=3)
    calendar = fetch(client, "/rounds/2.ics")
    assert list(events_by_uid(calendar)) == [f"round-2@{HOST}"]
    assert client.get("/rounds/99.ics").status_code == 404


def test_output_is_the_same_on_every_request(client, second_round):
    assert client.get("/rounds.ics").content == client.get("/rounds.ics").content


def test_query_count_does_not_grow_with_rounds(client, django_assert_num_queries):
    RoundFactory()
    # 1 published rounds with their venues, 2 their published history rows (for SEQUENCE).
    with django_assert_num_queries(2):
        fetch(client)
    for _ in range(10):
        RoundFactory()
    with django_assert_num_queries(2):
        assert len(events_by_uid(fetch(client))) == 11


def test_calendar_tells_clients_how_often_to_poll(client, second_round):
    calendar = fetch(client)
    assert calendar["REFRESH-INTERVAL"].dt == datetime.timedelta(hours=12)
    assert calendar["X-WR-TIMEZONE"] == "Europe/Istanbul"


def test_description_is_plain_text_with_link_addresses_kept(client, second_round):
    second_round.summary = (
        "Talks lasted **about an hour**; see [the memorandum](https://example.org/memo).\n\n"
        "- ceasefire\n- prisoners"
    )
    second_round.save()
    event = events_by_uid(fetch(client))[f"round-2@{HOST}"]
    assert str(event["DESCRIPTION"]).startswith(
        "Talks lasted about an hour; see the memorandum <https://example.org/memo>.\n\n"
        "- ceasefire\n- prisoners"
    )


# --- #12: every calendar the site offers, in iCalendar's own terms ----------------------------


def every_calendar_url() -> list[str]:
    """The calendar of all rounds and each published round's own."""
    from talks.models import Round

    rounds = Round.objects.published().select_related("track").order_by("held_on", "pk")
    return ["/rounds.ics", *(round_.get_calendar_url() for round_ in rounds)]


def test_every_calendar_of_the_record_is_well_typed(client, istanbul_record):
    urls = every_calendar_url()
    assert len(urls) >= 18
    for url in urls:
        response = client.get(url)
        raw = response.content.decode()
        calendar = icalendar.Calendar.from_ical(response.content)
        # RFC 7986: REFRESH-INTERVAL must say VALUE=DURATION; Outlook's TTL is a DURATION too.
        assert "REFRESH-INTERVAL;VALUE=DURATION:PT12H\r\n" in raw, url
        assert "X-PUBLISHED-TTL:PT12H\r\n" in raw, url
        assert calendar["REFRESH-INTERVAL"].dt == datetime.timedelta(hours=12)
        events = calendar.walk("VEVENT")
        assert events, url
        for event in events:
            start = event.decoded("DTSTART")
            assert "DTEND" in event or "DURATION" in event, (url, event["SUMMARY"])
            if "DTEND" in event:
                end = event.decoded("DTEND")
                # An all-day round is DATE to DATE; a timed one is DATE-TIME to DATE-TIME.
                assert isinstance(end, datetime.datetime) == isinstance(start, datetime.datetime)
                assert end > start, (url, event["SUMMARY"])
            else:
                assert isinstance(start, datetime.datetime)
                assert event.decoded("DURATION") > datetime.timedelta(0)
            description = str(event.get("DESCRIPTION", ""))
            assert not re.search(r"</?[a-z][a-z0-9]*[\s>/]", description), (url, description)


def test_a_round_without_an_end_time_lasts_two_hours_and_says_so(client):
    RoundFactory(
        number=1,
        held_on=datetime.date(2025, 5, 16),
        actual_start_at=aware(2025, 5, 16, 13, 30),
    )
    event = events_by_uid(fetch(client))[f"round-1@{HOST}"]
    assert "DTEND" not in event
    assert event.decoded("DURATION") == datetime.timedelta(hours=2)
    assert "End time not reported" in str(event["DESCRIPTION"])


def test_a_round_over_several_days_without_an_end_time_runs_to_its_last_day(client):
    RoundFactory(
        number=1,
        held_on=datetime.date(2026, 1, 23),
        ended_on=datetime.date(2026, 1, 24),
        time_zone="Asia/Dubai",
        actual_start_at=aware(2026, 1, 23, 9, 0),
    )
    event = events_by_uid(fetch(client))[f"round-1@{HOST}"]
    end = event.decoded("DTEND")
    assert (end.date(), end.time(), str(end.tzinfo)) == (
        datetime.date(2026, 1, 25),
        datetime.time(0, 0),
        "Asia/Dubai",
    )


def test_entity_escaped_markup_in_a_summary_is_plain_text_in_the_description(client, second_round):
    second_round.summary = "&lt;p&gt;Talks &lt;b&gt;ended&lt;/b&gt; early.&lt;/p&gt;"
    second_round.save()
    event = events_by_uid(fetch(client))[f"round-2@{HOST}"]
    assert str(event["DESCRIPTION"]) == "Talks ended early."


def test_a_rounds_outcomes_are_one_line_each_in_the_description(client, second_round):
    second_round.summary = (
        "Talks ended.\n\n**Outcomes**\n- an exchange, **1,000 for 1,000**;\n"
        "- each side to present\n its ceasefire vision;\n- a leaders' meeting asked for."
    )
    second_round.save()
    description = str(events_by_uid(fetch(client))[f"round-2@{HOST}"]["DESCRIPTION"])
    assert description.endswith(
        "Outcomes\n\n- an exchange, 1,000 for 1,000;\n"
        "- each side to present its ceasefire vision;\n- a leaders' meeting asked for."
    )


def test_every_istanbul_round_lists_its_outcomes_one_per_line(client, istanbul_record):
    from talks.models import Round

    rounds = [r for r in Round.objects.published() if "\n- " in r.summary]
    assert rounds
    for round_ in rounds:
        event = events_by_uid(fetch(client, round_.get_calendar_url()))
        description = str(next(iter(event.values()))["DESCRIPTION"])
        lines = [line for line in description.splitlines() if line.startswith("- ")]
        assert len(lines) == round_.summary.count("\n- "), round_
