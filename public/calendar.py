"""The iCalendar feed of rounds: /rounds.ics for all of every track, and one round's own
(/rounds/<number>.ics for the Istanbul talks, /tracks/<track>/rounds/<number>.ics for others).

Calendar apps match events by UID and replace an event when its SEQUENCE grows, so the UID is
fixed per round (`Round.ref`: `round-2@…` as before tracks, `round-trilateral-1@…`) and
SEQUENCE counts the published versions in which the time, place or status changed (read from
the round's history).

Every event has an end, as calendar apps otherwise show a timed event as a zero-length point:
a round whose end time was not reported lasts `UNREPORTED_LENGTH` from its start (a DURATION,
said in its DESCRIPTION), or, held over several days, runs to the end of its last day; a round
with no known start time is all-day, with DATE values and DTEND the day after its last.
DESCRIPTION is plain text, and no text carries a character iCalendar cannot (provenance.text).

Each calendar is in English at its unprefixed address and in Ukrainian and Russian under /uk/
and /ru/: the words the code writes (the calendar's name, "Istanbul talks, round 2: …", the
notes on an unreported end or a date known to the month) in the address's language, the
record's text as stored. A calendar in another language says so: its PRODID ends in that
language and its NAME, SUMMARY and DESCRIPTION carry LANGUAGE=uk or ru (English, the default,
is written as it always was). An event keeps its UID in every language, being the same round.
"""

import datetime
from urllib.parse import urlsplit

import icalendar
from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from provenance.markup import markdown_to_text
from provenance.models import DatePrecision, PublicationStatus
from provenance.text import clean_text
from provenance.versioning import conditional_on_content
from talks.models import DEFAULT_TRACK, Round, RoundStatus

# What a calendar shows; a change to any of these is a new SEQUENCE.
SCHEDULE_FIELDS = (
    "held_on",
    "held_on_precision",
    "ended_on",
    "time_zone",
    "scheduled_start_at",
    "actual_start_at",
    "actual_end_at",
    "status",
    "venue_id",
)

STATUS = {
    RoundStatus.ANNOUNCED: "TENTATIVE",
    RoundStatus.SCHEDULED: "CONFIRMED",
    RoundStatus.HELD: "CONFIRMED",
    RoundStatus.POSTPONED: "TENTATIVE",
    RoundStatus.CANCELLED: "CANCELLED",
}


# How long a round whose end time was not reported is shown; the Istanbul rounds ran one to two
# hours.
UNREPORTED_LENGTH = datetime.timedelta(hours=2)
# Rounds are announced days ahead: asking clients to poll twice a day is plenty.
POLL_INTERVAL = datetime.timedelta(hours=12)


def _host() -> str:
    return urlsplit(settings.SITE_URL).hostname or "localhost"


def _date_known_to(precision: str) -> str:
    if precision == DatePrecision.YEAR:
        return gettext("Date known to the year only.")
    return gettext("Date known to the month only.")


def _localized_uid(uid: str) -> str:
    """The calendar's UID as it is in English (subscribers' calendars stay the same), with the
    language in another: a Ukrainian calendar is another calendar."""
    language = translation.get_language()
    if language == settings.LANGUAGE_CODE:
        return uid
    name, _, host = uid.partition("@")
    return f"{name}-{language}@{host}"


def _declare_language(component, *names: str) -> None:
    """LANGUAGE=uk (or ru) on the component's text properties the code wrote words into;
    nothing in English, so an English calendar is byte for byte what it always was."""
    language = translation.get_language()
    if language == settings.LANGUAGE_CODE:
        return
    for name in names:
        if name in component:
            component[name].params["LANGUAGE"] = language


def schedule_sequences(round_ids) -> dict[int, int]:
    """SEQUENCE per round: schedule changes between its published versions. One query."""
    rows = (
        Round.history.filter(id__in=round_ids, publication_status=PublicationStatus.PUBLISHED)
        .order_by("id", "history_date", "history_id")
        .values_list("id", *SCHEDULE_FIELDS)
    )
    sequences, previous = {}, {}
    for pk, *schedule in rows:
        if pk in previous and previous[pk] != schedule:
            sequences[pk] = sequences.get(pk, 0) + 1
        previous[pk] = schedule
    return sequences


