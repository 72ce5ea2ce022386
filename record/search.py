"""Search over the public record: one implementation for the site's search page and the API's.

Every kind is read with its model's own `published()` and `search()`, so drafts never appear and
Cyrillic, accents and aliases match the same way on SQLite and PostgreSQL (provenance.text).
Which kinds are searched, and in what order, is `record.kinds.SEARCHED`.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext

from provenance.models import search_variants
from record.kinds import BY_NAME, SEARCHED, Kind
from record.languages import texts_language, translation_state

MAX_QUERY_LENGTH = 200


# Hits are described in the active language: the site's search page in the page's, the API's
# (at an address without a language prefix) in English.


def _day(day) -> str:
    return date_format(day, "j E Y")


def _names(*names: str) -> str:
    return " · ".join(name for name in names if name)


def _own(field: str) -> Callable[[models.Model], list[tuple]]:
    return lambda obj: [(obj, field)]


def _track_label(track) -> tuple:
    """The record text `Track.label` shows: its short name, else its name."""
    return (track, "short_name" if track.short_name else "name")


@dataclass(frozen=True)
class Describe:
    """How a hit of one kind is named and described, and the joins that costs."""

    title: Callable[[models.Model], str]
    detail: Callable[[models.Model], str]
    related: tuple[str, ...] = ()
    # The record texts the title and the detail are made of, as (object, field): which
    # language each is in.
    title_texts: Callable[[models.Model], list[tuple]] = _own("title")
    detail_texts: Callable[[models.Model], list[tuple]] = lambda obj: []


def _round_name(round_) -> str:
    """'Istanbul talks, round 2': a round's number means something only with its track."""
    return gettext("%(track)s, round %(number)s") % {
        "track": round_.track.label,
        "number": round_.number,
    }


def _commitment_detail(c) -> str:
    if c.round:
        made = _round_name(c.round)
    elif c.track:
        made = gettext("%(track)s, outside a round") % {"track": c.track.label}
    else:
        made = gettext("outside a round")
    return f"{c.get_status_display()}, {made}"


def _document_detail(d) -> str:
    detail = gettext("%(kind)s by %(side)s") % {
        "kind": d.get_kind_display(),
        "side": d.get_author_side_display(),
    }
    return detail + (f", {_round_name(d.round)}" if d.round else "")


def _round_detail(r) -> str:
    if r.ended_on:
        days = gettext("%(first)s to %(last)s") % {
            "first": _day(r.held_on),
            "last": _day(r.ended_on),
        }
    else:
        days = _day(r.held_on)
    return f"{r.track.label}, {days}" + (f", {r.venue}" if r.venue else "")


def _track_detail(t) -> str:
    if t.ended_on:
        return gettext("from %(first)s to %(last)s") % {
            "first": _day(t.started_on),
            "last": _day(t.ended_on),
        }
    return gettext("from %(first)s") % {"first": _day(t.started_on)}


def _source_detail(s) -> str:
    return s.publisher + (f", {_day(s.published_on)}" if s.published_on else "")


DESCRIBE: dict[str, Describe] = {
    "person": Describe(
        lambda p: p.name, lambda p: _names(p.native_name, *p.alias_list), title_texts=_own("name")
    ),
    "organization": Describe(
        lambda o: o.name, lambda o: _names(o.short_name, o.native_name), title_texts=_own("name")
    ),
    "track": Describe(lambda t: t.name, _track_detail, title_texts=_own("name")),
    "round": Describe(
        str,
        _round_detail,
        ("venue__city", "track"),
        detail_texts=lambda r: [_track_label(r.track)],
    ),
    "venue": Describe(
        str,
        lambda v: _names(v.native_name, *v.alias_list),
        ("city",),
        title_texts=lambda v: [(v, "name"), (v.city, "name")],
    ),
    "issue": Describe(
        lambda i: i.name,
        lambda i: i.movement_summary,
        title_texts=_own("name"),
        detail_texts=_own("movement_summary"),
    ),
    "event": Describe(
        lambda e: e.title, lambda e: f"{_day(e.occurred_on)}, {e.get_kind_display()}"
    ),
    "document": Describe(lambda d: d.title, _document_detail, ("round__track",)),
    "position": Describe(
        lambda p: (
            gettext("%(side)s on %(issue)s, %(round)s")
            % {"side": p.get_side_display(), "issue": p.issue.name, "round": _round_name(p.round)}
        ),
        lambda p: f"{p.get_stance_display()}: {p.summary}",
        ("issue", "round__track"),
        title_texts=lambda p: [(p.issue, "name"), _track_label(p.round.track)],
        detail_texts=_own("summary"),
    ),
    "commitment": Describe(lambda c: c.title, _commitment_detail, ("round__track", "track")),
    "exchange": Describe(
        lambda x: x.title, lambda x: f"{_day(x.occurred_on)}, {x.get_kind_display()}"
    ),
    "source": Describe(lambda s: s.title, _source_detail),
}


@dataclass
class Hit:
    kind: Kind
    obj: models.Model

    @property
    def pk(self) -> int:
        return self.obj.pk

    @property
    def title(self) -> str:
        return DESCRIBE[self.kind.name].title(self.obj)

    @property
    def detail(self) -> str:
        return DESCRIBE[self.kind.name].detail(self.obj)

    @property
    def url(self) -> str:
        """The public page that shows it (a position is shown on its issue's page)."""
        return self.kind.url(self.obj)

    def title_language(self, language: str) -> str | None:
        """The language the title is shown in on a page or answer in `language`: "en" when any
        record text in it has no translation yet (record.languages)."""
        return texts_language(DESCRIBE[self.kind.name].title_texts(self.obj), language)

    def detail_language(self, language: str) -> str | None:
        """The language of the record texts in the detail, as `title_language`; None when the
        detail holds none (dates, names of sides)."""
        return texts_language(DESCRIBE[self.kind.name].detail_texts(self.obj), language)

    def translation_state(self, language: str) -> str | None:
        """Its translation into `language` ("missing", "unreviewed"…); None in English and for
        a kind without translations."""
        return translation_state(self.obj, language)


@dataclass
class Group:
    kind: Kind
    hits: list[Hit] = field(default_factory=list)
    has_more: bool = False

    @property
    def label(self) -> str:
        return self.kind.plural


def search(query: str, *, kinds=(), per_kind: int = 20) -> list[Group]:
    """Published matches for `query`, grouped by kind in `SEARCHED` order, at most `per_kind`
    each; groups without hits are left out. One query per kind searched, whatever the hits.

    `kinds` are `Kind.name`s (every searched kind if empty); an empty query finds nothing.
    Other spellings of a name in the query are searched too ("Umierov" finds what "Umerov"
    finds): one more query, for every kind at once.
    """
    variants = search_variants(query)
    if not variants:
        return []
    chosen = [BY_NAME[name] for name in kinds] if kinds else list(SEARCHED)
    groups = []
    for kind in chosen:
        rows = (
            kind.public()
            .search(query, variants=variants)
            .select_related(*DESCRIBE[kind.name].related)
        )
        # One more than shown, to know whether there are more.
        rows = list(rows[: per_kind + 1])
        if rows:
            hits = [Hit(kind, obj) for obj in rows[:per_kind]]
            groups.append(Group(kind, hits, has_more=len(rows) > per_kind))
    return groups
