"""The content version moves on every committed change, so caches keyed on it never go stale."""

import pytest

from provenance.versioning import content_version
from tests.factories import RoundFactory


@pytest.mark.django_db(transaction=True)
def test_saving_a_record_changes_the_content_version():
    before = content_version()
    round_ = RoundFactory()
    after_create = content_version()
    round_.title = "Changed"
    round_.save()
    assert before != after_create != content_version()
