"""What changed in the public record, read from django-simple-history's tables: one
implementation for the home page, /changes/, the Atom feeds and the API's `changes/`.

Only published content counts. `recent_changes()` lists a history row only if it was recorded
while its object was published AND the object is published now (by the model's own
`published()`, which also hides content of a draft round), so a draft's edits, and a draft's
title, never appear; an object's first published version is "created" even if it was drafted
for weeks before. `changes_since()` also reports rows a mirror must drop ("removed"), by kind
and id only, never their content.
"""

import dataclasses
import datetime

from django.db import models
from django.db.models import F, Max, Min, Window
from django.db.models.functions import Lag

from actors.models import Person
from positions.models import Issue
from provenance.models import PublicationStatus, Withdrawal
from record.kinds import NEWS, RESOURCES, Kind
from talks.models import Round

# Bookkeeping columns: a save that changes only these is not news.
IGNORED_FIELDS = {
    "id",
    "created_at",
    "updated_at",
    "version",  # the editors' optimistic-locking counter, bumped on every save
    "search_text",
    "publication_status",
}


CREATED, UPDATED, REMOVED = "created", "updated", "removed"
# What a reader sees for each change type ("Round added: …").
CHANGE_LABELS = {CREATED: "added", UPDATED: "updated", REMOVED: "removed"}


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

    @property
    def key(self) -> str:
        """ "<app>.<model>:<pk>", stable for the object."""
        return f"{self.kind.model._meta.label_lower}:{self.pk}"

    @property
    def kind_label(self) -> str:
        return self.kind.label

    @property
    def change_label(self) -> str:
        return CHANGE_LABELS[self.change_type]


def _tracked_fields(model) -> list[models.Field]:
    return [f for f in model._meta.concrete_fields if f.attname not in IGNORED_FIELDS]


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
            change_type, summary = CREATED, f"New {kind.label.lower()}."
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
            summary = "Changed: " + ", ".join(str(f.verbose_name) for f in changed) + "."
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
            title=str(objects[row["id"]]),
            url=kind.url(objects[row["id"]]),
            summary=summary,
            version=row["history_id"],
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
    """Every row of `kinds` that changed at or after `since`, oldest first: created or updated
    public rows (with today's title and page), and rows a mirror must drop.

    A row is "removed" when it stopped being public at or after `since` (unpublished, deleted,
    moved out of a published record or hidden with its parent: provenance's `Withdrawal` log)
    and is not public now, with its id and time only; a row that was never public is never
    named. A row is "created" if its first published version is at or after `since`.
    Participants and counts have no status of their own, so they count as published from their
    first version. At most four queries per kind.
    """
    changes = []
    for kind in kinds:
        model = kind.model
        history = model.history.all()
        changed = history.filter(history_date__gte=since)
        latest = dict(changed.values_list("id").annotate(at=Max("history_date")).order_by())
        changed_ids = changed.values("id")  # a subquery, however many rows changed
        public = kind.public().filter(id__in=changed_ids).select_related(*kind.related)
        objects = public.in_bulk()
        if any(field.name == "publication_status" for field in model._meta.fields):
            history = history.filter(publication_status=PublicationStatus.PUBLISHED)
        first_public = dict(
            history.filter(id__in=changed_ids)
            .values_list("id")
            .annotate(first=Min("history_date"))
            .order_by()
        )
        for pk, at in latest.items():
            if pk in objects:
                obj = objects[pk]
                created = first_public.get(pk, at) >= since
                change_type = CREATED if created else UPDATED
                changes.append(Change(kind, pk, at, change_type, str(obj), kind.url(obj)))
        withdrawn = dict(
            Withdrawal.objects.filter(model=model._meta.label_lower, withdrawn_at__gte=since)
            .values_list("object_id")
            .annotate(at=Max("withdrawn_at"))
            .order_by()
        )
        still_public = set(kind.public().filter(pk__in=withdrawn).values_list("pk", flat=True))
        changes += [
            Change(kind, pk, at, REMOVED) for pk, at in withdrawn.items() if pk not in still_public
        ]
    changes.sort(key=lambda change: (change.changed_at, change.kind.api_name, change.pk))
    return changes
