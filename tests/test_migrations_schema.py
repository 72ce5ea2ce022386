"""The migrations build, on each database, the tables the models describe: every concrete field
of every model has its column, nullable as the field is, unique where the field is, indexed
where the field asks for it, and no table has a column no field names.

The test database is made by running every migration, so this checks the migrations as
applied, the project's own operations (provenance.migration_operations) included; `manage.py
makemigrations --check` (make checks) only compares the migration state with the models."""

import pytest
from django.apps import apps
from django.db import connection

pytestmark = pytest.mark.django_db

TABLES = [
    model
    for model in apps.get_models(include_auto_created=True)
    if model._meta.managed and not model._meta.proxy
]


def test_every_table_is_checked():
    assert len(TABLES) > 50
    assert {"talks_round", "talks_historicalround", "positions_exchange"} <= {
        model._meta.db_table for model in TABLES
    }


@pytest.mark.parametrize("model", TABLES, ids=lambda model: model._meta.db_table)
def test_every_column_is_as_its_field_describes_it(model):
    table = model._meta.db_table
    with connection.cursor() as cursor:
        columns = {
            column.name: column
            for column in connection.introspection.get_table_description(cursor, table)
        }
        constraints = connection.introspection.get_constraints(cursor, table).values()
    fields = {field.column: field for field in model._meta.local_concrete_fields}
    assert set(columns) == set(fields), "the table's columns are the model's fields"
    single = [c for c in constraints if len(c["columns"]) == 1]
    for column, field in fields.items():
        assert bool(columns[column].null_ok) == field.null, f"{table}.{column} nullable"
        on_column = [c for c in single if c["columns"] == [column]]
        if field.unique:
            assert any(c["unique"] or c["primary_key"] for c in on_column), f"{table}.{column}"
        elif field.db_index:
            assert any(c["index"] or c["unique"] for c in on_column), f"{table}.{column} indexed"
