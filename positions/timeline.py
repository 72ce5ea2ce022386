"""One chronological list of rounds, events, documents and exchanges, and its filter form."""

import datetime
from dataclasses import dataclass

from django import forms
from django.db.models import Q, prefetch_related_objects
from django.db.models.functions import Coalesce

from positions.models import Commitment, Document, Exchange, Issue, Position, Provision
from provenance.models import DatePrecision, Side
from talks.models import Event, EventSide, Round

KINDS = [
    ("round", "Rounds"),
    ("event", "Events"),
    ("document", "Documents"),
    ("exchange", "Exchanges"),
]
KIND_LABELS = {"round": "Round", "event": "Event", "document": "Document", "exchange": "Exchange"}


class TimelineFilterForm(forms.Form):
    """GET parameters of the timeline; every combination is a shareable URL."""

    kind = forms.MultipleChoiceField(
        choices=KINDS, required=False, widget=forms.CheckboxSelectMultiple, label="Show"
    )
    side = forms.ChoiceField(
        choices=[("", "Both sides"), *Side.choices],
        required=False,
        label="Side",
        help_text="Rounds and exchanges involve both sides and are always shown.",
    )
    issue = forms.ModelChoiceField(
        queryset=Issue.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label="All issues",
        label="Issue",
    )
    date_from = forms.DateField(
        required=False, label="From", widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        required=False, label="To", widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and end < start:
            raise forms.ValidationError("The end date is before the start date.")
        return data


@dataclass
class Entry:
    """A row of the timeline, whatever it is."""

    date: datetime.date
    precision: str
    kind: str
    title: str
    url: str
    obj: object
    side: str = ""

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]


def _dated(queryset, field, start, end):
    if start:
        queryset = queryset.filter(**{f"{field}__gte": start})
    if end:
        queryset = queryset.filter(**{f"{field}__lte": end})
    return queryset


def entries(*, kinds=(), side="", issue=None, date_from=None, date_to=None) -> list[Entry]:
    """Published entries matching the filters, oldest first. One query per kind shown."""
    kinds = set(kinds) or {kind for kind, _ in KINDS}
    rows: list[Entry] = []
    if "round" in kinds:
        rounds = Round.objects.published().select_related("venue")
        if issue:
            rounds = rounds.filter(
                Q(pk__in=Position.objects.published().filter(issue=issue).values("round"))
                | Q(pk__in=Commitment.objects.published().filter(issue=issue).values("round"))
            )
        rows += [
            Entry(r.held_on, r.held_on_precision, "round", str(r), r.get_absolute_url(), r)
            for r in _dated(rounds, "held_on", date_from, date_to)
        ]
    if "event" in kinds:
        events = Event.objects.published()
        if side:
            events = events.filter(side__in=[side, EventSide.BOTH])
        if issue:
            events = events.filter(issues=issue)
        rows += [
            Entry(
                e.occurred_on,
                e.occurred_on_precision,
                "event",
                e.title,
                e.get_absolute_url(),
                e,
                e.side,
            )
            for e in _dated(events, "occurred_on", date_from, date_to)
        ]
    if "document" in kinds:
        documents = Document.objects.published().annotate(
            day=Coalesce("tabled_on", "round__held_on")
        )
        documents = documents.filter(day__isnull=False)
        if side:
            documents = documents.filter(author_side=side)
        if issue:
            documents = documents.filter(
                pk__in=Provision.objects.filter(issues=issue).values("document")
            )
        rows += [
            Entry(
                d.day,
                d.tabled_on_precision if d.tabled_on else DatePrecision.DAY,
                "document",
                d.title,
                d.get_absolute_url(),
                d,
                d.author_side,
            )
            for d in _dated(documents, "day", date_from, date_to)
        ]
    if "exchange" in kinds:
        exchanges = Exchange.objects.published()
        if issue:
            exchanges = exchanges.filter(commitment__issue=issue)
        rows += [
            Entry(
                x.occurred_on, x.occurred_on_precision, "exchange", x.title, x.get_absolute_url(), x
            )
            for x in _dated(exchanges, "occurred_on", date_from, date_to)
        ]
    order = [kind for kind, _ in KINDS]
    rows.sort(key=lambda e: (e.date, order.index(e.kind), e.title))
    return rows


def attach_sources(rows) -> None:
    """Prefetch sources for the rows of one page only: one query per kind on the page."""
    by_kind: dict[str, list] = {}
    for row in rows:
        by_kind.setdefault(row.kind, []).append(row.obj)
    for objects in by_kind.values():
        prefetch_related_objects(objects, "sources")


def by_month(rows) -> list[dict]:
    """Counts per month and kind: the timeline graphic's numbers as a table."""
    months: dict[datetime.date, dict] = {}
    for row in rows:
        month = row.date.replace(day=1)
        counts = months.setdefault(month, {kind: 0 for kind, _ in KINDS})
        counts[row.kind] += 1
    return [
        {"month": month, "counts": [counts[kind] for kind, _ in KINDS]}
        for month, counts in sorted(months.items())
    ]
