import pytest
from django.core.management import call_command


@pytest.fixture
def istanbul_record(db):
    """The whole Istanbul record, loaded inside the test's transaction."""
    call_command("load_istanbul", verbosity=0)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache: no rate-limit history, no content version."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
