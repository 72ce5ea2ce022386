"""What changed in the public record lately, read from django-simple-history's tables.

Used by the home page ("latest changes"), the /changes/ page and the Atom feed. Only published
content counts: a history row is listed only if it was recorded while its object was published
AND the object is published now (by the model's own `published()`, which also hides content of a
draft round). So a draft's edits, and a draft's title, never appear; an object's first published
version shows as "added" even if it was drafted for weeks before.
"""

import dataclasses
import datetime
from collections.abc import Callable, Mapping

from django.db import models
from django.db.models import F, Q, Window
from django.db.models.functions import Lag

from actors.models import Membership, Organization, Person
from positions.models import Commitment, Document, Exchange, Issue, Position
from provenance.models import PublicationStatus
from talks.models import Delegation, Event, Round

# Bookkeeping columns: a save that changes only these is not news.
IGNORED_FIELDS = {
    "id",
    "created_at",
    "updated_at",
    "version",  # the editors' optimistic-locking counter, bumped on every save
    "search_text",
    "publication_status",
}


@dataclasses.dataclass(frozen=True)
class Change:
    title: str
    url: str
    kind: str
    changed_at: datetime.datetime
    change_type: str  # "added" or "updated"
    summary: str
    key: str  # "<app>.<model>:<pk>", stable for the object
    version: int  # the history row's id, stable for this version of the object


@dataclasses.dataclass(frozen=True)
class Tracked:
    model: type[models.Model]
    kind: str
    related: tuple[str, ...] = ()
    url: Callable[[models.Model], str] = lambda obj: obj.get_absolute_url()
    # For the feeds of one round, person or issue: which of these rows are about that subject,
    # given its id. A kind without an entry for a subject is left out of that subject's feed.
    about: Mapping[type[models.Model], Callable[[int], Q]] = dataclasses.field(default_factory=dict)


def _of_round(pk: int) -> Q:
    return Q(round=pk)


# The kinds a reader follows. Rows without a page of their own are shown on their parent's.
TRACKED = (
    Tracked(
        Round,
        "Round",
        ("venue",),
        about={
            Round: lambda pk: Q(pk=pk),
            # Through a published delegation only: a draft one must not show who is in it.
            Person: lambda pk: (
                Q(chair=pk)
                | Q(
                    delegations__participants__person=pk,
                    delegations__publication_status=PublicationStatus.PUBLISHED,
                )
            ),
        },
    ),
    Tracked(
        Delegation,
        "Delegation",
        ("round",),
        lambda d: d.round.get_absolute_url(),
        about={Round: _of_round, Person: lambda pk: Q(participants__person=pk)},
    ),
    Tracked(
        Event,
        "Event",
        about={
            Round: _of_round,
            Person: lambda pk: Q(people=pk),
            Issue: lambda pk: Q(issues=pk),
        },
    ),
    Tracked(
        Document,
        "Document",
        about={Round: _of_round, Issue: lambda pk: Q(provisions__issues=pk)},
    ),
    Tracked(
        Position,
        "Position",
        ("issue", "round"),
        lambda p: p.issue.get_absolute_url(),
        about={Round: _of_round, Issue: lambda pk: Q(issue=pk)},
    ),
    Tracked(Commitment, "Commitment", about={Round: _of_round, Issue: lambda pk: Q(issue=pk)}),
    Tracked(
        Exchange,
        "Exchange",
        about={
            Round: lambda pk: Q(commitment__round=pk),
            Issue: lambda pk: Q(commitment__issue=pk),
        },
    ),
    Tracked(Person, "Person", about={Person: lambda pk: Q(pk=pk)}),
    Tracked(
        Membership,
        "Post",
        ("person", "organization"),
        lambda m: m.person.get_absolute_url(),
        about={Person: lambda pk: Q(person=pk)},
    ),
    Tracked(Organization, "Organization"),
)


def _tracked_fields(model) -> list[models.Field]:
    return [f for f in model._meta.concrete_fields if f.attname not in IGNORED_FIELDS]


def _previous(name: str) -> Window:
    """The value in this object's previous *published* version (rows are filtered first)."""
    return Window(
        Lag(name), partition_by=[F("id")], order_by=[F("history_date").asc(), F("history_id")]
    )


def _changes_of(tracked: Tracked, limit: int, about: models.Model | None) -> list[Change]:
    """Two queries: the latest published versions with their predecessors, then the objects."""
    model = tracked.model
    fields = _tracked_fields(model)
    names = [f.attname for f in fields]
    public = model.objects.published()
    if about is not None:
        # A join through delegations, people or issues can repeat a row: the ids go into an IN.
        public = public.filter(tracked.about[type(about)](about.pk))
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
    changes = []
    for row in rows:
        if row["prev_version"] is None:
            change_type, summary = "added", f"New {tracked.kind.lower()}."
        else:
            changed = [f for f in fields if row[f.attname] != row[f"prev__{f.attname}"]]
            if not changed:
                continue
            change_type = "updated"
            summary = "Changed: " + ", ".join(str(f.verbose_name) for f in changed) + "."
        changes.append((row, change_type, summary))
    changes = changes[:limit]
    objects = public.select_related(*tracked.related).in_bulk({row["id"] for row, _, _ in changes})
    label = model._meta.label_lower
    return [
        Change(
            # Today's public title and address: readers follow the link to what is there now.
            title=str(objects[row["id"]]),
            url=tracked.url(objects[row["id"]]),
            kind=tracked.kind,
            changed_at=row["history_date"],
            change_type=change_type,
            summary=summary,
            key=f"{label}:{row['id']}",
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
    kinds = [t for t in TRACKED if about is None or type(about) in t.about]
    changes = [change for tracked in kinds for change in _changes_of(tracked, limit, about)]
    changes.sort(key=lambda change: (change.changed_at, change.version), reverse=True)
    return changes[:limit]
