"""After a load, `changes/?since=` lists every public row of every resource as created, with
its title and page, and nothing else. Its own module: the other changes tests share a record
loaded once per module, and here the load itself is what is measured."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from record.changes import changes_since
from record.kinds import RESOURCES
from tests.test_api_changes import by_row, changes, page_of

pytestmark = pytest.mark.django_db


def test_every_row_first_published_after_since_is_created_with_its_title_and_page(
    client, django_assert_max_num_queries
):
    since = timezone.now()
    call_command("load_istanbul", verbosity=0)
    # However many rows changed: six queries per resource.
    with django_assert_max_num_queries(6 * len(RESOURCES)):
        everything = changes_since(since)
    assert len(everything) > 500
    found = by_row(changes(client, since))
    for kind in RESOURCES:
        public = kind.public().select_related(*kind.related)
        assert public.exists(), f"the Istanbul record has no {kind.api_name}"
        for obj in public:
            change = found.pop((kind.api_name, obj.pk))
            assert change["change"] == "created", change
            assert change["title"]
            assert change["title"] == str(obj)
            assert change["page"] == page_of(kind, obj)
            assert change["url"] == f"http://testserver/api/v1/{kind.api_name}/{obj.pk}/"
    # Nothing else: no draft and nothing hidden with a draft is named.
    assert found == {}
