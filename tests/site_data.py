"""A small, realistic record built with factories, for the public site's tests.

`build_record(size)` makes `size` rounds, each with both delegations, a host and partners,
documents with provisions, positions on the ceasefire, a commitment and its exchanges, so that
query-count tests can compare a small record with a large one.
"""

import datetime

from positions.models import Category, ExchangeKind, Stance
from provenance.models import Claimant, Confidence, Side, StateAffiliation
from talks.models import DelegationSide, EventSide, ParticipantRole, RoundStatus
from tests.factories import (
    CommitmentFactory,
    DelegationFactory,
    DocumentFactory,
    EventFactory,
    ExchangeCountFactory,
    ExchangeFactory,
    IssueFactory,
    MembershipFactory,
    OrganizationFactory,
    ParticipantFactory,
    PersonFactory,
    PositionFactory,
    ProvisionFactory,
    RoundFactory,
    SourceFactory,
    aware,
)


def build_record(size: int = 1, *, members: int = 3, exchanges: int = 3) -> dict:
    ceasefire = IssueFactory(slug="ceasefire", name="Ceasefire", order=1)
    nato = IssueFactory(slug="nato", name="NATO and alliances", order=2)
    state_source = SourceFactory(
        publisher="TASS", state_affiliation=StateAffiliation.RUSSIA, title="Medinsky statement"
    )
    mirror = SourceFactory(publisher="Example Mirror", is_mirror=True)
    ukraine = OrganizationFactory(name="Ukraine", country_code="UA")
    russia = OrganizationFactory(name="Russian Federation", country_code="RU")
    mod = OrganizationFactory(name="Ministry of Defence of Ukraine", parent=ukraine)
    umerov = PersonFactory(name="Rustem Umerov", slug="rustem-umerov", aliases="Umierov\nUmyerov")
    medinsky = PersonFactory(name="Vladimir Medinsky", slug="vladimir-medinsky")
    MembershipFactory(person=umerov, organization=mod, post="Minister of Defence")
    made = {"rounds": [], "ceasefire": ceasefire, "umerov": umerov, "medinsky": medinsky}
    for n in range(size):
        held = datetime.date(2025, 5, 16) + datetime.timedelta(days=20 * n)
        round_ = RoundFactory(
            held_on=held,
            status=RoundStatus.HELD,
            scheduled_start_at=aware(held.year, held.month, held.day, 13, 0),
            actual_start_at=aware(held.year, held.month, held.day, 14, 40),
            actual_end_at=aware(held.year, held.month, held.day, 15, 50),
            working_language="ru",
            confidence=Confidence.CONTESTED,
        )
        round_.sources.add(state_source, mirror)
        round_.hosts.add(OrganizationFactory(name=f"Host state {n}"))
        ua = DelegationFactory(
            round=round_, side=DelegationSide.UKRAINE, organization=ukraine, reported_size=12
        )
        ru = DelegationFactory(round=round_, side=DelegationSide.RUSSIA, organization=russia)
        partners = DelegationFactory(round=round_, side=DelegationSide.PARTNERS)
        ParticipantFactory(delegation=ua, person=umerov, role=ParticipantRole.HEAD, order=0)
        ParticipantFactory(delegation=ru, person=medinsky, role=ParticipantRole.HEAD, order=0)
        for _ in range(members):
            ParticipantFactory(delegation=ua).sources.add(mirror)
            ParticipantFactory(delegation=ru)
        ParticipantFactory(delegation=partners, role=ParticipantRole.ADVISER, at_table=False)
        for side in Side.values:
            document = DocumentFactory(round=round_, author_side=side, tabled_on=round_.held_on)
            document.sources.add(state_source)
            ProvisionFactory(document=document).issues.add(ceasefire)
            for issue in (ceasefire, nato):
                PositionFactory(
                    round=round_, side=side, issue=issue, document=document, stance=Stance.DEMANDS
                ).sources.add(mirror)
        EventFactory(
            round=round_,
            occurred_on=round_.held_on - datetime.timedelta(days=1),
            side=EventSide.RUSSIA,
        ).issues.add(ceasefire)
        commitment = CommitmentFactory(round=round_, issue=ceasefire)
        commitment.sources.add(state_source)
        for day in range(exchanges):
            exchange = ExchangeFactory(
                commitment=commitment,
                occurred_on=round_.held_on + datetime.timedelta(days=day + 1),
                kind=ExchangeKind.POW_SWAP,
            )
            exchange.sources.add(mirror)
            ExchangeCountFactory(exchange=exchange, receiving_side=Side.UKRAINE, quantity=100)
            ExchangeCountFactory(
                exchange=exchange,
                receiving_side=Side.RUSSIA,
                quantity=100,
                claimed_by=Claimant.RUSSIA,
            )
        bodies = ExchangeFactory(
            commitment=commitment,
            kind=ExchangeKind.BODIES,
            occurred_on=round_.held_on + datetime.timedelta(days=9),
        )
        ExchangeCountFactory(
            exchange=bodies, receiving_side=Side.UKRAINE, category=Category.BODIES, quantity=6057
        )
        ExchangeCountFactory(
            exchange=bodies,
            receiving_side=Side.UKRAINE,
            category=Category.BODIES,
            quantity=6060,
            claimed_by=Claimant.RUSSIA,
        )
        made["rounds"].append(round_)
    return made
