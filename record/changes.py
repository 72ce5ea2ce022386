"""What changed in the public record, read from django-simple-history's tables: one
implementation for the home page, /changes/, the Atom feeds and the API's `changes/`.

Only published content counts. `recent_changes()` lists a history row only if it was recorded
while its object was published AND the object is published now (by the model's own
`published()`, which also hides content of a draft round), so a draft's edits, and a draft's
title, never appear; an object's first published version is "created" even if it was drafted
for weeks before. `changes_since()` is what a mirror needs: each row "created" (not public at
`since`, even if it did not change itself but came into view with its round), "updated" or
"removed" (by kind and id only, never its content), read from the history and from provenance's
logs of rows becoming and ceasing to be public (`Appearance`, `Withdrawal`).
"""

import dataclasses
import datetime

from django.db import models
from django.db.models import F, Max, Min, Q, Window
from django.db.models.functions import Lag
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext, gettext_lazy

from actors.models import Person
from positions.models import Issue, Position
from provenance.models import Appearance, PublicationStatus, RecordReview, Withdrawal
from record.kinds import NEWS, RESOURCES, Kind
from record.languages import named_in_english
from talks.models import Delegation, Round, StandingDelegation

# Bookkeeping columns: a save that changes only these is not news.
IGNORED_FIELDS = {
    "id",
    "created_at",
    "updated_at",
    "version",  # the editors' optimistic-locking counter, bumped on every save
    "search_text",
    "translation_status",  # which translations a person reviewed (provenance.translated)
    "publication_status",
}


CREATED, UPDATED, REMOVED = "created", "updated", "removed"
# What a reader sees for each change type, in the language of the page or feed ("Exchange added",
# "Exchange — додано"). The API's changes name their type by CREATED, UPDATED, REMOVED.
CHANGE_HEADINGS = {
    CREATED: gettext_lazy("%(kind)s added"),
    UPDATED: gettext_lazy("%(kind)s updated"),
    REMOVED: gettext_lazy("%(kind)s removed"),
}


# The sides as a change's title names them, in the active language (the models' choice labels
# are English); a side missing here keeps its label.
SIDE_NAMES = {
    "ukraine": gettext_lazy("Ukraine"),
    "russia": gettext_lazy("Russia"),
    "mediator": gettext_lazy("Mediator at the table"),
    "host": gettext_lazy("Host and mediator"),
}


def _side(obj) -> str:
    return str(SIDE_NAMES.get(obj.side) or obj.get_side_display())


# What a change calls an object whose str() adds words of its own ("Round 2: …"): the same
# words in the active language, the same text as str() in English. The record's own text
# (titles, names, acts) is read from the object as stored.
_TITLES = {
    Round: lambda r: (
        gettext("Round %(number)s: %(title)s") % {"number": r.number, "title": r.title}
    ),
    Delegation: lambda d: (
        gettext("%(side)s at round %(number)s") % {"side": _side(d), "number": d.round.number}
    ),
    StandingDelegation: lambda d: (
        gettext("%(side)s's delegation, %(act)s") % {"side": _side(d), "act": d.appointing_act}
    ),
    Position: lambda p: (
        gettext("%(side)s on %(issue)s at round %(number)s")
        % {"side": _side(p), "issue": p.issue, "number": p.round.number}
    ),
    RecordReview: lambda r: (
        gettext("Record reviewed to %(day)s") % {"day": date_format(r.reviewed_to, "j E Y")}
    ),
}


def field_name(field: models.Field) -> str:
    """ "held on", as "Changed: …" names a field: its verbose name, in the active language (the
    admin's label for it too; tests/test_i18n_model_strings.py keeps every one translated)."""
    return str(field.verbose_name)


def change_title(obj) -> str:
    """The title a change shows for `obj` (its public row), in the active language."""
    title = _TITLES.get(type(obj))
    return title(obj) if title else str(obj)


@dataclasses.dataclass(frozen=True)
class Change:
    kind: Kind
    pk: int
    changed_at: datetime.datetime
    change_type: str  # CREATED, UPDATED or REMOVED
    title: str = ""  # today's public title; blank for a removed row
    url: str = ""  # today's public page; blank for a removed row
    summary: str = ""
    version: int = 0  # the history row's id, stable for this version of the object
    # The title names the object in English for want of a translation (record.languages).
    title_in_english: bool = False

    @property
    def key(self) -> str:
        """ "<app>.<model>:<pk>", stable for the object."""
        return f"{self.kind.model._meta.label_lower}:{self.pk}"

    @property
    def kind_label(self) -> str:
        return self.kind.label

    @property
    def heading(self) -> str:
        """ "Exchange added", in the active language."""
        return str(CHANGE_HEADINGS[self.change_type]) % {"kind": self.kind.label}


def _tracked_fields(model) -> list[models.Field]:
    # Not the translation columns (`summary_en`, `summary_uk`…): the log follows the English,
    # which `summary` holds too, so an English change is listed once.
    return [
        f
        for f in model._meta.concrete_fields
        if f.attname not in IGNORED_FIELDS and getattr(f, "translated_field", None) is None
    ]


