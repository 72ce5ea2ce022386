"""One chronological list of everything dated in the public record, for the site's timeline, the
API's timeline and the TimelineJS export alike.

Which kinds are dated, by which field, and whose act each is, is declared in `record.kinds`.
"""

import datetime
from dataclasses import dataclass

from django.db import connection
from django.db.models import CharField, Count, F, IntegerField, Q, Value, prefetch_related_objects
from django.db.models.functions import Cast, Coalesce, Collate, Concat, TruncMonth
from django.utils import translation

from positions.models import Commitment, Position
from provenance.models import DatePrecision
from provenance.translated import (
    ORIGINAL_LANGUAGE,
    TRANSLATION_LANGUAGES,
    Translated,
    english_column,
    without_rewriting,
)
from record.kinds import TIMELINE, Kind
from record.languages import text_language, translation_state
from talks.models import DEFAULT_TRACK


@dataclass
class Entry:
    """A row of the timeline, whatever it is."""

    kind: Kind
    obj: object
    date: datetime.date
    precision: str
    side: str
    round_number: int | None

    @property
    def pk(self) -> int:
        return self.obj.pk

    @property
    def title(self) -> str:
        return self.kind.title(self.obj)

    @property
    def sort_title(self) -> str:
        """The title in English, which orders entries of the same day and kind: one order in
        every language, as the UNION's (`_english_title`)."""
        with translation.override(ORIGINAL_LANGUAGE):
            return self.kind.title(self.obj)

    @property
    def summary(self) -> str:
        return getattr(self.obj, self.kind.dated.summary)

    @property
    def url(self) -> str:
        return self.kind.url(self.obj)

    @property
    def title_falls_back(self) -> bool:
        """Whether the title is shown in English in the active language (Ukrainian or Russian)
        because its kind translates it and this one has no translation yet."""
        language = translation.get_language()
        return (
            isinstance(self.obj, Translated)
            and language in TRANSLATION_LANGUAGES
            and self.title_language(language) == ORIGINAL_LANGUAGE
        )

    def title_language(self, language: str) -> str | None:
        """The language the title is shown in on a page or answer in `language` ("en" where it
        has no translation yet; record.languages)."""
        return text_language(self.obj, "title", language)

    def summary_language(self, language: str) -> str | None:
        """The language the summary is shown in, as `title_language`."""
        return text_language(self.obj, self.kind.dated.summary, language)

    def translation_state(self, language: str) -> str | None:
        """Its translation into `language` ("missing", "unreviewed"…); None in English and for
        a kind without translations."""
        return translation_state(self.obj, language)

    @property
    def kind_label(self) -> str:
        return self.kind.label

    @property
    def side_label(self) -> str:
        """Whose act the entry is, as its own field's choice names it in the active language
        ("Ukraine", "Mediator or host"); "" for an entry of no side."""
        if not self.side:
            return ""
        return getattr(self.obj, f"get_{self.kind.dated.side}_display")()

    @property
    def track(self):
        """The track the entry belongs to, or None: a round's or commitment's own, an event's own
        or its round's, a document's round's, an exchange's commitment's (the paths are
        `Dated.track`, selected with the rows by `entries` and `latest`, so this costs no query).
        """
        for path in self.kind.dated.track:
            obj = self.obj
            for name in path.split("__"):
                obj = getattr(obj, name, None)
                if obj is None:
                    break
            if obj is not None:
                return obj
        return None


def _dated(kind: Kind):
    """Published rows of `kind` annotated with `day` (their date, or the fallback), `day_precision`
    and `round_no`; rows without any date are left out."""
    rule = kind.dated
    day = Coalesce(rule.date, rule.fallback) if rule.fallback else F(rule.date)
    queryset = kind.public().annotate(day=day).filter(day__isnull=False)
    if rule.round_number:
        queryset = queryset.annotate(round_no=F(rule.round_number))
    return queryset


def entries(
    *,
    kinds=(),
    side: str = "",
    issue=None,
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
    round_number: int | None = None,
    track=None,
    newest_first: bool = False,
) -> list[Entry]:
    """Published, dated entries matching the filters, oldest first (newest first with
    `newest_first`: by day, a day's entries keep their order). One query per kind shown.

    `kinds` are `Kind.name`s (all dated kinds if empty). `side` keeps what that side did or said
    and everything both sides did (rounds, exchanges, agreements of both); `issue` is an Issue;
    `track` a Track: what belongs to it. `round_number` is a round's number within `track`, or
    within the Istanbul talks when no track is given (what it meant before there were tracks).

    Every entry is built: for a page of them, `listing()` costs the same at any size.
    """
    rows: list[Entry] = []
    for kind, queryset in _filtered(kinds, side, issue, date_from, date_to, round_number, track):
        rows.extend(_entry(kind, obj) for obj in _with_related(kind, queryset))
    return _sorted(rows, newest_first)


