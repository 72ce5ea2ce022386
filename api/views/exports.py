"""Whole-record exports in other projects' formats: TimelineJS and Popolo."""

import datetime

from django.utils.html import escape
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from actors.models import Membership, Organization, Person
from api.base import PublicAPIView
from api.views.common import checked
from api.views.timeline import TIMELINE_PARAMS, TimelineParams, TimelineView, timeline_entries
from provenance.markup import render_markdown


def timelinejs_date(day: datetime.date, precision: str) -> dict:
    date = {"year": day.year}
    if precision in ("day", "month"):
        date["month"] = day.month
    if precision == "day":
        date["day"] = day.day
    return date


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
        events = [
            {
                "unique_id": f"{entry.kind.name}-{entry.pk}",
                "start_date": timelinejs_date(entry.date, entry.precision),
                # TimelineJS renders both fields as HTML: the headline is escaped text, the text
                # is the sanitised Markdown the site shows.
                "text": {
                    "headline": escape(entry.title),
                    "text": render_markdown(entry.summary),
                },
                "group": entry.kind.name,
            }
            for entry in entries
        ]
        return Response(
            {
                "title": {
                    "text": {
                        "headline": "The Russia–Ukraine talks",
                        "text": "The direct negotiations in Istanbul in 2025, and the tracks "
                        "that followed them.",
                    }
                },
                "events": events,
            }
        )

    def accepted_params(self):
        return ["format", *TimelineView.extra_params]


class PopoloView(PublicAPIView):
    """People, organizations and memberships in the Popolo JSON shape (popoloproject.com)."""

    is_detail = True
    renderer_classes = [JSONRenderer]

    @extend_schema(
        operation_id="popolo_export",
        summary="Popolo export of people, organizations and memberships",
        responses={200: {"type": "object"}},
    )
    def get(self, request, *args, **kwargs):
        organizations = list(Organization.objects.published())
        public_ids = {org.pk for org in organizations}
        return Response(
            {
                "persons": [popolo_person(person) for person in Person.objects.published()],
                "organizations": [popolo_organization(org, public_ids) for org in organizations],
                "memberships": [popolo_membership(m) for m in Membership.objects.published()],
            }
        )


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


def popolo_membership(membership: Membership) -> dict:
    return {
        "id": f"membership/{membership.pk}",
        "person_id": f"person/{membership.person_id}",
        "organization_id": f"organization/{membership.organization_id}",
        "role": membership.post,
        "start_date": membership.start_on.isoformat() if membership.start_on else None,
        "end_date": membership.end_on.isoformat() if membership.end_on else None,
    }
