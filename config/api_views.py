"""API endpoints that span the apps: the timeline, search, the change feed and TimelineJS."""

import datetime
from operator import itemgetter

from django import forms
from django.db.models import Max
from django.utils.html import escape
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import exceptions, serializers
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from actors.models import Membership, Organization, Person
from config.api_support import PublicAPIView, detail_url, in_utc
from positions.models import Commitment, Document, Exchange, ExchangeCount, Issue, Position
from provenance.markup import render_markdown
from provenance.models import PublicationStatus, Source
from talks.models import Delegation, Event, Participant, Round, Venue

TIMELINE_TYPES = ["round", "event", "document", "commitment", "exchange"]

PAGE_PARAMS = [
    OpenApiParameter("page", OpenApiTypes.INT, description="Page number, from 1."),
    OpenApiParameter("page_size", OpenApiTypes.INT, description="Rows per page, at most 500."),
    OpenApiParameter("format", str, enum=["json", "csv"], description="json (default) or csv."),
]


def page_of(schema_name: str, fields: dict):
    item = inline_serializer(schema_name, fields)
    return inline_serializer(
        f"Paginated{schema_name}List",
        {
            "count": serializers.IntegerField(),
            "next": serializers.URLField(allow_null=True),
            "previous": serializers.URLField(allow_null=True),
            "results": serializers.ListField(child=item),
        },
    )


def checked(form: forms.Form) -> dict:
    """Cleaned parameters, or a 400 naming what is wrong."""
    if not form.is_valid():
        raise exceptions.ValidationError(form.errors.get_json_data())
    return form.cleaned_data


class TimelineParams(forms.Form):
    date__gte = forms.DateField(required=False)
    date__lte = forms.DateField(required=False)
    type__in = forms.CharField(required=False)
    round = forms.IntegerField(required=False, min_value=0, max_value=32767)

    def clean_type__in(self):
        types = [part for part in self.cleaned_data["type__in"].split(",") if part]
        if unknown := set(types) - set(TIMELINE_TYPES):
            raise forms.ValidationError(f"Unknown type(s): {', '.join(sorted(unknown))}.")
        return types or TIMELINE_TYPES


def timeline_items(request, params: dict) -> list[dict]:
    """Every dated published item, oldest first. One query per type."""
    date_from, date_to, round_number = params["date__gte"], params["date__lte"], params["round"]
    sources = {
        "round": (Round.objects.published(), "held_on", "held_on_precision", "number"),
        "event": (Event.objects.published(), "occurred_on", "occurred_on_precision", "round__number"),
        "document": (Document.objects.published(), "tabled_on", "tabled_on_precision", "round__number"),
        "commitment": (Commitment.objects.published(), "announced_on", None, "round__number"),
        "exchange": (Exchange.objects.published(), "occurred_on", "occurred_on_precision", "commitment__round__number"),
    }  # fmt: skip
    items = []
    for kind in params["type__in"]:
        queryset, date_field, precision_field, round_field = sources[kind]
        queryset = queryset.filter(**{f"{date_field}__isnull": False})
        if date_from:
            queryset = queryset.filter(**{f"{date_field}__gte": date_from})
        if date_to:
            queryset = queryset.filter(**{f"{date_field}__lte": date_to})
        if round_number is not None:
            queryset = queryset.filter(**{round_field: round_number})
        columns = [
            "pk",
            "title",
            date_field,
            round_field,
            "summary" if kind != "commitment" else "description",
        ]
        if precision_field:
            columns.append(precision_field)
        for row in queryset.values(*columns):
            items.append(
                {
                    "type": kind,
                    "id": row["pk"],
                    "date": row[date_field],
                    "date_precision": row.get(precision_field, "day") if precision_field else "day",
                    "title": row["title"],
                    "round_number": row[round_field],
                    "summary": row.get("summary", row.get("description", "")),
                    "url": detail_url(request, kind, row["pk"]),
                }
            )
    items.sort(key=itemgetter("date", "type", "id"))
    return items


TIMELINE_ITEM = {
    "type": serializers.ChoiceField(choices=TIMELINE_TYPES),
    "id": serializers.IntegerField(),
    "date": serializers.DateField(),
    "date_precision": serializers.CharField(),
    "title": serializers.CharField(),
    "round_number": serializers.IntegerField(allow_null=True),
    "summary": serializers.CharField(),
    "url": serializers.URLField(),
}

