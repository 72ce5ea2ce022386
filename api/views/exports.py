"""Whole-record exports in other projects' formats: TimelineJS and Popolo."""

import datetime

from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from actors.models import Membership, Organization, Person
from api.base import PublicAPIView
from api.views.common import checked
from api.views.timeline import TIMELINE_PARAMS, TimelineParams, TimelineView, timeline_entries
from provenance.markup import render_markdown
from provenance.models import RecordReview
from talks.models import Delegation, Participant, Round


def timelinejs_date(
    day: datetime.date, precision: str, at: datetime.datetime | None = None
) -> dict:
    """A TimelineJS date object: year, and month and day as far as they are known; hour and
    minute when the time is (`at`, already in the place's own time zone)."""
    date = {"year": day.year}
    if precision in ("day", "month"):
        date["month"] = day.month
    if precision == "day":
        date["day"] = day.day
        if at is not None:
            date |= {"hour": at.hour, "minute": at.minute}
    return date


def entry_times(entry) -> tuple[dict, dict | None]:
    """(start_date, end_date) of a timeline entry in TimelineJS terms: times in the place's own
    zone for rounds and events that have them; an end for those that lasted more than a day
    or whose end time is known."""
    obj = entry.obj
    tz = getattr(obj, "tz", None)
    start_at = getattr(obj, "actual_start_at", None) or getattr(obj, "scheduled_start_at", None)
    start_at = start_at or getattr(obj, "starts_at", None)
    end_at = getattr(obj, "actual_end_at", None) or getattr(obj, "ends_at", None)
    # A round's own zone; otherwise the site's (Istanbul), as the site shows event times.
    start_at = start_at and timezone.localtime(start_at, tz)
    end_at = end_at and timezone.localtime(end_at, tz)
    start = timelinejs_date(entry.date, entry.precision, start_at)
    last_day = getattr(obj, "ended_on", None)
    if end_at and start_at and entry.precision == "day":
        end = timelinejs_date(end_at.date(), "day", end_at)
    elif last_day and last_day > entry.date:
        end = timelinejs_date(last_day, getattr(obj, "ended_on_precision", entry.precision))
    else:
        end = None
    return start, end


def timelinejs_event(request, entry) -> dict:
    """One TimelineJS slide: dates, the headline (escaped: TimelineJS renders it as HTML), the
    sanitised summary, and a link to the entry's page on the site, so no slide is empty."""
    start, end = entry_times(entry)
    page = request.build_absolute_uri(entry.url)
    label = gettext("%(kind)s on the Istanbul Talks Tracker") % {"kind": entry.kind_label}
    link = f'<p><a href="{escape(page)}">{escape(label)}</a></p>'
    text = render_markdown(entry.summary) + link
    event = {
        "unique_id": f"{entry.kind.name}-{entry.pk}",
        "start_date": start,
        "text": {"headline": escape(entry.title) or escape(entry.kind_label), "text": text},
        "group": entry.kind.name,
    }
    if end is not None:
        event["end_date"] = end
    return event


class TimelineJSView(PublicAPIView):
    """The same timeline in TimelineJS's JSON format (timeline.knightlab.com)."""

    renderer_classes = [JSONRenderer]
    extra_params = ()

    @extend_schema(
        operation_id="timelinejs_export",
        summary="Timeline in TimelineJS JSON format",
        parameters=TIMELINE_PARAMS,
        responses={200: OpenApiTypes.OBJECT},
    )
    def get(self, request, *args, **kwargs):
        entries = timeline_entries(checked(TimelineParams(request.query_params)))
        events = [timelinejs_event(request, entry) for entry in entries]
        return Response(
            {
                "title": {
                    "text": {
                        "headline": gettext("The Russia–Ukraine talks"),
                        "text": gettext(
                            "The direct negotiations in Istanbul in 2025, and the tracks "
                            "that followed them."
                        ),
                    }
                },
                "events": events,
            }
        )

    def accepted_params(self):
        return ["format", *TimelineView.extra_params]


class PopoloView(PublicAPIView):
    """People, organizations and memberships in the Popolo JSON shape (popoloproject.com), with
    each round as a Popolo event and each delegation as an organization whose memberships are
    its participants."""

    is_detail = True
    renderer_classes = [JSONRenderer]

    @extend_schema(
        operation_id="popolo_export",
        summary="Popolo export of people, organizations, memberships and rounds",
        responses={200: {"type": "object"}},
    )
    def get(self, request, *args, **kwargs):
        # Seven queries: organizations, rounds, delegations, participants, posts, the latest
        # review of the record, people.
        organizations = list(Organization.objects.published())
        public_ids = {org.pk for org in organizations}
        rounds = list(Round.objects.published().select_related("track", "venue__city"))
        delegations = list(
            Delegation.objects.published()
            .select_related("round__track", "organization")
            .order_by("round", "pk")
        )
        participants = (
            Participant.objects.published()
            .select_related("delegation__round__track")
            .order_by("delegation", "order", "pk")
        )
        posts = list(Membership.objects.published())
        review = RecordReview.objects.latest()
        return Response(
            {
                "persons": [popolo_person(person) for person in Person.objects.published()],
                "organizations": [popolo_organization(org, public_ids) for org in organizations]
                + [popolo_delegation(delegation, public_ids) for delegation in delegations],
                "memberships": [
                    popolo_membership(post, ended_by(post, posts, review)) for post in posts
                ]
                + [popolo_participation(participant) for participant in participants],
                "events": [popolo_event(round_, public_ids) for round_ in rounds],
            }
        )


