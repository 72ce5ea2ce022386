"""A small published record plus drafts, for API tests and for seeding the fuzzer."""

import datetime

from positions.models import Category, Stance
from provenance.models import Claimant, PublicationStatus, Side
from talks.models import DelegationSide, EventKind, ParticipantRole
from tests import factories

DRAFT = PublicationStatus.DRAFT


def seed_record() -> dict:
    """Two published rounds with everything under them, and a draft of every kind."""
    source = factories.SourceFactory(
        code="S1", title='=HYPERLINK("http://evil")', publisher="Reuters"
    )
    draft_source = factories.SourceFactory(code="SDRAFT", publication_status=DRAFT)
    ukraine = factories.OrganizationFactory(name="Ukraine", country_code="UA")
    russia = factories.OrganizationFactory(name="Russian Federation", country_code="RU")
    mod = factories.OrganizationFactory(name="Ministry of Defence of Ukraine", parent=ukraine)
    umerov = factories.PersonFactory(
        name="Rustem Umerov", slug="rustem-umerov", native_name="Рустем Умєров",
        aliases="Umierov\nUmyerov",
    )  # fmt: skip
    medinsky = factories.PersonFactory(
        name="Vladimir Medinsky", slug="vladimir-medinsky", native_name="Владимир Мединский"
    )
    umerov.sources.add(source, draft_source)
    factories.MembershipFactory(person=umerov, organization=mod, post="Minister of Defence")
    venue = factories.VenueFactory(name="Çırağan Palace", aliases="Чирагань")
    round1 = factories.RoundFactory(number=1, held_on=datetime.date(2025, 5, 16), venue=venue)
    round2 = factories.RoundFactory(number=2, held_on=datetime.date(2025, 6, 2), venue=venue)
    round1.sources.add(source, draft_source)
    round2.hosts.add(ukraine)
    ua = factories.DelegationFactory(
        round=round2, side=DelegationSide.UKRAINE, organization=ukraine
    )
    ru = factories.DelegationFactory(round=round2, side=DelegationSide.RUSSIA, organization=russia)
    factories.ParticipantFactory(delegation=ua, person=umerov, role=ParticipantRole.HEAD)
    factories.ParticipantFactory(delegation=ru, person=medinsky, role=ParticipantRole.HEAD)
    nato = factories.IssueFactory(slug="nato", name="NATO and alliances")
    prisoners = factories.IssueFactory(slug="prisoners", name="Prisoners of war")
    event = factories.EventFactory(
        title="Drone strike on Russian airbases", kind=EventKind.CONTEXT,
        occurred_on=datetime.date(2025, 6, 1), round=round2, summary="**Operation** <script>x</script>",
    )  # fmt: skip
    event.people.add(umerov)
    nato.events.add(event)
    memo = factories.DocumentFactory(title="Russian memorandum", round=round2)
    factories.ProvisionFactory(document=memo).issues.add(nato)
    for number, rnd in ((1, round1), (2, round2)):
        factories.PositionFactory(side=Side.UKRAINE, issue=nato, round=rnd, stance=Stance.REJECTS,
                                  summary=f"Ukraine keeps its NATO path (round {number})")  # fmt: skip
        factories.PositionFactory(side=Side.RUSSIA, issue=nato, round=rnd, stance=Stance.DEMANDS,
                                  summary=f"Russia demands neutrality (round {number})")  # fmt: skip
    commitment = factories.CommitmentFactory(round=round1, issue=prisoners, title="1,000 for 1,000")
    may = factories.ExchangeFactory(title="First stage", commitment=commitment,
                                    occurred_on=datetime.date(2025, 5, 23))  # fmt: skip
    june = factories.ExchangeFactory(title="Young soldiers", commitment=commitment,
                                     occurred_on=datetime.date(2025, 6, 9))  # fmt: skip
    factories.ExchangeCountFactory(exchange=may, receiving_side=Side.UKRAINE, quantity=390)
    for exchange, quantity in ((june, 6057), (june, 78)):
        factories.ExchangeCountFactory(
            exchange=exchange, receiving_side=Side.UKRAINE if quantity > 100 else Side.RUSSIA,
            category=Category.BODIES, quantity=quantity, claimed_by=Claimant.UKRAINE,
        )  # fmt: skip
    factories.ExchangeCountFactory(exchange=june, receiving_side=Side.UKRAINE,
                                   category=Category.BODIES, quantity=6060, claimed_by=Claimant.RUSSIA)  # fmt: skip

    # Drafts of every kind; none of them may show anywhere public.
    draft_round = factories.RoundFactory(number=9, title="Secret round", publication_status=DRAFT)
    drafts = {
        "source": draft_source,
        "round": draft_round,
        "person": factories.PersonFactory(
            name="Secret Person", aliases="Hiddenov", publication_status=DRAFT
        ),
        "organization": factories.OrganizationFactory(
            name="Secret Agency", publication_status=DRAFT
        ),
        "event": factories.EventFactory(title="Secret event", publication_status=DRAFT),
        "document": factories.DocumentFactory(
            title="Secret memo", round=round2, publication_status=DRAFT
        ),
        "position": factories.PositionFactory(
            side=Side.RUSSIA, issue=nato, round=draft_round, summary="Secret position"
        ),  # fmt: skip
        "commitment": factories.CommitmentFactory(
            title="Secret deal", round=round2, issue=prisoners, publication_status=DRAFT
        ),  # fmt: skip
        "exchange": factories.ExchangeFactory(
            title="Secret swap",
            commitment=commitment,
            occurred_on=datetime.date(2025, 6, 20),
            publication_status=DRAFT,
        ),  # fmt: skip
        "delegation": factories.DelegationFactory(round=draft_round, side=DelegationSide.RUSSIA),
    }
    drafts["participant"] = factories.ParticipantFactory(
        delegation=drafts["delegation"], person=medinsky
    )
    drafts["membership"] = factories.MembershipFactory(
        person=drafts["person"], organization=ukraine, post="Secret post"
    )
    drafts["exchange-count"] = factories.ExchangeCountFactory(
        exchange=drafts["exchange"], quantity=777
    )
    return {
        "umerov": umerov, "round1": round1, "round2": round2, "nato": nato, "event": event,
        "june": june, "may": may, "source": source, "drafts": drafts,
    }  # fmt: skip