def round_event(round_: Round, sequence: int, base_url: str = "") -> icalendar.Event:
    """The round as an iCalendar event; `base_url` is the site's address as the request reached
    it (scheme, host and port), so links work behind a proxy or on another port."""
    base_url = base_url or settings.SITE_URL
    start = round_.actual_start_at or round_.scheduled_start_at
    notes = []
    duration = None
    if start and round_.held_on_precision == DatePrecision.DAY:
        start = start.astimezone(round_.tz)
        if round_.actual_end_at:
            end = round_.actual_end_at.astimezone(round_.tz)
        elif round_.ended_on and round_.ended_on > start.date():
            # Held over several days: to the end of the last one, in the round's own time.
            last_day = round_.ended_on + datetime.timedelta(days=1)
            end = datetime.datetime.combine(last_day, datetime.time(), tzinfo=round_.tz)
        else:
            end, duration = None, UNREPORTED_LENGTH
            notes.append(gettext("End time not reported; shown as two hours."))
    else:
        # No known time: an all-day event, whose DTEND is the day after the last (exclusive).
        start = round_.held_on
        end = (round_.ended_on or round_.held_on) + datetime.timedelta(days=1)
    if round_.held_on_precision != DatePrecision.DAY:
        notes.insert(0, _date_known_to(round_.held_on_precision))
    # Calendar apps show DESCRIPTION as plain text: the Markdown summary is flattened first.
    description = [*notes, markdown_to_text(round_.summary), round_.timing_note]
    event = icalendar.Event.new(
        uid=f"round-{round_.ref}@{_host()}",
        summary=clean_text(
            gettext("%(track)s, round %(number)s: %(title)s")
            % {"track": round_.track.label, "number": round_.number, "title": round_.title}
        ),
        start=start,
        end=end,
        stamp=round_.updated_at.astimezone(datetime.UTC),
        last_modified=round_.updated_at.astimezone(datetime.UTC),
        sequence=sequence,
        status=STATUS[round_.status],
        location=clean_text(str(round_.venue)) if round_.venue else None,
        url=base_url + round_.get_absolute_url(),
        description=clean_text("\n\n".join(part for part in description if part)) or None,
    )
    _declare_language(event, "summary", "description")
    if duration:
        event.add("duration", duration)
    if round_.venue and round_.venue.latitude is not None and round_.venue.longitude is not None:
        event.add("geo", (float(round_.venue.latitude), float(round_.venue.longitude)))
    return event


def calendar_response(request, rounds: list[Round], name: str, uid: str) -> HttpResponse:
    # Links from the request's own address (host and port), not a configured one: `make run
    # PORT=8001` and a proxy on :8080 both link to where the reader is.
    base_url = request.build_absolute_uri("/").rstrip("/")
    sequences = schedule_sequences([round_.pk for round_ in rounds])
    calendar = icalendar.Calendar.new(
        name=name,
        prodid=f"-//Istanbul Talks Tracker//Rounds//{translation.get_language().upper()}",
        uid=_localized_uid(uid),
        # The home page in the calendar's language (/uk/ for a Ukrainian calendar).
        url=base_url + reverse("public:home"),
    )
    # RFC 7986 gives REFRESH-INTERVAL no default type: VALUE=DURATION must be said. Outlook's
    # X-PUBLISHED-TTL is a DURATION too (PT12H), which icalendar only writes from a vDuration.
    calendar.add("refresh-interval", POLL_INTERVAL, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", icalendar.vDuration(POLL_INTERVAL))
    calendar.add("x-wr-timezone", "Europe/Istanbul")
    _declare_language(calendar, "name", "x-wr-calname")
    for round_ in rounds:
        calendar.add_component(round_event(round_, sequences.get(round_.pk, 0), base_url))
    if rounds:
        # From the first round on: the zone's older DST rules would only bloat the file.
        first = min(round_.held_on for round_ in rounds) - datetime.timedelta(days=1)
        calendar.add_missing_timezones(first_date=first)
    return HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")


@conditional_on_content
def rounds_calendar(request):
    """Every published round of every track. Two queries: rounds with venues, their history."""
    rounds = list(
        Round.objects.published().select_related("venue__city", "track").order_by("held_on")
    )
    return calendar_response(
        request, rounds, gettext("Istanbul talks: rounds"), f"rounds@{_host()}"
    )


@conditional_on_content
def round_calendar(request, number: int, track_slug: str = DEFAULT_TRACK):
    round_ = (
        Round.objects.published()
        .select_related("venue__city", "track")
        .filter(track__slug=track_slug, number=number)
        .first()
    )
    if round_ is None:
        raise Http404("No published round with this number.")
    if request.path != round_.get_calendar_url():
        return HttpResponsePermanentRedirect(round_.get_calendar_url())
    return calendar_response(
        request,
        [round_],
        gettext("%(track)s: round %(number)s") % {"track": round_.track.label, "number": number},
        # As before tracks for the Istanbul talks, so a subscribed calendar stays the same.
        f"rounds-{round_.ref}@{_host()}",
    )
