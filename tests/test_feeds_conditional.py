"""Feed readers and calendar apps poll: an unchanged record answers 304, a change answers 200."""

import pytest

from tests.factories import RoundFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url", ["/feeds/changes.atom", "/feeds/rounds/1/changes.atom", "/rounds.ics", "/rounds/1.ics"]
)
def test_unchanged_record_is_not_modified_until_something_changes(
    client, django_capture_on_commit_callbacks, django_assert_num_queries, url
):
    with django_capture_on_commit_callbacks(execute=True):
        round_ = RoundFactory(number=1)
    first = client.get(url)
    assert first.status_code == 200
    with django_assert_num_queries(0):
        again = client.get(url, headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304
    with django_capture_on_commit_callbacks(execute=True):
        round_.title = "Renamed"
        round_.save()
    changed = client.get(url, headers={"if-none-match": first["ETag"]})
    assert changed.status_code == 200
    assert b"Renamed" in changed.content