def _previous(name: str) -> Window:
    """The value in this object's previous *published* version (rows are filtered first)."""
    return Window(
        Lag(name), partition_by=[F("id")], order_by=[F("history_date").asc(), F("history_id")]
    )


def _public_targets(rows, fields) -> dict:
    """For each changed foreign key to content with a status, the ids among `rows`' old and new
    values that readers may see (one query per such field, only when one changed)."""
    found = {}
    for field in fields:
        target = field.related_model
        if target is None or not hasattr(target.objects, "published"):
            continue
        ids = {row[key] for row in rows for key in (field.attname, f"prev__{field.attname}")}
        ids.discard(None)
        found[field] = set(
            target.objects.published().filter(pk__in=ids).values_list("pk", flat=True)
        )
    return found


def _shown(value, public_ids):
    """What a reader sees of a foreign key: the row if it is public, else nothing."""
    return value if value in public_ids else None


def _changes_of(kind: Kind, limit: int, about: models.Model | None) -> list[Change]:
    """Two queries: the latest published versions with their predecessors, then the objects."""
    model = kind.model
    fields = _tracked_fields(model)
    names = [f.attname for f in fields]
    public = model.objects.published()
    if about is not None:
        # A join through delegations, people or issues can repeat a row: the ids go into an IN.
        public = public.filter(kind.about[type(about)](about.pk))
    published_versions = model.history.model.objects.filter(
        publication_status=PublicationStatus.PUBLISHED,
        history_type__in=["+", "~"],
        id__in=public.values("pk"),
    )
    # Saves that change nothing public are skipped below, so read a few more than needed.
    window = limit * 3
    # The objects changed most recently, so the window functions only scan their versions.
    recent_objects = published_versions.order_by("-history_date").values("id")[:window]
    rows = (
        published_versions.filter(id__in=recent_objects)
        .annotate(
            prev_version=_previous("history_id"),
            **{f"prev__{name}": _previous(name) for name in names},
        )
        .order_by("-history_date", "-history_id")
        .values(
            "id",
            "history_id",
            "history_date",
            "prev_version",
            *names,
            *(f"prev__{name}" for name in names),
        )
    )
    rows = list(rows[:window])
    differing = {
        row["history_id"]: [f for f in fields if row[f.attname] != row[f"prev__{f.attname}"]]
        for row in rows
        if row["prev_version"] is not None
    }
    public_ids = _public_targets(rows, {f for changed in differing.values() for f in changed})
    changes = []
    for row in rows:
        if row["prev_version"] is None:
            change_type = CREATED
            summary = gettext("New %(kind)s.") % {"kind": str(kind.label).lower()}
        else:
            changed = [
                f
                for f in differing[row["history_id"]]
                if f not in public_ids
                or _shown(row[f.attname], public_ids[f])
                != _shown(row[f"prev__{f.attname}"], public_ids[f])
            ]
            if not changed:
                continue
            change_type = UPDATED
            fields = ", ".join(field_name(f) for f in changed)
            summary = gettext("Changed: %(fields)s.") % {"fields": fields}
        changes.append((row, change_type, summary))
    changes = changes[:limit]
    objects = public.select_related(*kind.related).in_bulk({row["id"] for row, _, _ in changes})
    return [
        Change(
            kind=kind,
            pk=row["id"],
            changed_at=row["history_date"],
            change_type=change_type,
            # Today's public title and address: readers follow the link to what is there now.
            title=change_title(objects[row["id"]]),
            url=kind.url(objects[row["id"]]),
            summary=summary,
            version=row["history_id"],
            title_in_english=named_in_english(objects[row["id"]], translation.get_language()),
        )
        for row, change_type, summary in changes
        if row["id"] in objects
    ]


def recent_changes(limit: int = 10, *, about: Round | Person | Issue | None = None) -> list[Change]:
    """The latest `limit` changes to published content, newest first; only those about a round,
    a person or an issue if `about` is given.

    Two queries per tracked kind (twenty in all; fourteen for a round, ten for a person, ten for
    an issue), whatever `limit` is.
    """
    kinds = [kind for kind in NEWS if about is None or type(about) in kind.about]
    changes = [change for kind in kinds for change in _changes_of(kind, limit, about)]
    changes.sort(key=lambda change: (change.changed_at, change.version), reverse=True)
    return changes[:limit]


