import pytest
from django.core.management import call_command


@pytest.fixture
def istanbul_record(db):
    """The whole Istanbul record, loaded inside the test's transaction."""
    call_command("load_istanbul", verbosity=0)
