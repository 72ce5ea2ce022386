"""Migration operations of the project's own."""

from django.db import migrations
from django.db.migrations.operations.base import Operation


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
