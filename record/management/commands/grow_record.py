"""Grow the loaded record to N copies of itself, for measuring pages and lists at scale (issue 14).

Copy 1 is the record `load_istanbul` wrote; copies 2..N are clones in which every public kind
is repeated and every reference points into the same copy (copy 3's round has copy 3's track,
venue, chair and sources), so a cloned page shows as much as the original while lists grow N×.
Values the database keeps unique get `-x<copy>` appended (`istanbul-x2`, `S41-x2`); cities stay
shared, as they are not a public kind and each clone venue keeps its city.

Each clone row gets what a loaded row has: a "+" history row (the change log and sync read
history) and an Appearance when its original has one. `search_text` is the original's: the
suffixes are not searched for, and a clone is found by the same words as its original. Rows are written with bulk_create, one transaction per copy, so an interrupted run leaves
whole copies and the next run carries on from there.
"""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import models, transaction
from django.utils import timezone

from actors.models import Membership, Organization, Person
from positions.models import (
    Commitment,
    Document,
    Exchange,
    ExchangeCount,
    Issue,
    Position,
    Provision,
)
from provenance.models import Appearance, RecordReview, Source
from provenance.versioning import bump_content_version
from talks.models import (
    DEFAULT_TRACK,
    Delegation,
    Event,
    Participant,
    Round,
    StandingDelegation,
    StandingMember,
    Track,
    Venue,
)

BATCH = 500
SUFFIX = r"-x[0-9]+$"  # what `_suffixed` appends; tells clones from the original


def _suffixed(value: str, copy: int) -> str:
    return f"{value}-x{copy}" if value else value


def _translates(field: models.Field) -> str | None:
    """The field whose translation `field` holds (`name` for `name_uk`), or None: a unique
    name's translations are unique too."""
    translated = getattr(field, "translated_field", None)
    return translated.name if translated is not None else None


# The models cloned, each after those it refers to, with the fields the database keeps unique
# (suffixed per copy) and the path to a suffixed field that tells which copy a row is in.
CLONED: tuple[tuple[type[models.Model], tuple[str, ...], str], ...] = (
    (Source, ("code",), "code"),
    (Organization, ("key", "name"), "name"),
    (Person, ("slug",), "slug"),
    (Membership, ("key",), "person__slug"),
    (Venue, ("key", "name"), "name"),
    (Track, ("slug", "name"), "slug"),
    (Round, ("key",), "track__slug"),
    (StandingDelegation, ("key",), "track__slug"),
    (StandingMember, (), "standing_delegation__track__slug"),
    (Delegation, ("key",), "round__track__slug"),
    (Participant, (), "delegation__round__track__slug"),
    (Event, ("key",), "key"),
    (Issue, ("slug", "name"), "slug"),
    (Document, ("slug",), "slug"),
    (Provision, ("key",), "document__slug"),
    (Position, ("key",), "round__track__slug"),
    (Commitment, ("slug",), "slug"),
    (Exchange, ("key",), "key"),
    (ExchangeCount, (), "exchange__key"),
    (RecordReview, ("key",), "key"),
)
CLONED_MODELS = {model for model, _, _ in CLONED}


class Original:
    """One model's rows in copy 1, read once: the rows, their many-to-many links, and which of
    them have an Appearance (became public when loaded)."""

    def __init__(self, model, unique: tuple[str, ...], copy_path: str) -> None:
        self.model = model
        self.unique = unique
        self.rows = list(model.objects.exclude(**{f"{copy_path}__regex": SUFFIX}).order_by("pk"))
        ids = [row.pk for row in self.rows]
        # Each many-to-many field as (field, [(this row's id, the other row's id)]).
        self.links = []
        for field in model._meta.many_to_many:
            through = field.remote_field.through
            source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
            pairs = list(
                through.objects.filter(**{f"{source}_id__in": ids}).values_list(
                    f"{source}_id", f"{target}_id"
                )
            )
            self.links.append((field, pairs))
        self.appeared = set(
            Appearance.objects.filter(model=model._meta.label_lower, object_id__in=ids).values_list(
                "object_id", flat=True
            )
        )


