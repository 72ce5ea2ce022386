"""Latest changes: new and updated published content only, read from the history tables."""

import pytest
from django.urls import reverse

from provenance.models import PublicationStatus
from record.changes import recent_changes
from tests.factories import (
    CommitmentFactory,
    DelegationFactory,
    DocumentFactory,
    EventFactory,
    ExchangeFactory,
    MembershipFactory,
    OrganizationFactory,
    PersonFactory,
    PositionFactory,
    RoundFactory,
)

pytestmark = pytest.mark.django_db

DRAFT = PublicationStatus.DRAFT
PUBLISHED = PublicationStatus.PUBLISHED


def test_new_and_updated_content_newest_first():
    round_ = RoundFactory(number=2, title="Second round")
    round_.summary = "Russia handed over its memorandum."
    round_.save()
    changes = recent_changes()
    assert [(c.kind_label, c.change_type) for c in changes] == [
        ("Round", "updated"),
        ("Round", "created"),
    ]
    assert changes[0].summary == "Changed: summary."
    assert changes[0].url == round_.get_absolute_url()
    assert changes[0].title == "Round 2: Second round"


def test_a_draft_and_its_edits_never_appear():
    draft = RoundFactory(title="Secret round", publication_status=DRAFT)
    draft.title = "Still secret"
    draft.save()
    DocumentFactory(title="Memorandum of a draft round", round=draft)
    assert recent_changes() == []


def test_edits_made_while_draft_are_hidden_and_publication_counts_as_created():
    round_ = RoundFactory(number=3, title="Working title", publication_status=DRAFT)
    round_.title = "Another working title"
    round_.save()
    round_.title = "Third round"
    round_.publication_status = PUBLISHED
    round_.save()
    changes = recent_changes()
    assert [(c.change_type, c.title) for c in changes] == [("created", "Round 3: Third round")]


def test_unpublished_content_loses_its_past_changes_and_title():
    event = EventFactory(title="Statement later withdrawn")
    event.publication_status = DRAFT
    event.save()
    assert recent_changes() == []


def test_a_save_that_changes_nothing_public_is_not_news():
    person = PersonFactory(name="Rustem Umerov")
    person.save()
    assert [c.change_type for c in recent_changes()] == ["created"]


def test_limit_is_respected_across_kinds():
    for _ in range(4):
        ExchangeFactory()  # each also adds a commitment and a round
    assert len(recent_changes(limit=5)) == 5
    assert len(recent_changes(limit=50)) == 12


def one_of_each_kind():
    for factory in (
        RoundFactory,
        DelegationFactory,
        EventFactory,
        DocumentFactory,
        PositionFactory,
        CommitmentFactory,
        ExchangeFactory,
        PersonFactory,
        MembershipFactory,
        OrganizationFactory,
    ):
        factory()


def test_query_count_does_not_grow_with_changes(django_assert_num_queries):
    one_of_each_kind()
    # Two per tracked kind (round, delegation, event, document, position, commitment,
    # exchange, person, post, organization): its latest published versions with their
    # predecessors, then the objects themselves for today's title and address; one for each
    # kind without changes here (track, appointed delegation, record review).
    with django_assert_num_queries(23):
        few = recent_changes(limit=100)
    for _ in range(5):
        one_of_each_kind()
    with django_assert_num_queries(23):
        many = recent_changes(limit=100)
    assert len(many) > len(few)


def test_changes_page_lists_changes_and_paginates(client):
    for n in range(30):
        EventFactory(title=f"Statement number {n}")
    first = client.get(reverse("public:changes"))
    assert first.status_code == 200
    assert "Statement number 29" in first.text
    assert "Statement number 0<" not in first.text
    assert 'rel="next"' in first.text
    second = client.get(reverse("public:changes"), {"page": 2})
    assert "Statement number 0<" in second.text


@pytest.mark.parametrize("page", ["abc", "\x00", "999"])
def test_changes_page_tolerates_a_bad_page_number(client, page):
    EventFactory()
    assert client.get(reverse("public:changes"), {"page": page}).status_code == 200


def test_changes_page_query_count_does_not_grow(client, django_assert_num_queries):
    one_of_each_kind()
    # 23 from recent_changes (two per tracked kind with changes, one per kind without: track,
    # appointed delegation, record review); pagination works on the list in memory;
    # 1 the record's review date in the footer; 1 when the record last changed (the citation).
    with django_assert_num_queries(25):
        client.get(reverse("public:changes"))
    for _ in range(20):
        DelegationFactory()
    with django_assert_num_queries(25):
        response = client.get(reverse("public:changes"))
    assert len(response.context["page"].object_list) == 25  # a full page


def test_the_change_log_pages_hold_the_latest_changes_in_order(client):
    """Each page of /changes/ is worked out alone (only the changes up to it): its 25 rows are
    the same as that stretch of the whole list, and page numbers out of range or not numbers
    give the nearest page, never an error."""
    from public.views.changes import CHANGES_PAGE_SIZE, LAST_PAGE
    from record.changes import recent_changes
    from tests.factories import PersonFactory

    PersonFactory.create_batch(CHANGES_PAGE_SIZE + 5)
    everything = recent_changes(200)
    assert len(everything) > CHANGES_PAGE_SIZE
    first = client.get("/changes/")
    second = client.get("/changes/?page=2")
    assert [c.key for c in first.context["page"].object_list] == [
        c.key for c in everything[:CHANGES_PAGE_SIZE]
    ]
    assert [c.key for c in second.context["page"].object_list] == [
        c.key for c in everything[CHANGES_PAGE_SIZE : 2 * CHANGES_PAGE_SIZE]
    ]
    assert 'rel="next">Older</a>' in first.content.decode()
    assert 'rel="next">Older</a>' not in second.content.decode()
    for raw in ("0", "-3", "x", str(LAST_PAGE + 5), "99999999999999999999"):
        response = client.get(f"/changes/?page={raw}")
        assert response.status_code == 200, raw


@pytest.mark.parametrize(("prefix", "word"), [("/uk", "додано"), ("/ru", "добавлено")])
def test_the_change_log_speaks_the_pages_language(client, prefix, word):
    from tests.factories import PersonFactory

    PersonFactory()
    page = client.get(f"{prefix}/changes/").content.decode()
    assert word in page
    assert " added:" not in page
    assert "New person." not in page
    # The feed at the unprefixed address stays English (the /uk/ and /ru/ ones: test_i18n_feeds).
    assert " added: " in client.get("/feeds/changes.atom").content.decode()