TIMELINE_PARAMS = [
    OpenApiParameter("date__gte", OpenApiTypes.DATE, description="On or after this date."),
    OpenApiParameter("date__lte", OpenApiTypes.DATE, description="On or before this date."),
    OpenApiParameter(
        "type__in", str, description=f"Comma-separated types: {', '.join(TIMELINE_TYPES)}."
    ),
    OpenApiParameter("round", OpenApiTypes.INT, description="Only items of this round number."),
]


class TimelineView(PublicAPIView):
    """Rounds, events, documents, commitments and exchanges in one dated list."""

    extra_params = ("date__gte", "date__lte", "type__in", "round")
    csv_columns = list(TIMELINE_ITEM)

    @extend_schema(
        operation_id="timeline_list",
        parameters=TIMELINE_PARAMS + PAGE_PARAMS,
        responses=page_of("TimelineItem", TIMELINE_ITEM),
    )
    def get(self, request, *args, **kwargs):
        items = timeline_items(request, checked(TimelineParams(request.query_params)))
        return self.paginated(request, items)


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
        params = checked(TimelineParams(request.query_params))
        events = [
            {
                "unique_id": f"{item['type']}-{item['id']}",
                "start_date": timelinejs_date(item["date"], item["date_precision"]),
                # TimelineJS renders both fields as HTML: the headline is escaped text, the text
                # is the sanitised Markdown the site shows.
                "text": {
                    "headline": escape(item["title"]),
                    "text": render_markdown(item["summary"]),
                },
                "group": item["type"],
            }
            for item in timeline_items(request, params)
        ]
        return Response(
            {
                "title": {
                    "text": {
                        "headline": "The Istanbul talks",
                        "text": "Russia–Ukraine direct negotiations in Istanbul, 2025.",
                    }
                },
                "events": events,
            }
        )

    def accepted_params(self):
        return ["format", "date__gte", "date__lte", "type__in", "round"]


class SearchParams(forms.Form):
    q = forms.CharField(max_length=200)
    type__in = forms.CharField(required=False)


SEARCH_TYPES = {
    "person": lambda q: Person.objects.published().search(q),
    "organization": lambda q: Organization.objects.published().search(q),
    "venue": lambda q: Venue.objects.search(q),
    "round": lambda q: Round.objects.published().search(q),
    "event": lambda q: Event.objects.published().search(q),
    "document": lambda q: Document.objects.published().search(q),
    "position": lambda q: Position.objects.published().search(q),
    "commitment": lambda q: Commitment.objects.published().search(q),
    "exchange": lambda q: Exchange.objects.published().search(q),
    "source": lambda q: Source.objects.published().search(q),
}
SEARCH_LIMIT_PER_TYPE = 500


class SearchView(PublicAPIView):
    """Everything whose names, aliases or text match `q`, in any script, case or accent."""

    extra_params = ("q", "type__in")
    csv_columns = ["type", "id", "name", "url"]

    @extend_schema(
        operation_id="search_list",
        parameters=[
            OpenApiParameter(
                "q", str, required=True, description="Words to find, e.g. Umierov or Чирагань."
            ),
            OpenApiParameter(
                "type__in", str, description=f"Comma-separated: {', '.join(SEARCH_TYPES)}."
            ),
            *PAGE_PARAMS,
        ],
        responses=page_of(
            "SearchHit",
            {
                "type": serializers.ChoiceField(choices=list(SEARCH_TYPES)),
                "id": serializers.IntegerField(),
                "name": serializers.CharField(),
                "url": serializers.URLField(),
            },
        ),
    )
    def get(self, request, *args, **kwargs):
        params = checked(SearchParams(request.query_params))
        types = [part for part in params["type__in"].split(",") if part] or list(SEARCH_TYPES)
        if unknown := set(types) - set(SEARCH_TYPES):
            raise exceptions.ValidationError(
                {"type__in": [f"Unknown: {', '.join(sorted(unknown))}."]}
            )
        hits = []
        for kind in types:
            # One query per type; positions and rounds are named by their str(), which joins
            # the issue and round they belong to.
            queryset = SEARCH_TYPES[kind](params["q"])
            if kind == "position":
                queryset = queryset.select_related("issue", "round")
            for obj in queryset[:SEARCH_LIMIT_PER_TYPE]:
                hits.append(
                    {
                        "type": kind,
                        "id": obj.pk,
                        "name": str(obj),
                        "url": detail_url(request, kind, obj.pk),
                    }
                )
        return self.paginated(request, hits)


