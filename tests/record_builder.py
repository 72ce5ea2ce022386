"""One small record of the Istanbul talks, built with factories, for the site and API tests.

`build_record(rounds)` scales, so that query-count tests can compare a small and a large record.
"""

import datetime

from positions.models import Category, ExchangeKind, Stance
from provenance.models import Claimant, Confidence, PublicationStatus, Side, StateAffiliation
from talks.models import DelegationSide, EventKind, EventSide, ParticipantRole, RoundStatus
from tests import factories
from tests.factories import aware

DRAFT = PublicationStatus.DRAFT

# Each side's stance and words per issue; on NATO the words change each round.
POSITIONS = {
    ("prisoners", Side.UKRAINE): (Stance.DEMANDS, "Ukraine demands an exchange of all for all"),
    ("prisoners", Side.RUSSIA): (Stance.DEMANDS, "Russia demands 1,000 for 1,000 first"),
    ("nato", Side.UKRAINE): (Stance.REJECTS, "Ukraine keeps its NATO path (round {k})"),
    ("nato", Side.RUSSIA): (Stance.DEMANDS, "Russia demands neutrality (round {k})"),
}


def build_record(rounds: int = 2, *, members: int = 3, exchanges: int = 3) -> dict:
    """`rounds` published rounds (fewer than 9) with everything under them, and drafts.

    Made once: the issues "prisoners" and "nato"; the sources S1 (Reuters, titled with a
    spreadsheet formula), S2 (TASS, Russian state media) and S3 (a mirror); Ukraine, the Russian
    Federation and Ukraine's Ministry of Defence, with Rustem Umerov (native name, aliases) as
    minister; Vladimir Medinsky; Türkiye as host; the Çırağan Palace (alias Чирагань) as venue;
    `members` delegates per side and a partners' adviser, who attend every round.

    Round k, held on 16 May 2025 and then every 17 days (2 June, 19 June…), cited by all three
    sources, scheduled at 13:00 and held 14:40–15:50, contested:
    - Ukraine's delegation (reported size 12) headed by Umerov, Russia's by Medinsky, each with
      the delegates; partners with their adviser, not at the table;
    - a memorandum from each side with a provision on both issues, and each side's position on
      both: on prisoners both demand, in the same words each round; on NATO Russia demands
      neutrality and Ukraine rejects it ("Ukraine keeps its NATO path (round k)");
    - Russia's proposal the day before, on prisoners;
    - the commitment "Exchange of 1,000 for 1,000 (round k)" on prisoners, carried out by
      `exchanges` prisoner exchanges of 100 each way, one a day from a week after the round,
      and a repatriation of bodies nine days after it: Ukraine received 6,057 by its own count
      and 6,060 by Russia's; Russia received 78 by Ukraine's count.
    And the day before the last round, a drone strike (context, outside any round) whose
    Markdown summary holds a <script>.

    Returns the rounds, each round's repatriation, the named objects above and "drafts": each
    kind the API serves mapped to a draft of it, named "Secret…", "Hiddenov" or "SDRAFT" so that
    a test can look for leaks; the draft round is number 9, the draft source is cited by Umerov
    and round 1.
    """
    made = _actors_and_places(members)
    made["rounds"], made["repatriations"] = [], []
    for k in range(1, rounds + 1):
        round_, repatriation = _round(made, k, exchanges)
        made["rounds"].append(round_)
        made["repatriations"].append(repatriation)
    made["event"] = factories.EventFactory(
        title="Drone strike on Russian airbases",
        kind=EventKind.CONTEXT,
        occurred_on=made["rounds"][-1].held_on - datetime.timedelta(days=1),
        summary="**Operation** Spiderweb hits four airbases. <script>alert(1)</script>",
    )
    made["event"].people.add(made["umerov"])
    made["event"].issues.add(made["nato"])
    made["drafts"] = _drafts(made)
    return made


