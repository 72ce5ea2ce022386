"""The Atom feed of changes, read back with a real feed parser."""

import datetime

import feedparser
import pytest
from django.urls import reverse

from provenance.models import PublicationStatus
from tests.factories import (
    CommitmentFactory,
    DelegationFactory,
    DocumentFactory,
    EventFactory,
    ExchangeFactory,
    IssueFactory,
    MembershipFactory,
    OrganizationFactory,
    ParticipantFactory,
    PersonFactory,
    PositionFactory,
    ProvisionFactory,
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
    assert reverse("public:changes-feed") == FEED_URL


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
    assert latest.link == "http://testserver" + round_.get_absolute_url()
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
    def entries_with_20_queries():
        # 26 from record.changes.recent_changes: two per tracked kind (track, round, event,
        # document, commitment, exchange, delegation, appointed delegation, position, person,
        # post, organization, record review), whether or not that kind has changes (a kind with
        # none skips its second query, hence <=).
        with django_assert_num_queries(26, exact=False):
            return len(fetch(client).entries)

    RoundFactory()
    few = entries_with_20_queries()
    for _ in range(10):
        EventFactory()
        PersonFactory()
    assert entries_with_20_queries() == few + 20


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


def parse(response):
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def test_person_feed_has_what_is_about_that_person_only(client):
    medinsky = PersonFactory(name="Vladimir Medinsky", slug="vladimir-medinsky")
    other = PersonFactory(name="Rustem Umerov")
    MembershipFactory(
        person=medinsky,
        post="Aide to the President",
        organization=OrganizationFactory(name="Presidential Executive Office"),
    )
    attended = RoundFactory(number=2, title="Second round")
    ParticipantFactory(person=medinsky, delegation=DelegationFactory(round=attended, side="russia"))
    ParticipantFactory(person=other, delegation=DelegationFactory(round=attended, side="ukraine"))
    EventFactory(title="Medinsky's statement", occurred_on=datetime.date(2025, 6, 2)).people.add(
        medinsky
    )
    EventFactory(title="Umerov's statement").people.add(other)
    RoundFactory(number=3, title="Third round")
    DocumentFactory(title="Russian memorandum", round=attended)
    feed = parse(client.get("/feeds/people/vladimir-medinsky/changes.atom"))
    assert sorted(entry.title for entry in feed.entries) == [
        "Delegation added: Russia at round 2",
        "Event added: 2025-06-02: Medinsky's statement",
        "Person added: Vladimir Medinsky",
        "Post added: Vladimir Medinsky: Aide to the President, Presidential Executive Office",
        "Round added: Round 2: Second round",
    ]
    assert feed.feed.title == "Istanbul Talks Tracker: what changed about Vladimir Medinsky"
    assert feed.feed.link == "http://testserver" + medinsky.get_absolute_url()


def test_person_feed_leaves_out_drafts_and_a_hidden_person_has_none(client):
    person = PersonFactory(name="Public negotiator", slug="public-negotiator")
    draft_round = RoundFactory(number=9, title="Secret round", publication_status=DRAFT)
    ParticipantFactory(person=person, delegation=DelegationFactory(round=draft_round))
    MembershipFactory(person=person, post="Secret post", publication_status=DRAFT)
    # A published round must not give away that they sit in one of its draft delegations.
    public_round = RoundFactory(number=4, title="Public round")
    ParticipantFactory(
        person=person,
        delegation=DelegationFactory(round=public_round, publication_status=DRAFT),
    )
    feed = parse(client.get("/feeds/people/public-negotiator/changes.atom"))
    assert [entry.title for entry in feed.entries] == ["Person added: Public negotiator"]
    PersonFactory(slug="hidden", publication_status=DRAFT)
    assert client.get("/feeds/people/hidden/changes.atom").status_code == 404
    assert client.get("/feeds/people/nobody/changes.atom").status_code == 404


def test_person_feed_query_count_does_not_grow(client, django_assert_num_queries):
    person = PersonFactory(slug="negotiator")

    def entries():
        # 1 the person, then up to 2 per kind that can be about a person (round, event,
        # delegation, appointed delegation, person, post): its latest versions, then the
        # objects (skipped when none).
        with django_assert_num_queries(13, exact=False):
            return len(parse(client.get("/feeds/people/negotiator/changes.atom")).entries)

    few = entries()
    for n in range(5):
        round_ = RoundFactory(number=10 + n)
        ParticipantFactory(person=person, delegation=DelegationFactory(round=round_))
        EventFactory().people.add(person)
        MembershipFactory(person=person)
    assert entries() == few + 5 * 4


def test_round_and_person_pages_link_their_feeds(client):
    person = PersonFactory(slug="negotiator")
    RoundFactory(number=2)
    round_page = client.get("/rounds/2/").content.decode()
    assert 'href="/feeds/rounds/2/changes.atom"' in round_page
    assert 'href="/rounds/2.ics"' in round_page
    person_page = client.get(person.get_absolute_url()).content.decode()
    assert 'href="/feeds/people/negotiator/changes.atom"' in person_page


def test_issue_feed_has_what_is_on_that_issue_only(client):
    prisoners = IssueFactory(slug="prisoners-of-war", name="Prisoners of war")
    territory = IssueFactory(slug="territory", name="Territory")
    round_ = RoundFactory(number=2, title="Second round")
    PositionFactory(round=round_, issue=prisoners, side="ukraine")
    PositionFactory(round=round_, issue=territory, side="russia")
    PositionFactory(round=round_, issue=prisoners, side="russia", publication_status=DRAFT)
    deal = CommitmentFactory(round=round_, issue=prisoners, title="1,000 for 1,000")
    ExchangeFactory(commitment=deal, title="First swap", occurred_on=datetime.date(2025, 5, 23))
    EventFactory(title="Swap announced", occurred_on=datetime.date(2025, 5, 22)).issues.add(
        prisoners
    )
    memorandum = DocumentFactory(title="Russian memorandum", round=round_)
    ProvisionFactory(document=memorandum).issues.add(prisoners)
    DocumentFactory(title="Territorial annex", round=round_)
    feed = parse(client.get("/feeds/issues/prisoners-of-war/changes.atom"))
    assert sorted(entry.title for entry in feed.entries) == [
        "Commitment added: 1,000 for 1,000",
        "Document added: Russian memorandum",
        "Event added: 2025-05-22: Swap announced",
        "Exchange added: 2025-05-23: First swap",
        "Position added: Ukraine on Prisoners of war at round 2",
    ]
    assert feed.feed.title == "Istanbul Talks Tracker: what changed about Prisoners of war"
    assert client.get("/feeds/issues/nothing/changes.atom").status_code == 404
    page = client.get("/issues/prisoners-of-war/").content.decode()
    assert 'href="/feeds/issues/prisoners-of-war/changes.atom"' in page