def listing(
    *,
    kinds=(),
    side: str = "",
    issue=None,
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
    round_number: int | None = None,
    track=None,
    newest_first: bool = False,
) -> "Listing":
    """The same entries as `entries()` with the same arguments, in the same order, as a
    `Listing`: counted and paged by the database, so a page costs the same whatever the size of
    the record."""
    filtered = _filtered(kinds, side, issue, date_from, date_to, round_number, track)
    return Listing(filtered, newest_first)


def _filtered(kinds, side, issue, date_from, date_to, round_number, track) -> list[tuple]:
    """(kind, its dated queryset with the filters applied) for each timeline kind asked for."""
    wanted = set(kinds)
    filtered = []
    for kind in TIMELINE:
        if wanted and kind.name not in wanted:
            continue
        rule = kind.dated
        queryset = _dated(kind)
        if side and rule.side:
            queryset = queryset.filter(**{f"{rule.side}__in": [side, *rule.both_sides]})
        if issue is not None:
            if not rule.issue:
                # Rounds: those where a position or commitment on the issue was recorded.
                queryset = queryset.filter(_rounds_on(issue))
            else:
                queryset = queryset.filter(**{rule.issue: issue}).distinct()
        if date_from:
            queryset = queryset.filter(day__gte=date_from)
        if date_to:
            queryset = queryset.filter(day__lte=date_to)
        if track is not None:
            on_track = Q()
            for path in rule.track:
                on_track |= Q(**{path: track})
            queryset = queryset.filter(on_track) if rule.track else queryset.none()
        if round_number is not None:
            if rule.round_number:
                # "round__number" → "round__track__slug": the round's own track.
                round_track = rule.round_number.removesuffix("number") + "track__slug"
                queryset = queryset.filter(
                    round_no=round_number,
                    **{round_track: track.slug if track is not None else DEFAULT_TRACK},
                )
            else:
                queryset = queryset.none()
        filtered.append((kind, queryset))
    return filtered


class Listing:
    """Timeline entries in the order `_sorted()` gives them, read a slice at a time: what Django's
    Paginator and DRF's pagination take (`count()` and slices of `Entry`).

    The order is the database's: one UNION of the kinds' keys (day, kind, title, id) ordered and
    cut to the slice, then the slice's rows with what their pages show, one query per kind on it,
    read in the active language. Titles are the English ones, so the order is the same in every
    language, compared byte by byte ("C" collation) as Python compares them, so SQLite and
    PostgreSQL agree with `entries()`. `months()` counts entries per month and kind in one
    query per kind, for the month links and the graphic, without reading the entries.
    """

    def __init__(self, querysets: list[tuple], newest_first: bool = False):
        # An empty queryset (`none()`) adds nothing, and some databases refuse it in a UNION.
        self.querysets = [(k, q) for k, q in querysets if not q.query.is_empty()]
        self.newest_first = newest_first
        self._months = None
        self._count = None
        self._everything = None

    def months(self) -> list[dict]:
        """[{"month": first day, "counts": [entries of each TIMELINE kind]}], oldest first."""
        if self._months is None and self._everything is not None:
            self._months = by_month(self._everything)
        if self._months is None:
            months: dict[datetime.date, list[int]] = {}
            for kind, queryset in self.querysets:
                per_month = (
                    without_rewriting(queryset)
                    .annotate(month=TruncMonth("day"))
                    .order_by()
                    .values("month")
                    # A filter through a many-to-many relation can repeat a row (`distinct()`).
                    .annotate(n=Count("id", distinct=queryset.query.distinct))
                    .values_list("month", "n")
                )
                column = _KIND_ORDER[kind.name]
                for month, n in per_month:
                    months.setdefault(month, [0] * len(TIMELINE))[column] += n
            self._months = [
                {"month": month, "counts": counts} for month, counts in sorted(months.items())
            ]
        return self._months

    def count(self) -> int:
        """How many entries: from the counts per month if read, else one COUNT of the UNION."""
        if self._count is None:
            if self._months is not None:
                self._count = sum(sum(month["counts"]) for month in self._months)
            else:
                self._count = self._union().count() if self.querysets else 0
        return self._count

    def __len__(self) -> int:
        return self.count()

    def everything(self) -> list[Entry]:
        """Every entry, read once as `entries()` reads them (one query per kind, sorted here);
        later slices, the count and the counts per month are taken from them."""
        if self._everything is None:
            rows = [
                _entry(kind, obj)
                for kind, queryset in self.querysets
                for obj in _with_related(kind, queryset)
            ]
            self._everything = _sorted(rows, self.newest_first)
            self._count = len(self._everything)
        return self._everything

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        if self._everything is not None:
            return self._everything[index]
        if not self.querysets:
            return []
        day = "-day" if self.newest_first else "day"
        order = self._union().order_by(day, "kind_order", "sort_title", "id")
        page = [(kind_order, pk) for _, kind_order, _, pk in order[index]]
        wanted: dict[int, list[int]] = {}
        for kind_order, pk in page:
            wanted.setdefault(kind_order, []).append(pk)
        found = {}
        for kind, queryset in self.querysets:
            pks = wanted.get(_KIND_ORDER[kind.name])
            if pks:
                rows = _with_related(kind, queryset.filter(pk__in=pks))
                found.update({(kind.name, obj.pk): _entry(kind, obj) for obj in rows})
        return [found[(TIMELINE[kind_order].name, pk)] for kind_order, pk in page]

    def _union(self):
        keys = [self._keys(kind, queryset) for kind, queryset in self.querysets]
        return keys[0].union(*keys[1:], all=True) if len(keys) > 1 else keys[0]

    @staticmethod
    def _keys(kind: Kind, queryset):
        collation = "C" if connection.vendor == "postgresql" else "BINARY"
        title = (
            Concat(
                Value("Round "),
                Cast("number", CharField()),
                Value(": "),
                _english_title(queryset.model),
                # The title column is modeltranslation's field class, not CharField.
                output_field=CharField(),
            )
            if kind.name == "round"
            else _english_title(queryset.model)
        )
        return (
            without_rewriting(queryset)
            .order_by()
            .annotate(
                kind_order=Value(_KIND_ORDER[kind.name], output_field=IntegerField()),
                sort_title=Collate(title, collation),
            )
            .values_list("day", "kind_order", "sort_title", "id")
        )


