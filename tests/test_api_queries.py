"""Every list costs the same number of queries whether it shows 1, 50 or 500 rows.

Each test fills a table with more rows than the default page (with their related rows, so every
prefetch has work to do), then counts the queries at page_size 1, 50 and the 500 maximum, and
with `include=sources`. The expected queries are listed, one comment each.
"""

import datetime

import pytest

from provenance.models import Side
from talks.models import DelegationSide
from tests import factories

pytestmark = pytest.mark.django_db

ROWS = 60  # more than the default page of 50


def sourced(objects):
    source = factories.SourceFactory()
    for obj in objects:
        obj.sources.add(source)
    return objects


def build_organizations():
    parent = factories.OrganizationFactory()
    sourced(factories.OrganizationFactory.create_batch(ROWS, parent=parent))


def build_people():
    sourced(factories.PersonFactory.create_batch(ROWS, aliases="One\nTwo"))


def build_memberships():
    sourced(factories.MembershipFactory.create_batch(ROWS))


def build_sources():
    factories.SourceFactory.create_batch(ROWS)


def build_venues():
    sourced(factories.VenueFactory.create_batch(ROWS))


def build_rounds():
    host = factories.OrganizationFactory()
    chair = factories.PersonFactory()
    for rnd in sourced(factories.RoundFactory.create_batch(ROWS, chair=chair)):
        rnd.hosts.add(host)