class Command(BaseCommand):
    help = (
        "Grow the loaded record to --scale N copies (copy 1 is the original; clones are "
        "suffixed -x2…-xN), for benchmarks. Run after load_istanbul; running again grows or "
        "does nothing."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--scale", type=int, required=True, help="How many copies of the record to hold."
        )

    def handle(self, *args, scale: int, **options) -> None:
        if scale < 1:
            raise CommandError("--scale must be 1 or more.")
        if not Round.objects.published().filter(track__slug=DEFAULT_TRACK).exists():
            raise CommandError(
                "This database holds no published Istanbul record: run `manage.py "
                "load_istanbul` first."
            )
        held = copies_held()
        if held > scale:
            raise CommandError(
                f"The database already holds {held} copies of the record; this command only "
                f"grows it, so it will not shrink it to {scale}. Load a fresh database instead."
            )
        if held == scale:
            if options["verbosity"] > 0:
                self.stderr.write(f"The database already holds {scale} copies; nothing to do.")
            return
        started = time.monotonic()
        originals = [Original(model, unique, path) for model, unique, path in CLONED]
        total = 0
        for copy in range(held + 1, scale + 1):
            copy_started = time.monotonic()
            with transaction.atomic():
                rows = clone(originals, copy)
            total += rows
            seconds = time.monotonic() - copy_started
            if options["verbosity"] > 0:
                self.stderr.write(
                    f"copy {copy} of {scale}: {rows} rows in {seconds:.2f} s "
                    f"({rows / seconds:,.0f} rows/s)"
                )
        # bulk_create sends no signals, so the content version (ETags, cached pages) is moved
        # here, once.
        bump_content_version()
        if options["verbosity"] > 0:
            seconds = time.monotonic() - started
            self.stderr.write(
                f"Grew the record from {held} to {scale} copies: {total} rows "
                f"(clones, links, history, appearances) in {seconds:.1f} s."
            )


def copies_held() -> int:
    """How many copies of the record the database holds: 1 plus the highest clone suffix of a
    track (a copy is written in one transaction, so its tracks exist only if all of it does)."""
    suffixes = Track.objects.filter(slug__regex=SUFFIX).values_list("slug", flat=True)
    return max((int(slug.rsplit("-x", 1)[1]) for slug in suffixes), default=1)


def clone(originals: list[Original], copy: int) -> int:
    """Write copy number `copy` of every original row; return how many rows were written."""
    now = timezone.now()
    ids: dict[type[models.Model], dict[int, int]] = {}  # original id -> clone id, per model
    written = 0
    for original in originals:
        model = original.model
        clones = _create(original, copy, ids)
        ids[model] = {row.pk: made.pk for row, made in zip(original.rows, clones, strict=True)}
        for field, pairs in original.links:
            through = field.remote_field.through
            source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
            targets = ids.get(field.related_model)
            links = [
                through(
                    **{
                        f"{source}_id": ids[model][source_id],
                        f"{target}_id": targets[target_id] if targets else target_id,
                    }
                )
                for source_id, target_id in pairs
            ]
            through.objects.bulk_create(links, batch_size=BATCH)
            written += len(links)
        # As a load leaves them: one "+" version per row, recorded while it was published.
        model.history.bulk_history_create(clones, batch_size=BATCH, default_date=now)
        appearances = [
            Appearance(model=model._meta.label_lower, object_id=ids[model][pk], appeared_at=now)
            for pk in original.appeared
        ]
        Appearance.objects.bulk_create(appearances, batch_size=BATCH)
        written += 2 * len(clones) + len(appearances)
    return written


def _create(original: Original, copy: int, ids) -> list[models.Model]:
    """The clones of `original.rows` in copy `copy`, saved, in the same order.

    A row that refers to another row of its own model (an organization's parent, a stage's
    total) waits until that one is written, so rows are written in rounds of those ready."""
    model = original.model
    fields = [field for field in model._meta.concrete_fields if not field.primary_key]
    own = {row.pk: None for row in original.rows}  # original id -> clone, once written
    pending = list(original.rows)
    while pending:
        ready, waiting = [], []
        for row in pending:
            refers = [
                getattr(row, field.attname)
                for field in fields
                if field.is_relation and field.related_model is model
            ]
            blocked = any(pk is not None and own.get(pk) is None for pk in refers)
            (waiting if blocked else ready).append(row)
        if not ready:
            raise CommandError(f"{model._meta.verbose_name_plural}: rows refer to each other.")
        made = []
        for row in ready:
            values = {}
            for field in fields:
                value = getattr(row, field.attname)
                if field.is_relation and value is not None:
                    if field.related_model is model:
                        value = own[value].pk
                    elif field.related_model in CLONED_MODELS:
                        value = ids[field.related_model][value]
                elif field.name in original.unique or _translates(field) in original.unique:
                    value = _suffixed(value, copy)
                values[field.attname] = value
            made.append(model(**values))
        model.objects.bulk_create(made, batch_size=BATCH)
        for row, clone_row in zip(ready, made, strict=True):
            own[row.pk] = clone_row
        pending = waiting
    return [own[row.pk] for row in original.rows]
