"""Drafts and content in review never reach a reader: no page, list, count, chart or figure."""

import re

import pytest

from provenance.models import Claimant, PublicationStatus, Side
from talks.models import DelegationSide, ParticipantRole, RoundStatus
from tests.factories import (
    CommitmentFactory,
    DelegationFactory,
    DocumentFactory,
    EventFactory,
    ExchangeCountFactory,
    ExchangeFactory,
    IssueFactory,
    OrganizationFactory,
    ParticipantFactory,
    PersonFactory,
    PositionFactory,
    RoundFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db

HIDDEN = [PublicationStatus.DRAFT, PublicationStatus.IN_REVIEW]
PUBLIC_PAGES = [
    "/",
    "/timeline/",
    "/timeline/?issue=ceasefire",
    "/rounds/",
    "/issues/",
    "/issues/ceasefire/",
    "/commitments/",
    "/totals/",
    "/people/",
    "/organizations/",
    "/documents/",
    "/sources/",
]


@pytest.fixture
def public_round():
    """A published round with both delegations, so every page has something to show."""
    issue = IssueFactory(slug="ceasefire", name="Ceasefire")
    round_ = RoundFactory(number=1, title="Public round", status=RoundStatus.HELD)
    for side in (DelegationSide.UKRAINE, DelegationSide.RUSSIA):
        ParticipantFactory(
            delegation=DelegationFactory(round=round_, side=side), role=ParticipantRole.HEAD
        )
    PositionFactory(round=round_, issue=issue, summary="Public position")
    return round_, issue


def assert_nowhere(client, text: str, extra_pages=()):
    # A number counts only as a whole number: "777" must not match the microseconds of a
    # "latest changes" timestamp such as 19:00:17.197779.
    pattern = re.compile(rf"(?<!\d){re.escape(text)}(?!\d)")
    for url in [*PUBLIC_PAGES, *extra_pages]:
        body = client.get(url).content.decode()
        assert not pattern.search(body), f"{text!r} leaked on {url}"


@pytest.mark.parametrize("status", HIDDEN)
def test_hidden_round_is_404_and_absent_everywhere(client, public_round, status):
    _, issue = public_round
    secret = RoundFactory(
        number=9, title="Secret round", status=RoundStatus.HELD, publication_status=status
    )
    head = PersonFactory(name="Public negotiator", slug="public-negotiator")
    ParticipantFactory(delegation=DelegationFactory(round=secret), person=head)
    PositionFactory(round=secret, issue=issue, summary="Secret stance")
    commitment = CommitmentFactory(round=secret, issue=issue, title="Secret deal")
    exchange = ExchangeFactory(commitment=commitment)
    ExchangeCountFactory(exchange=exchange, quantity=777)
    DocumentFactory(round=secret, title="Secret memorandum")
    assert client.get("/rounds/9/").status_code == 404
    assert client.get(commitment.get_absolute_url()).status_code == 404
    assert client.get(exchange.get_absolute_url()).status_code == 404
    for text in ("Secret round", "Secret stance", "Secret deal", "Secret memorandum", "777"):
        assert_nowhere(client, text, ["/people/public-negotiator/", "/rounds/1/"])
    # Rounds held counts published rounds only.
    assert client.get("/").context["rounds_held"] == 1


@pytest.mark.parametrize("status", HIDDEN)
def test_hidden_person_is_404_and_not_listed_as_a_participant(client, public_round, status):
    round_, _ = public_round
    person = PersonFactory(name="Secret adviser", slug="secret-adviser", publication_status=status)
    ParticipantFactory(delegation=round_.delegations.first(), person=person)
    assert client.get("/people/secret-adviser/").status_code == 404
    assert_nowhere(client, "Secret adviser", ["/rounds/1/"])


@pytest.mark.parametrize("status", HIDDEN)
def test_hidden_delegation_and_its_members_are_not_on_the_round_page(client, public_round, status):
    round_, _ = public_round
    delegation = DelegationFactory(
        round=round_, side=DelegationSide.PARTNERS, publication_status=status
    )
    ParticipantFactory(delegation=delegation, person=PersonFactory(name="Secret partner"))
    body = client.get("/rounds/1/").content.decode()
    assert "Partners present in Istanbul" not in body
    assert "Secret partner" not in body


@pytest.mark.parametrize("status", HIDDEN)
def test_hidden_position_is_absent_from_round_and_issue_pages(client, public_round, status):
    round_, issue = public_round
    PositionFactory(
        round=round_,
        issue=issue,
        side=Side.RUSSIA,
        summary="Secret position",
        publication_status=status,
    )
    assert_nowhere(client, "Secret position", ["/rounds/1/"])


@pytest.mark.parametrize("status", HIDDEN)
def test_hidden_commitment_and_its_exchanges_are_404_and_not_counted(client, public_round, status):
    round_, issue = public_round
    commitment = CommitmentFactory(
        round=round_, issue=issue, title="Secret commitment", publication_status=status
    )
    exchange = ExchangeFactory(commitment=commitment, title="Secret swap")
    ExchangeCountFactory(exchange=exchange, quantity=4321, claimed_by=Claimant.UKRAINE)
    assert client.get(commitment.get_absolute_url()).status_code == 404
    assert client.get(exchange.get_absolute_url()).status_code == 404
    for text in ("Secret commitment", "Secret swap", "4,321", "4321"):
        assert_nowhere(client, text, ["/rounds/1/"])
    assert [item["figures"] for item in client.get("/").context["tracks"]] == [[]]
    assert client.get("/commitments/").context["charts"] == []


@pytest.mark.parametrize("status", HIDDEN)
def test_hidden_exchange_is_404_and_left_out_of_totals_and_charts(client, public_round, status):
    round_, issue = public_round
    commitment = CommitmentFactory(round=round_, issue=issue, title="Public commitment")
    ExchangeCountFactory(exchange=ExchangeFactory(commitment=commitment), quantity=100)
    secret = ExchangeFactory(commitment=commitment, title="Secret swap", publication_status=status)
    ExchangeCountFactory(exchange=secret, quantity=5000)
    assert client.get(secret.get_absolute_url()).status_code == 404
    assert_nowhere(client, "Secret swap", ["/rounds/1/", commitment.get_absolute_url()])
    home = [line for item in client.get("/").context["tracks"] for line in item["figures"]]
    assert [f.quantity for line in home for f in line.figures] == [100]
    # The totals page, in every scope: the draft's 5,000 is in none of its figures.
    totals = client.get("/totals/").context
    assert totals["record"]["exchanges"]
    assert totals["agreements"]["exchanges"]
    for section in [totals["record"], totals["agreements"], *totals["tracks"]]:
        expected = [100] if section["exchanges"] else []
        for key in ("lines", "with_left_out"):
            assert [f.quantity for line in section[key] for f in line.figures] == expected, key
        assert secret.pk not in [x.pk for x in section["exchanges"] + section["left_out"]]
    charts = client.get("/commitments/").context["charts"]
    # One chart (people to Ukraine), one line (per Ukraine): the draft's 5,000 is not in it.
    assert [(c["key"], [(s.claimant, s.total) for s in c["series"]]) for c in charts] == [
        ("people-ukraine", [("ukraine", 100)])
    ]


@pytest.mark.parametrize("status", HIDDEN)
def test_hidden_event_is_404_and_off_the_timeline(client, public_round, status):
    round_, issue = public_round
    event = EventFactory(round=round_, title="Secret event", publication_status=status)
    event.issues.add(issue)
    assert client.get(event.get_absolute_url()).status_code == 404
    assert_nowhere(client, "Secret event", ["/rounds/1/"])


@pytest.mark.parametrize("status", HIDDEN)
def test_hidden_document_is_404_and_not_listed(client, public_round, status):
    round_, _ = public_round
    document = DocumentFactory(round=round_, title="Secret document", publication_status=status)
    assert client.get(document.get_absolute_url()).status_code == 404
    assert_nowhere(client, "Secret document", ["/rounds/1/"])


@pytest.mark.parametrize("status", HIDDEN)
def test_hidden_source_and_organization_are_404_and_not_cited(client, public_round, status):
    round_, _ = public_round
    source = SourceFactory(publisher="Secret Gazette", publication_status=status)
    round_.sources.add(source)
    organization = OrganizationFactory(name="Secret agency", publication_status=status)
    round_.hosts.add(organization)
    assert client.get(source.get_absolute_url()).status_code == 404
    assert client.get(organization.get_absolute_url()).status_code == 404
    assert_nowhere(client, "Secret Gazette", ["/rounds/1/"])
    assert_nowhere(client, "Secret agency", ["/rounds/1/"])


@pytest.mark.parametrize("status", HIDDEN)
def test_hidden_chair_document_and_represented_state_are_not_named(client, public_round, status):
    round_, issue = public_round
    round_.chair = PersonFactory(name="Secret chair", publication_status=status)
    round_.save()
    document = DocumentFactory(round=round_, title="Secret draft paper", publication_status=status)
    PositionFactory(round=round_, issue=issue, side=Side.RUSSIA, document=document)
    ParticipantFactory(
        delegation=round_.delegations.first(),
        represents=OrganizationFactory(name="Secret state", publication_status=status),
    )
    for text in ("Secret chair", "Secret draft paper", "Secret state"):
        assert_nowhere(client, text, ["/rounds/1/"])
