"""Create-or-update by natural key, saving only what differs, so a second load changes nothing.

A row an editor has changed in the admin (its history names a user) is left as the editor left
it, fields, sources and publication status alike, unless the load is told to overwrite edits:
the data files are the starting point, the admin is where the record is kept.

The rows already in the database and their many-to-many sets are read once per model, not once
per row: on PostgreSQL each round trip costs milliseconds, and the record has ~500 rows.
"""

import copy
from collections import Counter, defaultdict

from django.db import models

from provenance.models import PublicationStatus
from provenance.translated import TRANSLATION_LANGUAGES

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"
KEPT = "kept as edited"  # differs from the data, but an editor changed it in the admin


class Upserter:
    """Upserts rows and counts, per model, how many were created, updated, left unchanged or
    kept as an editor left them."""

    def __init__(self, *, overwrite_edits: bool = False) -> None:
        self.overwrite_edits = overwrite_edits
        self.stats: dict[str, Counter] = defaultdict(Counter)
        self._rows: dict[type, dict[tuple, models.Model]] = {}
        self._links: dict[tuple[type, str], dict[int, set[int]]] = {}
        self._edited: dict[type, set[int]] = {}

    def upsert(
        self,
        model,
        lookup: dict,
        fields: dict,
        m2m: dict | None = None,
        reviewed: tuple[str, ...] | None = None,
    ):
        """The row matching `lookup`, with `fields` and many-to-many sets as given.

        Loaded content is published. A row is saved (and so gets a history entry and a new
        `updated_at`) only when a field differs; an M2M set is replaced only when it differs.
        `reviewed`, for a model with translations, names the languages whose translations a
        person has reviewed; the others are unreviewed.
        """
        fields = {name: value for name, value in fields.items() if name not in lookup}
        if any(f.name == "publication_status" for f in model._meta.fields):
            fields["publication_status"] = PublicationStatus.PUBLISHED
        rows = self._existing(model, tuple(lookup))
        key = _key(lookup.values())
        obj = rows.get(key)
        if obj is None:
            obj = model(**lookup, **fields)
            _mark_reviewed(obj, reviewed)
            _validate(obj)
            obj.save()
            rows[key] = obj
            outcome = CREATED
        else:
            changed = [name for name, value in fields.items() if not _same(obj, name, value)]
            links_differ = [
                name
                for name, related in (m2m or {}).items()
                if self._links_of(obj, name) != {item.pk for item in related}
            ]
            status_differs = reviewed is not None and _status_differs(obj, fields, reviewed)
            if (changed or links_differ or status_differs) and obj.pk in self._edited_rows(model):
                self.stats[model._meta.verbose_name_plural.capitalize()][KEPT] += 1
                return obj
            for name in changed:
                setattr(obj, name, fields[name])
            _mark_reviewed(obj, reviewed)
            changed = changed or status_differs
            if changed:
                _validate(obj)
                obj.save()
            for name in links_differ:
                getattr(obj, name).set(m2m[name])
            outcome = UPDATED if changed or links_differ else UNCHANGED
        if outcome == CREATED:
            for name, related in (m2m or {}).items():
                self._add_links(obj, name, related)
        self.stats[model._meta.verbose_name_plural.capitalize()][outcome] += 1
        return obj

    def _edited_rows(self, model) -> set[int]:
        """Ids of rows changed in the admin: their history names a user. One query per model."""
        if model not in self._edited:
            history = getattr(model, "history", None)
            self._edited[model] = (
                set(history.filter(history_user__isnull=False).values_list("id", flat=True))
                if history is not None and not self.overwrite_edits
                else set()
            )
        return self._edited[model]

    def _existing(self, model, key_fields: tuple[str, ...]) -> dict[tuple, models.Model]:
        """Every row of `model`, by natural key; one query per model per load."""
        if model not in self._rows:
            attnames = [model._meta.get_field(name).attname for name in key_fields]
            self._rows[model] = {
                tuple(getattr(obj, attname) for attname in attnames): obj
                for obj in model.objects.all()
            }
        return self._rows[model]

    def _links_of(self, obj, name: str) -> set[int]:
        """The ids `obj.<name>` links to now; one query per model and field per load."""
        links = self._links.get((type(obj), name))
        if links is None:
            manager = getattr(obj, name)
            links = defaultdict(set)
            pairs = manager.through.objects.values_list(
                manager.source_field_name + "_id", manager.target_field_name + "_id"
            )
            for source_id, target_id in pairs:
                links[source_id].add(target_id)
            self._links[(type(obj), name)] = links
        return links[obj.pk]

    def _add_links(self, obj, name: str, related: list) -> None:
        """Link a new row: it has no links yet, so insert them in one query. Its post_save has
        already told the content version that the record changed."""
        manager = getattr(obj, name)
        manager.through.objects.bulk_create(
            manager.through(**{manager.source_field_name: obj, manager.target_field_name: item})
            for item in related
        )


def _mark_reviewed(obj, reviewed: tuple[str, ...] | None) -> None:
    """Mark each translation of `obj` reviewed if the row lists its language, else unreviewed."""
    if reviewed is None:
        return
    for language in TRANSLATION_LANGUAGES:
        obj.mark_translation_reviewed(language, language in reviewed)


def _status_differs(obj, fields: dict, reviewed: tuple[str, ...]) -> bool:
    """Whether loading the row would change `obj`'s translation status (reviewed or not, or the
    English a translation was made from), on a copy so `obj` is left as it is."""
    probe = copy.copy(obj)
    for name, value in fields.items():
        setattr(probe, name, value)
    _mark_reviewed(probe, reviewed)
    return probe.computed_translation_status() != (obj.translation_status or {})


def _key(values) -> tuple:
    return tuple(value.pk if isinstance(value, models.Model) else value for value in values)


def _validate(obj) -> None:
    """Field and model validation, as the admin runs it, without a query per row.

    Foreign keys are rows the loader holds, and uniqueness is what the natural-key match and
    the database's unique constraints guarantee, so those checks are skipped.
    """
    obj.full_clean(
        exclude=[f.name for f in obj._meta.fields if f.is_relation],
        validate_unique=False,
        validate_constraints=False,
    )


def _same(obj, name: str, value) -> bool:
    field = obj._meta.get_field(name)
    if isinstance(field, models.ForeignKey):
        # Compare ids, so an unchanged foreign key costs no query.
        return getattr(obj, field.attname) == (value.pk if value is not None else None)
    return getattr(obj, name) == value