def _english_title(model):
    """The English title column, for the UNION (which reads columns as Django names them,
    without_rewriting): entries of a day and kind are in one order in every language, so a page
    of the timeline holds the same entries whatever its language (provenance.translated)."""
    return F(english_column(model, "title"))


def latest(limit: int = 10) -> list[Entry]:
    """The `limit` published entries that happened last, across every kind and track, newest
    first, as on the timeline in newest-first order. One query per kind, each `limit` rows at
    most, however large the record: the newest of all are among the newest of each kind."""
    rows: list[Entry] = []
    for kind in TIMELINE:
        queryset = _with_related(kind, _dated(kind)).order_by("-day", "-pk")[:limit]
        rows.extend(_entry(kind, obj) for obj in queryset)
    return _sorted(rows, newest_first=True)[:limit]


def _with_related(kind: Kind, queryset):
    # The track paths too, so that `Entry.track` costs no query.
    return queryset.select_related(*kind.related, *kind.dated.track)


def _entry(kind: Kind, obj) -> Entry:
    rule = kind.dated
    own_date = getattr(obj, rule.date)
    return Entry(
        kind=kind,
        obj=obj,
        date=obj.day,
        precision=(
            getattr(obj, rule.precision) if rule.precision and own_date else DatePrecision.DAY
        ),
        side=getattr(obj, rule.side) if rule.side else "",
        round_number=getattr(obj, "round_no", None),
    )


_KIND_ORDER = {kind.name: i for i, kind in enumerate(TIMELINE)}


def _sorted(rows: list[Entry], newest_first: bool) -> list[Entry]:
    # Within a day the order is the same either way: a round, then what was tabled and agreed
    # at it, then what carried it out.
    if newest_first:
        return sorted(
            rows,
            key=lambda e: (-e.date.toordinal(), _KIND_ORDER[e.kind.name], e.sort_title, e.pk),
        )
    return sorted(rows, key=lambda e: (e.date, _KIND_ORDER[e.kind.name], e.sort_title, e.pk))


def _rounds_on(issue) -> Q:
    return Q(pk__in=Position.objects.published().filter(issue=issue).values("round")) | Q(
        pk__in=Commitment.objects.published().filter(issue=issue).values("round")
    )


def attach_sources(rows) -> None:
    """Prefetch sources for the rows of one page only: one query per kind on the page."""
    by_kind: dict[str, list] = {}
    for row in rows:
        by_kind.setdefault(row.kind.name, []).append(row.obj)
    for objects in by_kind.values():
        prefetch_related_objects(objects, "sources")


def by_month(rows) -> list[dict]:
    """Counts per month and kind: the timeline graphic's numbers as a table."""
    months: dict[datetime.date, dict] = {}
    for row in rows:
        month = row.date.replace(day=1)
        counts = months.setdefault(month, {kind.name: 0 for kind in TIMELINE})
        counts[row.kind.name] += 1
    return [
        {"month": month, "counts": [counts[kind.name] for kind in TIMELINE]}
        for month, counts in sorted(months.items())
    ]
