"""Create-or-update by natural key, saving only what differs, so a second load changes nothing."""

from collections import Counter, defaultdict

from django.db import models

from provenance.models import PublicationStatus

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"


class Upserter:
    """Upserts rows and counts, per model, how many were created, updated or left unchanged."""

    def __init__(self) -> None:
        self.stats: dict[str, Counter] = defaultdict(Counter)

    def upsert(self, model, lookup: dict, fields: dict, m2m: dict | None = None):
        """The row matching `lookup`, with `fields` and many-to-many sets as given.

        Loaded content is published. A row is saved (and so gets a history entry and a new
        `updated_at`) only when a field differs; an M2M set is replaced only when it differs.
        """
        fields = {name: value for name, value in fields.items() if name not in lookup}
        if any(f.name == "publication_status" for f in model._meta.fields):
            fields["publication_status"] = PublicationStatus.PUBLISHED
        obj = model.objects.filter(**lookup).first()
        if obj is None:
            obj = model(**lookup, **fields)
            _validate(obj)
            obj.save()
            outcome = CREATED
        else:
            changed = [name for name, value in fields.items() if not _same(obj, name, value)]
            for name in changed:
                setattr(obj, name, fields[name])
            if changed:
                _validate(obj)
                obj.save()
            outcome = UPDATED if changed else UNCHANGED
        for name, related in (m2m or {}).items():
            manager = getattr(obj, name)
            if outcome == CREATED:
                manager.add(*related)
                continue
            wanted = {item.pk for item in related}
            if set(manager.values_list("pk", flat=True)) != wanted:
                manager.set(related)
                if outcome == UNCHANGED:
                    outcome = UPDATED
        self.stats[model._meta.verbose_name_plural.capitalize()][outcome] += 1
        return obj


def _validate(obj) -> None:
    """The model's own validation, minus foreign-key lookups: the loader passes rows it holds."""
    obj.full_clean(exclude=[f.name for f in obj._meta.fields if f.is_relation])


def _same(obj, name: str, value) -> bool:
    field = obj._meta.get_field(name)
    if isinstance(field, models.ForeignKey):
        # Compare ids, so an unchanged foreign key costs no query.
        return getattr(obj, field.attname) == (value.pk if value is not None else None)
    return getattr(obj, name) == value