def popolo_date(day: datetime.date | None, precision: str) -> str | None:
    """An ISO 8601 date as precise as it is known: "2025-06-02", "2025-06", "2025"."""
    if day is None:
        return None
    return {"day": day.isoformat(), "month": f"{day:%Y-%m}", "year": f"{day:%Y}"}[precision]


def _identifiers(wikidata_id: str) -> list[dict]:
    return [{"scheme": "wikidata", "identifier": wikidata_id}] if wikidata_id else []


def popolo_person(person: Person) -> dict:
    names = [{"name": alias} for alias in person.alias_list]
    if person.native_name:
        names.insert(0, {"name": person.native_name, "note": "native"})
    return {
        "id": f"person/{person.pk}",
        "name": person.name,
        "other_names": names,
        "identifiers": _identifiers(person.wikidata_id),
        "summary": person.biography,
    }


def popolo_organization(org: Organization, public_ids: set[int]) -> dict:
    names = [{"name": alias} for alias in org.alias_list]
    if org.native_name:
        names.insert(0, {"name": org.native_name, "note": "native"})
    return {
        "id": f"organization/{org.pk}",
        "name": org.name,
        "other_names": names,
        "classification": org.kind,
        # A parent that is still a draft is not named, not even by id.
        "parent_id": f"organization/{org.parent_id}" if org.parent_id in public_ids else None,
        "identifiers": _identifiers(org.wikidata_id),
    }


def ended_by(post: Membership, posts: list[Membership], review) -> tuple[datetime.date, str] | None:
    """For a post that ended on a day the sources do not give: the latest day by which it had
    ended, with its precision. The start of the person's next post if the record has it (Kyslytsia
    left the ministry by 5 January 2026), else the last day the record was reviewed to."""
    if not post.ended_date_unknown:
        return None
    later = [
        other
        for other in posts
        if other.person_id == post.person_id
        and other.start_on
        and (post.start_on is None or other.start_on > post.start_on)
    ]
    if later:
        nearest = min(later, key=lambda other: other.start_on)
        return nearest.start_on, nearest.start_precision
    return (review.reviewed_to, "day") if review else None


def popolo_membership(membership: Membership, ended_by: tuple | None = None) -> dict:
    """A post. Popolo reads a missing `end_date` as "still held", so a post that ended on a day
    the sources do not give carries `end_date_unknown: true`, the note saying what is known, and
    as `end_date` the latest day by which it had ended (`ended_by`)."""
    data = {
        "id": f"membership/{membership.pk}",
        "person_id": f"person/{membership.person_id}",
        "organization_id": f"organization/{membership.organization_id}",
        "role": membership.post,
        "start_date": popolo_date(membership.start_on, membership.start_precision),
        "end_date": popolo_date(membership.end_on, membership.end_precision),
    }
    if membership.ended_date_unknown:
        data["end_date_unknown"] = True
        data["note"] = membership.note or gettext("Ended; the sources do not say when.")
        if ended_by:
            data["end_date"] = popolo_date(*ended_by)
    return data


def popolo_delegation(delegation: Delegation, public_ids: set[int]) -> dict:
    """A side's delegation at one round, as an organization whose parent is the side."""
    round_ = delegation.round
    # A side's organization that is still a draft is not named, not even in a name.
    public_side = delegation.organization_id in public_ids
    side = delegation.organization.name if public_side else delegation.get_side_display()
    return {
        "id": f"organization/delegation-{delegation.pk}",
        "name": gettext("%(side)s delegation, %(track)s round %(number)s")
        % {"side": side, "track": round_.track.label, "number": round_.number},
        "classification": "delegation",
        "parent_id": f"organization/{delegation.organization_id}" if public_side else None,
        "founding_date": popolo_date(round_.held_on, round_.held_on_precision),
        "dissolution_date": popolo_date(
            round_.ended_on or round_.held_on,
            round_.held_on_precision if not round_.ended_on else "day",
        ),
        "event_id": f"event/round-{round_.ref}",
    }


def popolo_participation(participant: Participant) -> dict:
    """A person's place in a delegation at one round: role, title held then, at the table or
    not; the membership lasts the round."""
    round_ = participant.delegation.round
    return {
        "id": f"membership/participant-{participant.pk}",
        "person_id": f"person/{participant.person_id}",
        "organization_id": f"organization/delegation-{participant.delegation_id}",
        "role": participant.get_role_display(),
        "label": participant.title_at_time,
        "start_date": popolo_date(round_.held_on, round_.held_on_precision),
        "end_date": popolo_date(
            round_.ended_on or round_.held_on,
            round_.held_on_precision if not round_.ended_on else "day",
        ),
        "at_table": participant.at_table,
        "event_id": f"event/round-{round_.ref}",
    }


def popolo_event(round_: Round, public_ids: set[int]) -> dict:
    """A round as a Popolo event."""
    return {
        "id": f"event/round-{round_.ref}",
        "name": gettext("%(track)s, round %(number)s: %(title)s")
        % {"track": round_.track.label, "number": round_.number, "title": round_.title},
        "classification": "negotiation round",
        "start_date": popolo_date(round_.held_on, round_.held_on_precision),
        "end_date": popolo_date(
            round_.ended_on or round_.held_on,
            round_.held_on_precision if not round_.ended_on else "day",
        ),
        "location": str(round_.venue) if round_.venue else None,
        "status": round_.status,
    }