# Resource name → model; history-tracked models report updates and removals from their history.
TRACKED = {
    "sources": Source,
    "organizations": Organization,
    "people": Person,
    "memberships": Membership,
    "rounds": Round,
    "delegations": Delegation,
    "participants": Participant,
    "events": Event,
    "documents": Document,
    "positions": Position,
    "commitments": Commitment,
    "exchanges": Exchange,
    "exchange-counts": ExchangeCount,
}
# Venues and issues have no draft state and no history: only their updates are reported.
UNTRACKED = {"venues": Venue, "issues": Issue}
DETAIL_NAMES = {
    "sources": "source", "organizations": "organization", "people": "person",
    "memberships": "membership", "rounds": "round", "delegations": "delegation",
    "participants": "participant", "events": "event", "documents": "document",
    "positions": "position", "commitments": "commitment", "exchanges": "exchange",
    "exchange-counts": "exchange-count", "venues": "venue", "issues": "issue",
}  # fmt: skip


def public_queryset(resource: str):
    model = TRACKED.get(resource) or UNTRACKED[resource]
    if model in UNTRACKED.values():
        return model.objects.all()
    return model.objects.published()


class ChangesParams(forms.Form):
    since = forms.DateTimeField()


def changes_since(request, since) -> list[dict]:
    """What changed at or after `since`: updated public rows, and rows a mirror must drop.

    A row that is no longer public (deleted, unpublished, or its parent unpublished) is reported
    as "removed" with its id and time only — never its content. A row that was never published
    is not reported at all. Participants and counts have no status of their own, so their
    removals are reported by id whenever they are not public now. At most three queries per
    history-tracked resource, one per untracked one.
    """
    changes = []
    for resource, model in TRACKED.items():
        changed = model.history.filter(history_date__gte=since)
        rows = list(changed.values("id").annotate(at=Max("history_date")).order_by())
        changed_ids = changed.values("id")  # a subquery, however many rows changed
        public_ids = set(
            public_queryset(resource).filter(id__in=changed_ids).values_list("id", flat=True)
        )
        if any(field.name == "publication_status" for field in model._meta.fields):
            ever_public = set(
                model.history.filter(
                    id__in=changed_ids, publication_status=PublicationStatus.PUBLISHED
                )
                .values_list("id", flat=True)
                .distinct()
            )
        else:
            ever_public = {row["id"] for row in rows}
        for row in rows:
            if row["id"] in public_ids:
                changes.append(change(request, resource, row["id"], "updated", row["at"]))
            elif row["id"] in ever_public:
                changes.append(change(request, resource, row["id"], "removed", row["at"]))
    for resource, model in UNTRACKED.items():
        for pk, at in model.objects.filter(updated_at__gte=since).values_list("id", "updated_at"):
            changes.append(change(request, resource, pk, "updated", at))
    changes.sort(key=itemgetter("at", "resource", "id"))
    return changes


def change(request, resource: str, pk: int, kind: str, at) -> dict:
    url = None
    if kind == "updated":
        url = detail_url(request, DETAIL_NAMES[resource], pk)
    return {"resource": resource, "id": pk, "change": kind, "at": at, "url": url}


class ChangesView(PublicAPIView):
    """Everything that changed since a time: updates to public rows, and rows to drop."""

    extra_params = ("since",)
    csv_columns = ["resource", "id", "change", "at", "url"]

    @extend_schema(
        operation_id="changes_list",
        parameters=[
            OpenApiParameter(
                "since",
                OpenApiTypes.DATETIME,
                required=True,
                description="ISO 8601 time, e.g. 2025-06-01T00:00:00Z.",
            ),
            *PAGE_PARAMS,
        ],
        responses=page_of(
            "Change",
            {
                "resource": serializers.ChoiceField(choices=[*TRACKED, *UNTRACKED]),
                "id": serializers.IntegerField(),
                "change": serializers.ChoiceField(choices=["updated", "removed"]),
                "at": serializers.DateTimeField(),
                "url": serializers.URLField(allow_null=True),
            },
        ),
    )
    def get(self, request, *args, **kwargs):
        params = checked(ChangesParams(request.query_params))
        items = changes_since(request, in_utc(params["since"]))
        return self.paginated(request, items)
