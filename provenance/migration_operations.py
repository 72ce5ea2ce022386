"""Migration operations of the project's own."""

from django.db import migrations
from django.db.migrations.operations.base import Operation
from django.db.migrations.state import ModelState
from django.db.migrations.utils import field_is_referenced
from django.db.models import NOT_PROVIDED


class AlterFieldsInState(Operation):
    """Field changes that touch no column (verbose names, help texts, messages), made to the
    migration state in one step: each field is replaced as AlterField replaces it, and each model
    is reloaded once at the end rather than once per field (applied one by one, a few hundred
    label changes re-rendered the models so often that `migrate` took minutes). No SQL, either
    way. `operations`: AlterField and AlterModelOptions operations of one app."""

    reduces_to_sql = False
    reversible = True

    def __init__(self, operations):
        self.operations = operations

    def deconstruct(self):
        return (self.__class__.__name__, [], {"operations": self.operations})

    def state_forwards(self, app_label, state):
        touched = set()
        for operation in self.operations:
            if not isinstance(operation, migrations.AlterField):
                operation.state_forwards(app_label, state)
                continue
            key = (app_label, operation.model_name_lower)
            fields = state.models[key].fields
            old = fields.pop(operation.name)
            if state._relations is not None and old.is_relation:
                state.resolve_model_field_relations(key, operation.name, old)
            fields[operation.name] = operation.field
            if state._relations is not None and operation.field.is_relation:
                state.resolve_model_field_relations(key, operation.name, operation.field)
            touched.add(key)
        for key in touched:
            # Labels change no relation: rendering may wait until a model is next needed.
            state.reload_model(*key, delay=True)

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        pass  # nothing in the database changes

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        pass

    def describe(self):
        return f"Alter {len(self.operations)} fields' labels and options (state only)"


class FieldsInOneStep(Operation):
    """Columns added and altered as their AddFields and AlterFields do it, with the migration
    state re-rendered once per model rather than once per field. Applied one by one, each of
    the few hundred translation columns and filter indexes re-rendered every model related to
    its own: a fresh database took a minute to migrate, a good part of it here. `operations`:
    AddField and AlterField operations of one app.

    The state ends as the operations leave it. In the database each operation runs as it does
    on its own, between copies of its model rendered as it stands just before and just after it:
    SQLite rebuilds a table to add a unique or defaulted column, or to alter one, from those
    copies' fields, so a copy holds exactly the columns that are in the table at that point.
    (A fresh database migrated either way has the same schema, column order included, on
    SQLite and PostgreSQL: compared with `.schema` and `pg_dump -s` when this was written.)"""

    def __init__(self, operations):
        for operation in operations:
            if type(operation) not in (migrations.AddField, migrations.AlterField):
                raise TypeError(f"FieldsInOneStep takes AddField and AlterField, not {operation!r}")
        self.operations = operations

    def deconstruct(self):
        return (self.__class__.__name__, [], {"operations": self.operations})

    def state_forwards(self, app_label, state):
        delays = {}
        for operation in self.operations:
            # ProjectState.add_field and alter_field, less their reload_model.
            key = (app_label, operation.model_name_lower)
            field = _as_stated(operation)
            fields = state.models[key].fields
            if state._relations is not None:
                old = fields.pop(operation.name, None)
                if old is not None and old.is_relation:
                    state.resolve_model_field_relations(key, operation.name, old)
            fields[operation.name] = field
            if state._relations is not None and field.is_relation:
                state.resolve_model_field_relations(key, operation.name, field)
            delay = not field.is_relation and not field_is_referenced(
                state, key, (operation.name, field)
            )
            delays[key] = delays.get(key, True) and delay
        for key, delay in delays.items():
            state.reload_model(*key, delay=delay)

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        for operation, before, after in self._steps(app_label, from_state):
            operation.database_forwards(app_label, schema_editor, before, after)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        for operation, before, after in reversed(list(self._steps(app_label, to_state))):
            operation.database_backwards(app_label, schema_editor, after, before)

    def _steps(self, app_label, base):
        """(operation, state before it, state after it) for each operation, `base` being the
        state before them all. A step's states differ from `base` in its model only."""
        current = {}
        for operation in self.operations:
            key = (app_label, operation.model_name_lower)
            before = current.get(key, (base, base.models[key].fields))
            fields = {**before[1], operation.name: _as_stated(operation)}
            after = (_WithModel(base, key, fields), fields)
            current[key] = after
            yield operation, before[0], after[0]

    def describe(self):
        return f"Add or alter {len(self.operations)} fields, the state re-rendered once per model"


def _as_stated(operation):
    """The field as the migration state keeps it (ProjectState.add_field and alter_field)."""
    if operation.preserve_default:
        return operation.field
    field = operation.field.clone()
    field.default = NOT_PROVIDED
    return field


class _WithModel:
    """A stand-in for a ProjectState whose `apps` are `base`'s with one model re-rendered with
    `fields`: what AddField and AlterField read of a state to change the database."""

    def __init__(self, base, key, fields):
        model_state = base.models[key]
        self.apps = base.apps.clone()
        # Unregistered first, so that a relation to the model itself resolves to the new copy
        # (SQLite's table rebuild moves such a column last, as it does for AddField on its own).
        self.apps.unregister_model(*key)
        ModelState(
            key[0],
            model_state.name,
            list(fields.items()),
            options=dict(model_state.options),
            bases=model_state.bases,
            managers=list(model_state.managers),
        ).render(self.apps)
