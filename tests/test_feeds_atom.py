"""The Atom feed of changes, read back with a real feed parser."""

import feedparser
import pytest
from django.conf import settings
from django.urls import reverse

from provenance.models import PublicationStatus
from tests.factories import (
    DocumentFactory,
    EventFactory,
    ExchangeFactory,
    PersonFactory,
    RoundFactory,
)

pytestmark = pytest.mark.django_db

DRAFT = PublicationStatus.DRAFT
FEED_URL = "/feeds/changes.atom"


def fetch(client):
    response = client.get(FEED_URL)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def test_feed_url_is_the_documented_one():
    assert reverse("positions:changes-feed") == FEED_URL


def test_valid_atom_with_an_entry_per_published_change(client):
    round_ = RoundFactory(number=2, title="Second round")
    round_.summary = "Russia handed over its memorandum."
    round_.save()
    feed = fetch(client)
    assert feed.version == "atom10"
    assert feed.feed.title == "Istanbul Talks Tracker: what changed"
    titles = [entry.title for entry in feed.entries]
    assert titles == ["Round updated: Round 2: Second round", "Round added: Round 2: Second round"]
    latest = feed.entries[0]
    assert latest.link == settings.SITE_URL + round_.get_absolute_url()
    assert latest.summary == "Changed: summary."
    assert latest.updated_parsed is not None


def test_a_draft_and_its_changes_are_absent(client):
    PersonFactory(name="Rustem Umerov")
    draft = RoundFactory(title="Secret round", publication_status=DRAFT)
    draft.title = "Secret round, renamed"
    draft.save()
    EventFactory(title="Secret event", round=draft, publication_status=DRAFT)
    feed = fetch(client)
    assert [entry.title for entry in feed.entries] == ["Person added: Rustem Umerov"]
    assert b"Secret" not in client.get(FEED_URL).content


def test_entry_ids_are_stable_tag_uris_one_per_version(client):
    round_ = RoundFactory()
    before = [entry.id for entry in fetch(client).entries]
    assert before == [entry.id for entry in fetch(client).entries]
    assert before[0].startswith("tag:")
    round_.title = "Renamed"
    round_.save()
    after = [entry.id for entry in fetch(client).entries]
    # The new version gets a new id; the old version's entry keeps its id.
    assert after[1:] == before
    assert after[0] not in before


def test_empty_record_is_still_a_valid_feed(client):
    assert fetch(client).entries == []


def test_query_count_does_not_grow_with_entries(client, django_assert_num_queries):
    def entries_with_18_queries():
        # 18 from positions.changes.recent_changes: two per tracked kind (round, delegation,
        # event, document, position, commitment, exchange, person, organization), whether or
        # not that kind has changes (a kind with none skips its second query, hence <=).
        with django_assert_num_queries(18, exact=False):
            return len(fetch(client).entries)

    RoundFactory()
    few = entries_with_18_queries()
    for _ in range(10):
        EventFactory()
        PersonFactory()
    assert entries_with_18_queries() == few + 20


def test_round_feed_has_only_that_round_and_its_content(client):
    second = RoundFactory(number=2, title="Second round")
    DocumentFactory(title="Russian memorandum", round=second)
    ExchangeFactory(
        title="First swap", commitment__title="1,000 for 1,000", commitment__round=second
    )
    RoundFactory(number=3, title="Third round")
    PersonFactory(name="Rustem Umerov")
    response = client.get("/feeds/rounds/2/changes.atom")
    feed = feedparser.parse(response.content)
    assert not feed.bozo
    titles = sorted(entry.title for entry in feed.entries)
    assert titles == [
        "Commitment added: 1,000 for 1,000",
        "Document added: Russian memorandum",
        "Exchange added: 2025-05-23: First swap",
        "Round added: Round 2: Second round",
    ]


def test_round_feed_of_a_draft_round_is_404(client):
    RoundFactory(number=4, publication_status=DRAFT)
    assert client.get("/feeds/rounds/4/changes.atom").status_code == 404
    assert client.get("/feeds/rounds/5/changes.atom").status_code == 404


def test_feed_names_an_author_as_atom_requires(client):
    RoundFactory()
    assert fetch(client).feed.author == "Istanbul Talks Tracker editors"