def changes_since(since: datetime.datetime, kinds=RESOURCES) -> list[Change]:
    """Every row of `kinds` that changed at or after `since`, oldest first, as a mirror that was
    up to date at `since` needs it: created or updated public rows (with today's title and
    page), and rows to drop.

    - "created": public now and not public at `since` — first published after it, or shown
      after it with a record it belongs to (a round published with its delegations), or public
      again after being withdrawn. Even a row that did not change itself is listed then.
    - "updated": public at `since` and now, and saved since.
    - "removed": stopped being public at or after `since` (unpublished, deleted, moved out of a
      published record or hidden with one) and is not public now, with its id and time only,
      never its title; a row that was never public is never named.

    Whether a row was public at `since` comes from provenance's `Appearance` and `Withdrawal`
    logs; a row that has never appeared in the log (stored before it was kept) counts as public
    from its first published version. Rows without a status of their own (participants,
    counts) follow the records they belong to. Six queries per kind, however many rows changed.
    """
    changes = []
    for kind in kinds:
        changes += _changes_of_kind_since(kind, since)
    changes.sort(key=lambda change: (change.changed_at, change.kind.api_name, change.pk))
    return changes


@dataclasses.dataclass(frozen=True)
class _Logged:
    """A row's entries in a visibility log (`Appearance` or `Withdrawal`) around `since`."""

    last_before: datetime.datetime | None = None
    first_after: datetime.datetime | None = None
    last_after: datetime.datetime | None = None


def _log_around(log, time_field: str, label: str, since, ids) -> dict[int, _Logged]:
    """Each row of `label` logged at or after `since`, or among `ids`: its log around `since`."""
    after = log.objects.filter(model=label, **{f"{time_field}__gte": since})
    rows = (
        log.objects.filter(model=label)
        .filter(Q(object_id__in=after.values("object_id")) | Q(object_id__in=ids))
        .values("object_id")
        .annotate(
            last_before=Max(time_field, filter=Q(**{f"{time_field}__lt": since})),
            first_after=Min(time_field, filter=Q(**{f"{time_field}__gte": since})),
            last_after=Max(time_field, filter=Q(**{f"{time_field}__gte": since})),
        )
        .values_list("object_id", "last_before", "first_after", "last_after")
        .order_by()
    )
    return {pk: _Logged(*times) for pk, *times in rows}


def _public_at(since, appeared: _Logged, withdrawn: _Logged, first_public) -> bool:
    """Whether a row was public at `since`, from its visibility logs: the last entry before
    `since` says; without one, the first after it (a row withdrawn after `since` was public at
    it, one that appeared after it was not); a row never logged (stored before the logs were
    kept, or by a data migration) was public from its first published version."""
    if appeared.last_before or withdrawn.last_before:
        return appeared.last_before is not None and (
            withdrawn.last_before is None or appeared.last_before > withdrawn.last_before
        )
    if appeared.first_after or withdrawn.first_after:
        return appeared.first_after is None or (
            withdrawn.first_after is not None and withdrawn.first_after < appeared.first_after
        )
    return first_public is not None and first_public < since


def _changes_of_kind_since(kind: Kind, since: datetime.datetime) -> list[Change]:
    model = kind.model
    label = model._meta.label_lower
    history = model.history.all()
    changed = history.filter(history_date__gte=since)
    saved = dict(changed.values_list("id").annotate(at=Max("history_date")).order_by())
    changed_ids = changed.values("id")  # a subquery, however many rows changed
    appearances = _log_around(Appearance, "appeared_at", label, since, changed_ids)
    appeared_ids = Appearance.objects.filter(model=label, appeared_at__gte=since).values(
        "object_id"
    )
    candidates = Q(id__in=changed_ids) | Q(id__in=appeared_ids)
    timed = any(field.name == "updated_at" for field in model._meta.concrete_fields)
    if timed:  # also moved when a row it shows changes (api.sync), which leaves no history row
        candidates |= Q(updated_at__gte=since)
    public = kind.public().filter(candidates)
    objects = public.select_related(*kind.related).in_bulk()
    # Subqueries, not lists of ids: a `since` long ago names every row.
    public_ids = public.values("id")
    withdrawals = _log_around(Withdrawal, "withdrawn_at", label, since, public_ids)
    if any(field.name == "publication_status" for field in model._meta.fields):
        history = history.filter(publication_status=PublicationStatus.PUBLISHED)
    # When each was first published: used only for rows the logs never name (older ones).
    first_public = dict(
        history.filter(id__in=public_ids)
        .values_list("id")
        .annotate(first=Min("history_date"))
        .order_by()
    )
    changes = []
    for pk, obj in objects.items():
        appeared = appearances.get(pk, _Logged())
        public_at_since = _public_at(
            since, appeared, withdrawals.get(pk, _Logged()), first_public.get(pk)
        )
        touched = obj.updated_at if timed and obj.updated_at >= since else None
        at = max(t for t in (saved.get(pk), appeared.last_after, touched) if t is not None)
        change_type = UPDATED if public_at_since else CREATED
        # Today's public title and page: a mirror follows the link to what is there now.
        changes.append(Change(kind, pk, at, change_type, str(obj), kind.url(obj)))
    gone = {
        pk: logged.last_after
        for pk, logged in withdrawals.items()
        if logged.last_after and pk not in objects
    }
    still_public = set(kind.public().filter(pk__in=list(gone)).values_list("pk", flat=True))
    changes += [Change(kind, pk, at, REMOVED) for pk, at in gone.items() if pk not in still_public]
    return changes
