import pytest
from django.core.management import call_command
from django.db import transaction

from tests.factories import role_group
from tests.migration_database import empty_default_database


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


@pytest.fixture
def empty_database(transactional_db):
    """The default alias on a new, empty database for the test (tests.migration_database)."""
    with empty_default_database():
        yield


# --- editor workflow ---
@pytest.fixture
def fast_password_hashing(settings):
    # The production hasher takes a good part of a second per password, by design.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def editor(db, fast_password_hashing):
    """A staff user in the Editor group (made by positions' data migration)."""
    return make_staff_user("ana", "Editor")


@pytest.fixture
def publisher(db, fast_password_hashing):
    return make_staff_user("pavlo", "Publisher")


def make_staff_user(username: str, group: str):
    from django.contrib.auth.models import User

    from tests.factories import TrackFactory

    user = User.objects.create_user(username, password="correct horse battery", is_staff=True)
    user.groups.add(role_group(group))
    # New rounds go in the Istanbul talks' track, which a migration makes; a transactional test
    # flushes it with every table, so it is made again here, as the groups are.
    TrackFactory()
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def publisher_client(client, publisher):
    client.force_login(publisher)
    return client


# --- API ---
@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache (no rate-limit history) holding a content version, as
    a running site's does: query-count tests then count the view's queries only, not the one
    that reads the version from the database every few seconds (provenance.versioning)."""
    import datetime

    from django.core.cache import cache

    from provenance.versioning import VERSION_KEY

    cache.clear()
    cache.set(VERSION_KEY, (1, datetime.datetime(2025, 5, 16, tzinfo=datetime.UTC)), None)
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _english_outside_requests():
    """Each test starts in the site's default language. A request to /uk/… activates Ukrainian
    in the thread that served it, and the test client serves requests in the test's own thread:
    without this, a later test's reverse() would build /uk/ addresses (the order of tests is
    shuffled, so such a leak fails at random)."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)