def build_delegations():
    for rnd in factories.RoundFactory.create_batch(ROWS // 2):
        for side in (DelegationSide.UKRAINE, DelegationSide.RUSSIA):
            delegation = sourced([factories.DelegationFactory(round=rnd, side=side)])[0]
            factories.ParticipantFactory.create_batch(2, delegation=delegation)


def build_participants():
    delegation = factories.DelegationFactory()
    adviser_of = factories.OrganizationFactory()
    sourced(
        factories.ParticipantFactory.create_batch(
            ROWS, delegation=delegation, represents=adviser_of
        )
    )


def build_events():
    rnd, person, org, issue = (
        factories.RoundFactory(), factories.PersonFactory(),
        factories.OrganizationFactory(), factories.IssueFactory(),
    )  # fmt: skip
    for event in sourced(factories.EventFactory.create_batch(ROWS, round=rnd)):
        event.people.add(person)
        event.organizations.add(org)
        issue.events.add(event)


def build_issues():
    factories.IssueFactory.create_batch(ROWS)


def build_documents():
    issue = factories.IssueFactory()
    for document in sourced(factories.DocumentFactory.create_batch(ROWS)):
        factories.ProvisionFactory(document=document).issues.add(issue)


def build_positions():
    rnd = factories.RoundFactory()
    document = factories.DocumentFactory(round=rnd)
    for issue in factories.IssueFactory.create_batch(ROWS // 2):
        for side in (Side.UKRAINE, Side.RUSSIA):
            sourced(
                [factories.PositionFactory(side=side, issue=issue, round=rnd, document=document)]
            )


def build_commitments():
    sourced(factories.CommitmentFactory.create_batch(ROWS))


def build_exchanges():
    commitment = factories.CommitmentFactory()
    mediator = factories.OrganizationFactory()
    total = factories.ExchangeFactory(commitment=commitment)
    for exchange in sourced(
        factories.ExchangeFactory.create_batch(
            ROWS, commitment=commitment, part_of=total, mediator=mediator
        )
    ):
        factories.ExchangeCountFactory(exchange=exchange)


def build_exchange_counts():
    exchanges = factories.ExchangeFactory.create_batch(2)
    for n in range(ROWS):
        exchange, m = exchanges[n % 2], n // 2
        count = factories.ExchangeCountFactory(exchange=exchange, quantity=n, note=f"claim {n}",
                                       claimed_by=["ukraine", "russia", "mediator", "independent"][m % 4],
                                       category=["pows", "civilians", "bodies", "children"][m // 4 % 4],
                                       receiving_side=["ukraine", "russia"][m // 16 % 2])  # fmt: skip
        sourced([count])


def build_tracks():
    party, mediator = factories.OrganizationFactory(), factories.OrganizationFactory()
    for track in sourced([factories.TrackFactory(slug=f"track-{n}") for n in range(ROWS)]):
        track.parties.add(party)
        track.mediators.add(mediator)


def build_standing_delegations():
    track = factories.TrackFactory(slug="trilateral")
    for appointed in sourced(factories.StandingDelegationFactory.create_batch(ROWS, track=track)):
        factories.StandingMemberFactory.create_batch(2, standing_delegation=appointed)


def build_reviews():
    from provenance.models import RecordReview

    for n in range(ROWS):
        RecordReview.objects.create(
            reviewed_to=datetime.date(2026, 5, 15) - datetime.timedelta(days=n),
            publication_status="published",
        )


def build_timeline():
    build_events()
    factories.ExchangeFactory.create_batch(ROWS, occurred_on=datetime.date(2025, 6, 9))


# Endpoint → (builder, expected queries). `sources` is the extra query of include=sources.
EXPECTED = {
    "organizations": (
        build_organizations,
        [
            "COUNT(*) of published organizations",
            "the page, joined to each parent",
        ],
    ),
    "people": (build_people, ["COUNT(*)", "the page"]),
    "memberships": (build_memberships, ["COUNT(*)", "the page, joined to person and organization"]),
    "sources": (build_sources, ["COUNT(*)", "the page"]),
    "venues": (build_venues, ["COUNT(*)", "the page, joined to city"]),
    "tracks": (
        build_tracks,
        [
            "COUNT(*)",
            "the page",
            "the published parties of the page's tracks",
            "their published mediators",
        ],
    ),
    "standing-delegations": (
        build_standing_delegations,
        [
            "COUNT(*)",
            "the page, joined to track and organization",
            "the published members of the page's appointments, joined to person",
        ],
    ),
    "reviews": (build_reviews, ["COUNT(*)", "the page"]),
    "rounds": (
        build_rounds,
        [
            "COUNT(*)",
            "the page, joined to venue and chair",
            "the published hosts of the page's rounds",
        ],
    ),
    "delegations": (
        build_delegations,
        [
            "COUNT(*)",
            "the page, joined to round and organization",
            "the published participants of the page's delegations, joined to person and represents",
        ],
    ),
    "participants": (
        build_participants,
        [
            "COUNT(*)",
            "the page, joined to delegation, round, person and represents",
        ],
    ),
    "events": (
        build_events,
        [
            "COUNT(*)",
            "the page, joined to round and venue",
            "the published people of the page's events",
            "their published organizations",
            "their issues",
        ],
    ),
    "issues": (build_issues, ["COUNT(*)", "the page"]),
    "documents": (
        build_documents,
        [
            "COUNT(*)",
            "the page, joined to round",
            "the provisions of the page's documents",
            "the issues of those provisions",
        ],
    ),
    "positions": (build_positions, ["COUNT(*)", "the page, joined to issue, round and document"]),
    "commitments": (build_commitments, ["COUNT(*)", "the page, joined to round and issue"]),
    "exchanges": (
        build_exchanges,
        [
            "COUNT(*)",
            "the page, joined to commitment, part_of and mediator",
            "the counts of the page's exchanges",
        ],
    ),
    "exchange-counts": (build_exchange_counts, ["COUNT(*)", "the page, joined to exchange"]),
}
# Not Sourced: include=sources adds nothing.
NO_SOURCES = {"sources", "issues", "reviews"}


@pytest.mark.parametrize("endpoint", list(EXPECTED))
def test_list_query_count_does_not_grow_with_page_size(client, django_assert_num_queries, endpoint):
    builder, queries = EXPECTED[endpoint]
    builder()
    for page_size in (1, 50, 500):
        with django_assert_num_queries(len(queries)):
            response = client.get(f"/api/v1/{endpoint}/?page_size={page_size}")
        assert response.status_code == 200
        assert len(response.json()["results"]) == min(page_size, response.json()["count"])
    if endpoint not in NO_SOURCES:
        for page_size in (1, 500):
            # + "the published sources of the page's rows"
            with django_assert_num_queries(len(queries) + 1):
                response = client.get(f"/api/v1/{endpoint}/?page_size={page_size}&include=sources")
            assert response.status_code == 200
        assert any(row["sources"] for row in response.json()["results"])


@pytest.mark.parametrize("language", ["en", "uk"])
def test_timeline_query_count_does_not_grow(client, django_assert_max_num_queries, language):
    build_timeline()
    # Translated kinds too, half with Ukrainian texts: which language each text came in, and its
    # translation's state, are read from the row already read, at any page size.
    for n, commitment in enumerate(factories.CommitmentFactory.create_batch(ROWS)):
        if n % 2:
            commitment.title_uk = f"Зобов'язання {n}"
            commitment.save()
    for page_size in (1, 50, 500):
        # The entries counted (one COUNT of a UNION of every type's keys), the page's keys in
        # order (the UNION, ordered and cut), then the page's rows: one query per type on it
        # (rounds, events, documents, commitments, exchanges), so at most 7 at any size.
        with django_assert_max_num_queries(7):
            response = client.get(f"/api/v1/timeline/?page_size={page_size}&lang={language}")
        results = response.json()["results"]
        assert len(results) == min(page_size, response.json()["count"])
    assert {item["title_language"] for item in results} == {"en", language}


@pytest.mark.parametrize("language", ["en", "uk"])
def test_search_query_count_does_not_grow(client, django_assert_num_queries, language):
    for n, person in enumerate(factories.PersonFactory.create_batch(ROWS, aliases="Umierov")):
        if n % 2:
            person.name_uk = f"Особа {n}"
            person.save()
    for page_size in (1, 50, 500):
        # The other spellings of names in the query (one UNION); one query per searched kind
        # (record.kinds.SEARCHED): people, organizations, venues, tracks, rounds, issues,
        # events, documents, positions (joined to issue and round), commitments, exchanges,
        # sources.
        with django_assert_num_queries(13):
            response = client.get(
                f"/api/v1/search/?q=umierov&page_size={page_size}&lang={language}"
            )
        assert len(response.json()["results"]) == min(page_size, ROWS)
    assert {hit["name_language"] for hit in response.json()["results"]} == {"en", language}


def test_detail_query_count(client, django_assert_num_queries):
    build_events()
    event_id = client.get("/api/v1/events/?page_size=1").json()["results"][0]["id"]
    # The event joined to round and venue; its people; organizations; issues.
    with django_assert_num_queries(4):
        assert client.get(f"/api/v1/events/{event_id}/").status_code == 200
