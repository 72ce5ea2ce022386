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


def test_every_feed_takes_back_its_own_last_modified(client, django_capture_on_commit_callbacks):
    """A reader sends back the Last-Modified a feed gave it; the feed answers 304, even when its
    newest entry is older than the record's last change (a change its entries do not list)."""
    from django.db.models import F
    from django.urls import get_resolver, reverse

    from tests.factories import IssueFactory, PersonFactory

    with django_capture_on_commit_callbacks(execute=True):
        round_ = RoundFactory(number=1)
        person, issue = PersonFactory(), IssueFactory()
    # The record changed later, in a way no feed lists (a later second than any entry).
    import datetime

    from django.core.cache import cache
    from django.utils import timezone

    from provenance.models import ContentVersion
    from provenance.versioning import VERSION_KEY

    later = timezone.now() + datetime.timedelta(seconds=5)
    ContentVersion.objects.filter(pk=1).update(version=F("version") + 1, changed_at=later)
    cache.delete(VERSION_KEY)
    slugs = {"track": round_.track.slug, "people": person.slug, "issues": issue.slug}
    urls = []
    for pattern in get_resolver("public.urls").url_patterns:
        name = getattr(pattern, "name", "") or ""
        if "-feed" not in name:
            continue
        kwargs = {}
        for key in pattern.pattern.converters:
            route = str(pattern.pattern)
            kwargs[key] = (
                1
                if key == "number"
                else round_.track.slug
                if key == "track_slug"
                else (next(v for k, v in slugs.items() if k in route))
            )
        urls.append(reverse(f"public:{name}", kwargs=kwargs))
    assert len(urls) >= 5
    for url in urls:
        first = client.get(url)
        if first.status_code in (301, 302):
            continue
        assert first.status_code == 200, url
        again = client.get(url, headers={"if-modified-since": first["Last-Modified"]})
        assert again.status_code == 304, url
        assert again["ETag"] == first["ETag"], url
