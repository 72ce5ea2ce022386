"""The search page: one box over the published record, in any script, case or spelling."""

import pytest
from django.urls import reverse

from provenance.models import PublicationStatus
from tests.factories import (
    CommitmentFactory,
    DocumentFactory,
    EventFactory,
    ExchangeFactory,
    IssueFactory,
    OrganizationFactory,
    PersonFactory,
    PositionFactory,
    RoundFactory,
    SourceFactory,
    VenueFactory,
)

pytestmark = pytest.mark.django_db

DRAFT = PublicationStatus.DRAFT


def search(client, query):
    return client.get(reverse("public:search"), {"q": query})


@pytest.fixture
def umerov():
    return PersonFactory(
        name="Rustem Umerov",
        slug="rustem-umerov",
        native_name="Рустем Умєров",
        aliases="Umierov\nUmyerov",
    )


@pytest.fixture
def ciragan():
    return VenueFactory(
        name="Çırağan Palace", native_name="Çırağan Sarayı", aliases="Chiragan\nЧирагань"
    )


@pytest.mark.parametrize("query", ["Umierov", "umerov", "умєров", "УМЄРОВ"])
def test_person_found_by_alias_and_cyrillic_in_either_case(client, umerov, query):
    response = search(client, query)
    assert response.status_code == 200
    assert f'<a href="{umerov.get_absolute_url()}">Rustem Umerov</a>' in response.text


@pytest.mark.parametrize("query", ["Чирагань", "чирагань", "Ciragan", "ÇIRAĞAN"])
def test_round_found_by_its_venue_in_any_script(client, ciragan, query):
    second = RoundFactory(number=2, title="Second round", venue=ciragan)
    third = RoundFactory(number=3, title="Third round", venue=ciragan)
    RoundFactory(number=1, title="First round", venue=VenueFactory(name="Dolmabahçe Palace"))
    response = search(client, query)
    assert f'<a href="{second.get_absolute_url()}">Round 2: Second round</a>' in response.text
    assert f'<a href="{third.get_absolute_url()}">Round 3: Third round</a>' in response.text
    assert "First round" not in response.text


def test_round_found_by_words_of_its_summary_without_accents(client):
    RoundFactory(title="Second round", summary="Talks at the Çırağan, lasting about an hour.")
    assert "Second round" in search(client, "LASTING about").text
    assert "Second round" in search(client, "ciragan").text


def test_every_kind_of_content_is_found_and_grouped(client):
    PersonFactory(name="Vladimir Medinsky", native_name="Владимир Мединский")
    OrganizationFactory(name="National Intelligence Organization", short_name="MİT")
    EventFactory(title="Trilateral meeting with the Turkish intelligence chief")
    DocumentFactory(title="Memorandum on intelligence sharing")
    PositionFactory(summary="Wants intelligence-sharing to stop")
    SourceFactory(title="Intelligence chiefs meet")
    IssueFactory(name="Intelligence exchange")
    text = search(client, "intelligence").text
    for heading in ["Organizations", "Events", "Documents", "Positions", "Sources", "Issues"]:
        assert f">{heading}</h2>" in text
    assert ">People</h2>" not in text
    assert "National Intelligence Organization" in text
    assert "Intelligence chiefs meet" in text


def test_drafts_never_appear_nor_count(client, ciragan):
    PersonFactory(name="Secret Negotiator", publication_status=DRAFT)
    RoundFactory(title="Secret round", venue=ciragan, publication_status=DRAFT)
    draft_round = RoundFactory(publication_status=DRAFT)
    DocumentFactory(title="Secret memorandum", round=draft_round)
    PositionFactory(summary="Secret position", round=draft_round)
    EventFactory(title="Secret event", publication_status=DRAFT)
    response = search(client, "secret")
    assert "Secret" not in response.text
    assert "Nothing published matches “secret”" in response.text
    # The venue is public (venues have no draft state); the draft round held there is not.
    response = search(client, "Чирагань")
    assert ">Venues</h2>" in response.text
    assert "Secret" not in response.text
    assert ">Rounds</h2>" not in response.text


