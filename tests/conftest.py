import pytest
from django.core.management import call_command
from django.db import transaction


@pytest.fixture
def istanbul_record(db):
    """The whole Istanbul record, loaded inside the test's transaction."""
    call_command("load_istanbul", verbosity=0)


@pytest.fixture(scope="module")
def istanbul_record_for_module(django_db_setup, django_db_blocker):
    """The Istanbul record loaded once for a whole module of read-only tests.

    Loading takes a second or two, so a module with dozens of tests that only read the record
    loads it once, in an outer transaction that is rolled back when the module ends. Each test
    still runs in its own savepoint (pytest-django's `db`), so a test that writes is undone.
    Not for `transaction=True` tests: they need the function-scoped `istanbul_record`.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_istanbul", verbosity=0)
        yield
        transaction.set_rollback(True)