def _actors_and_places(members: int) -> dict:
    reuters = factories.SourceFactory(
        code="S1", publisher="Reuters", title='=HYPERLINK("http://evil")'
    )
    tass = factories.SourceFactory(
        code="S2",
        publisher="TASS",
        title="Medinsky statement",
        state_affiliation=StateAffiliation.RUSSIA,
    )
    mirror = factories.SourceFactory(code="S3", publisher="Example Mirror", is_mirror=True)
    ukraine = factories.OrganizationFactory(name="Ukraine", country_code="UA")
    ministry = factories.OrganizationFactory(name="Ministry of Defence of Ukraine", parent=ukraine)
    umerov = factories.PersonFactory(
        name="Rustem Umerov",
        slug="rustem-umerov",
        native_name="Рустем Умєров",
        aliases="Umierov\nUmyerov",
    )
    umerov.sources.add(reuters)
    factories.MembershipFactory(person=umerov, organization=ministry, post="Minister of Defence")
    return {
        "source": reuters,
        "tass": tass,
        "mirror": mirror,
        "ukraine": ukraine,
        "russia": factories.OrganizationFactory(name="Russian Federation", country_code="RU"),
        "turkiye": factories.OrganizationFactory(name="Republic of Türkiye", country_code="TR"),
        "venue": factories.VenueFactory(name="Çırağan Palace", aliases="Чирагань"),
        "prisoners": factories.IssueFactory(slug="prisoners", name="Prisoners of war", order=1),
        "nato": factories.IssueFactory(slug="nato", name="NATO and alliances", order=2),
        "umerov": umerov,
        "medinsky": factories.PersonFactory(
            name="Vladimir Medinsky", slug="vladimir-medinsky", native_name="Владимир Мединский"
        ),
        "delegates": {
            side: [
                factories.PersonFactory(name=f"{adjective} delegate {i}")
                for i in range(1, members + 1)
            ]
            for side, adjective in ((Side.UKRAINE, "Ukrainian"), (Side.RUSSIA, "Russian"))
        },
        "adviser": factories.PersonFactory(name="Partners' adviser"),
    }


def _round(made: dict, k: int, exchanges: int):
    """Round `k` with its delegations, documents, positions, event and commitment."""
    held = datetime.date(2025, 5, 16) + datetime.timedelta(days=17 * (k - 1))
    round_ = factories.RoundFactory(
        number=k,
        title=f"Round {k} in Istanbul",
        held_on=held,
        venue=made["venue"],
        status=RoundStatus.HELD,
        scheduled_start_at=aware(held.year, held.month, held.day, 13, 0),
        actual_start_at=aware(held.year, held.month, held.day, 14, 40),
        actual_end_at=aware(held.year, held.month, held.day, 15, 50),
        working_language="ru",
        confidence=Confidence.CONTESTED,
    )
    round_.sources.add(made["source"], made["tass"], made["mirror"])
    round_.hosts.add(made["turkiye"])
    _delegations(made, round_)
    _documents_and_positions(made, round_)
    announcement = factories.EventFactory(
        title=f"Russia proposes a prisoner exchange at round {k}",
        round=round_,
        occurred_on=held - datetime.timedelta(days=1),
        side=EventSide.RUSSIA,
    )
    announcement.issues.add(made["prisoners"])
    announcement.sources.add(made["tass"])
    return round_, _commitment(made, round_, exchanges)


def _delegations(made: dict, round_) -> None:
    for side, organization, head in (
        (DelegationSide.UKRAINE, made["ukraine"], made["umerov"]),
        (DelegationSide.RUSSIA, made["russia"], made["medinsky"]),
    ):
        delegation = factories.DelegationFactory(
            round=round_,
            side=side,
            organization=organization,
            reported_size=12 if side == DelegationSide.UKRAINE else None,
        )
        factories.ParticipantFactory(
            delegation=delegation, person=head, role=ParticipantRole.HEAD, order=0
        )
        for order, person in enumerate(made["delegates"][side], start=1):
            member = factories.ParticipantFactory(delegation=delegation, person=person, order=order)
            member.sources.add(made["mirror"])
    partners = factories.DelegationFactory(round=round_, side=DelegationSide.PARTNERS)
    factories.ParticipantFactory(
        delegation=partners, person=made["adviser"], role=ParticipantRole.ADVISER, at_table=False
    )


