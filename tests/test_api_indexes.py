"""Every column an API filter compares is indexed, so a filter costs a lookup, not a scan of the
table, however large the record grows (issue 14). Read from the router's FilterSets, so a new
filter is covered without anyone remembering to."""

import pytest
from django.db import models

from api.urls import router


def _indexed(model, field) -> bool:
    """Whether the database can find rows by `field` alone: its own index, a unique or primary
    key, a foreign key (Django indexes those), or a composite index or unique constraint that
    starts with it."""
    if field.primary_key or field.unique or field.db_index or isinstance(field, models.ForeignKey):
        return True
    firsts = [index.fields[0].lstrip("-") for index in model._meta.indexes if index.fields]
    firsts += [
        constraint.fields[0]
        for constraint in model._meta.constraints
        if isinstance(constraint, models.UniqueConstraint)
        and constraint.fields
        and constraint.condition is None
    ]
    return field.name in firsts or field.attname in firsts


def _filtered_columns():
    """(API list, filter name, model, field) for each filter comparing a column, following its
    path through relations (each join is by a foreign key or primary key, indexed)."""
    for _, viewset, basename in router.registry:
        filterset = getattr(viewset, "filterset_class", None)
        if filterset is None:
            continue
        for name, spec in filterset.base_filters.items():
            if spec.method or not spec.field_name:
                continue  # `q` (search text) and `updated_since`, tested on their own
            model, field = filterset._meta.model, None
            for part in spec.field_name.split("__"):
                field = model._meta.get_field(part)
                if field.is_relation:
                    model = field.related_model
            # A yes/no column is left out: half the table either way, which no database reads
            # through an index.
            if not field.is_relation and not isinstance(field, models.BooleanField):
                yield basename, name, field.model, field


COLUMNS = list(_filtered_columns())


def test_the_filters_are_found():
    assert len(COLUMNS) > 80
    assert {"round", "exchange", "participant", "source"} <= {c[0] for c in COLUMNS}


@pytest.mark.parametrize(
    ("basename", "name", "model", "field"),
    COLUMNS,
    ids=[f"{basename}?{name}" for basename, name, _, _ in COLUMNS],
)
def test_every_filtered_column_is_indexed(basename, name, model, field):
    assert _indexed(model, field), (
        f"/api/v1/{basename}/?{name}= scans {model.__name__}.{field.name}"
    )
