"""An empty database of its own for a migration test, and a way to migrate it.

A migration test used to migrate the worker's test database back to a state from before the
change it checks, then forward again and back to the latest schema afterwards: each way
re-rendered the whole migration state, a few minutes per test. An empty database migrated
forward only as far as the test needs takes seconds, and leaves the worker's database as it
was."""

import contextlib
import os
import tempfile

from django.db import connection, connections
from django.db.migrations.executor import MigrationExecutor


def migrate(targets):
    """Migrate the database `connection` points at to `targets` ([(app label, migration name)])
    and return the migration state's apps there (historical models, as a data migration gets)."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@contextlib.contextmanager
def empty_default_database():
    """Point the `default` alias at a new, empty database for the block, then drop it.

    SQLite: a temporary file. PostgreSQL: a database named after the worker's test database with
    `_migrations` appended, created and dropped through the worker's connection (the test must
    be `transaction=True`: CREATE DATABASE cannot run in a transaction). Everything that uses the
    default alias inside the block (the executor, data migrations, historical models) uses it."""
    worker = connections["default"]
    settings_dict = dict(worker.settings_dict)
    path = None
    if worker.vendor == "postgresql":
        settings_dict["NAME"] = f"{worker.settings_dict['NAME']}_migrations"
        quoted = worker.ops.quote_name(settings_dict["NAME"])
        with worker.cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)")
            cursor.execute(f"CREATE DATABASE {quoted}")
    else:
        handle, path = tempfile.mkstemp(suffix=".sqlite3")
        os.close(handle)
        settings_dict["NAME"] = path
    empty = worker.__class__(settings_dict, alias="default")
    connections._connections.default = empty
    try:
        yield empty
    finally:
        empty.close()
        connections._connections.default = worker
        if path:
            for suffix in ("", "-wal", "-shm"):
                with contextlib.suppress(FileNotFoundError):
                    os.remove(path + suffix)
        else:
            with worker.cursor() as cursor:
                cursor.execute(f"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)")