def _documents_and_positions(made: dict, round_) -> None:
    k = round_.number
    for side, adjective in ((Side.UKRAINE, "Ukrainian"), (Side.RUSSIA, "Russian")):
        document = factories.DocumentFactory(
            title=f"{adjective} memorandum (round {k})",
            slug=f"{adjective.lower()}-memorandum-round-{k}",
            round=round_,
            author_side=side,
            tabled_on=round_.held_on,
        )
        document.sources.add(made["tass"])
        factories.ProvisionFactory(document=document).issues.add(made["prisoners"], made["nato"])
        for slug in ("prisoners", "nato"):
            stance, summary = POSITIONS[slug, side]
            position = factories.PositionFactory(
                round=round_,
                side=side,
                issue=made[slug],
                document=document,
                stance=stance,
                summary=summary.format(k=k),
            )
            position.sources.add(made["mirror"])


def _commitment(made: dict, round_, exchanges: int):
    """The round's commitment with its exchanges; returns the repatriation of bodies."""
    k = round_.number
    commitment = factories.CommitmentFactory(
        round=round_,
        issue=made["prisoners"],
        title=f"Exchange of 1,000 for 1,000 (round {k})",
        slug=f"1000-for-1000-round-{k}",
    )
    commitment.sources.add(made["tass"])
    for i in range(1, exchanges + 1):
        swap = factories.ExchangeFactory(
            title=f"Prisoner exchange {i} after round {k}",
            commitment=commitment,
            kind=ExchangeKind.POW_SWAP,
            occurred_on=round_.held_on + datetime.timedelta(days=6 + i),
        )
        swap.sources.add(made["mirror"])
        factories.ExchangeCountFactory(exchange=swap, receiving_side=Side.UKRAINE, quantity=100)
        factories.ExchangeCountFactory(
            exchange=swap, receiving_side=Side.RUSSIA, quantity=100, claimed_by=Claimant.RUSSIA
        )
    bodies = factories.ExchangeFactory(
        title=f"Repatriation of bodies after round {k}",
        commitment=commitment,
        kind=ExchangeKind.BODIES,
        occurred_on=round_.held_on + datetime.timedelta(days=9),
    )
    bodies.sources.add(made["mirror"])
    for receiving_side, quantity, claimed_by in (
        (Side.UKRAINE, 6057, Claimant.UKRAINE),
        (Side.UKRAINE, 6060, Claimant.RUSSIA),
        (Side.RUSSIA, 78, Claimant.UKRAINE),
    ):
        factories.ExchangeCountFactory(
            exchange=bodies,
            receiving_side=receiving_side,
            category=Category.BODIES,
            quantity=quantity,
            claimed_by=claimed_by,
        )
    return bodies


def _drafts(made: dict) -> dict:
    """A draft of every kind, each hanging off published rows where it can."""
    first, last = made["rounds"][0], made["rounds"][-1]
    source = factories.SourceFactory(code="SDRAFT", publication_status=DRAFT)
    made["umerov"].sources.add(source)
    first.sources.add(source)
    round_ = factories.RoundFactory(number=9, title="Secret round", publication_status=DRAFT)
    person = factories.PersonFactory(
        name="Secret Person", aliases="Hiddenov", publication_status=DRAFT
    )
    exchange = factories.ExchangeFactory(
        title="Secret swap",
        commitment=first.commitments.get(),
        occurred_on=datetime.date(2025, 6, 20),
        publication_status=DRAFT,
    )
    delegation = factories.DelegationFactory(round=round_, side=DelegationSide.RUSSIA)
    return {
        "source": source,
        "round": round_,
        "person": person,
        "organization": factories.OrganizationFactory(
            name="Secret Agency", publication_status=DRAFT
        ),
        "event": factories.EventFactory(title="Secret event", publication_status=DRAFT),
        "document": factories.DocumentFactory(
            title="Secret memo", round=last, publication_status=DRAFT
        ),
        # Published itself, but in the draft round.
        "position": factories.PositionFactory(
            side=Side.RUSSIA, issue=made["nato"], round=round_, summary="Secret position"
        ),
        "commitment": factories.CommitmentFactory(
            title="Secret deal", round=last, issue=made["prisoners"], publication_status=DRAFT
        ),
        "exchange": exchange,
        "delegation": delegation,
        "participant": factories.ParticipantFactory(delegation=delegation, person=made["medinsky"]),
        "membership": factories.MembershipFactory(
            person=person, organization=made["ukraine"], post="Secret post"
        ),
        "exchange-count": factories.ExchangeCountFactory(exchange=exchange, quantity=777),
    }