def test_empty_query_shows_a_prompt_and_no_results(client, umerov):
    for params in [{}, {"q": ""}, {"q": "   "}]:
        response = client.get(reverse("public:search"), params)
        assert response.status_code == 200
        assert "Search people (any spelling" in response.text
        assert "Rustem Umerov" not in response.text


def test_search_box_is_labelled(client):
    text = search(client, "").text
    assert '<label for="id_q">Search terms:</label>' in text
    assert 'type="search" name="q"' in text


def test_feed_is_advertised_in_the_page_head(client):
    head = search(client, "").text.split("</head>")[0]
    assert 'rel="alternate" type="application/atom+xml"' in head
    assert reverse("public:changes-feed") in head


@pytest.mark.parametrize("query", ["umerov\x00", "\x00", "x" * 10_000])
def test_unsearchable_input_is_a_400_not_a_500(client, umerov, query):
    response = search(client, query)
    assert response.status_code == 400
    assert "could not be run" in response.text
    assert "Rustem Umerov" not in response.text


def test_nothing_found_says_so(client, umerov):
    assert "Nothing published matches “zzz”" in search(client, "zzz").text


def test_query_count_does_not_grow_with_results(client, django_assert_num_queries, ciragan):
    def queries_for_search(expected_results):
        with django_assert_num_queries(15) as captured:
            # The other spellings of names in the query (one UNION); one per kind: people, organizations, venues, tracks, rounds (with venue and
            # track), issues, events, documents (with round), positions (with issue and round),
            # commitments (with round), exchanges, sources; the record's review date in the
            # footer; and when the record last changed ("Cite this page").
            response = search(client, "ciragan")
        assert response.text.count('class="search-result"') == expected_results
        return len(captured.captured_queries)

    def add_one_of_each(n):
        PersonFactory(name=f"Ciragan person {n}")
        OrganizationFactory(name=f"Ciragan office {n}")
        RoundFactory(venue=ciragan)
        EventFactory(title=f"Ciragan event {n}")
        DocumentFactory(title=f"Ciragan memo {n}")
        PositionFactory(summary=f"Ciragan position {n}")
        SourceFactory(title=f"Ciragan story {n}")
        IssueFactory(name=f"Ciragan issue {n}")
        CommitmentFactory(title=f"Ciragan deal {n}")
        ExchangeFactory(title=f"Ciragan swap {n}")

    add_one_of_each(1)
    # Ten of each, and the venue itself.
    few = queries_for_search(expected_results=10 + 1)
    for n in range(2, 8):
        add_one_of_each(n)
    assert queries_for_search(expected_results=10 * 7 + 1) == few


@pytest.mark.parametrize("query", ["ПОВЕРНЕННЯ ТІЛ", "повернення тіл", "Return of BODIES"])
def test_commitment_found_by_its_text_in_any_script_or_case(client, query):
    commitment = CommitmentFactory(
        title="Return of bodies, 6,000 for 6,000", description="Повернення тіл загиблих."
    )
    CommitmentFactory(title="Exchange of prisoners")
    text = search(client, query).text
    assert ">Commitments</h2>" in text
    assert (
        f'<a href="{commitment.get_absolute_url()}">Return of bodies, 6,000 for 6,000</a>' in text
    )
    assert "Exchange of prisoners" not in text


def test_exchange_found_by_its_mediator_note(client):
    exchange = ExchangeFactory(title="Swap of 84 for 84", mediator_note="Mediated by the UAE")
    text = search(client, "uae").text
    assert ">Exchanges</h2>" in text
    assert f'<a href="{exchange.get_absolute_url()}">Swap of 84 for 84</a>' in text


def test_hidden_commitments_and_their_exchanges_are_not_found(client):
    hidden = CommitmentFactory(title="Secret deal", publication_status=DRAFT)
    ExchangeFactory(commitment=hidden, title="Secret swap")
    ExchangeFactory(title="Secret stage", publication_status=DRAFT)
    assert "Nothing published matches “secret”" in search(client, "secret").text
