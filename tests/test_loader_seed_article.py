"""Everything the seed article states is present in the loaded record.

Each entry pairs a statement of data/seed-article-2025-06-02.txt with a check that the row
representing it exists (and cites the article, source "SEED", where the article is the source).
docs/seed-article.md is the same list as a table, for readers.
"""

import datetime
import zoneinfo

import pytest

from actors.models import Membership, Person
from positions.models import Commitment, Document, Position
from provenance.models import Source
from talks.models import Delegation, Event, Participant, Round, Venue

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("istanbul_record_for_module")]


def cites_seed(obj) -> bool:
    return obj.sources.filter(code="SEED").exists()


def position(side, issue, round_number):
    return Position.objects.get(
        side=side, issue__slug=issue, round__track__slug="istanbul", round__number=round_number
    )


def seed_event(on, title_part):
    event = Event.objects.get(occurred_on=on, title__contains=title_part)
    assert cites_seed(event)
    return event


def check_meeting_today():
    round_2 = Round.objects.get(track__slug="istanbul", number=2)
    assert round_2.held_on == datetime.date(2025, 6, 2)
    assert cites_seed(round_2)
    assert set(round_2.documents.values_list("kind", flat=True)) >= {"memorandum", "framework"}


def check_drone_strike():
    event = seed_event(datetime.date(2025, 6, 1), "strategic bombers")
    assert event.kind == "context"
    assert event.round.number == 2
    for detail in ("around 40 long-range bombers", "$7 billion", "18-month", "smuggling drones"):
        assert detail in event.summary


def check_prompted_by_trump_first_since_2022():
    round_1 = Round.objects.get(track__slug="istanbul", number=1)
    assert "Trump" in round_1.summary
    assert "first direct" in round_1.summary
    assert cites_seed(round_1)
    assert Membership.objects.filter(person__slug="donald-trump", post="President").exists()


def check_progress_limited():
    assert "far apart" in Round.objects.get(track__slug="istanbul", number=2).summary


def check_r1_prisoner_exchange():
    assert cites_seed(Commitment.objects.get(slug="r1-pow-exchange-1000-for-1000"))


def check_r1_visions():
    assert cites_seed(Commitment.objects.get(slug="r1-written-ceasefire-visions"))


def check_round_2_at_1pm():
    start = Round.objects.get(track__slug="istanbul", number=2).scheduled_start_at
    assert start.astimezone(zoneinfo.ZoneInfo("Europe/Istanbul")).strftime("%H:%M") == "13:00"
    # "10am Irish time" is 10:00 UTC; Ireland was on summer time (11:00), and the record says so.
    assert start.astimezone(datetime.UTC).strftime("%H:%M") == "10:00"
    assert "10:00 UTC" in Round.objects.get(track__slug="istanbul", number=2).timing_note


def check_ciragan_palace():
    venue = Round.objects.get(track__slug="istanbul", number=2).venue
    assert venue.name == "Çırağan Palace"
    assert "Ottoman-era mansion" in venue.description
    assert "luxury hotel" in venue.description
    assert "Bosphorus" in venue.description
    assert venue in Venue.objects.search("Ciragan")


def check_memorandum_not_in_advance():
    memo = Document.objects.get(slug="russia-memorandum-2025-06-02")
    assert memo.delivery == "at_meeting"
    assert cites_seed(memo)
    assert "refused to send its demands in advance" in memo.summary


def check_zelensky_three_demands():
    event = seed_event(datetime.date(2025, 6, 1), "Zelensky")
    assert set(event.issues.values_list("slug", flat=True)) >= {
        "ceasefire",
        "prisoners-of-war",
        "deported-children",
    }
    for issue in ("ceasefire", "prisoners-of-war", "deported-children"):
        assert cites_seed(position("ukraine", issue, 2))


def check_leaders_quote():
    stance = position("ukraine", "leaders-meeting", 2)
    assert "The key issues can only be resolved by the leaders" in stance.summary
    assert cites_seed(stance)


def check_kremlin_rejects_summit():
    seed_event(datetime.date(2025, 6, 2), "Kremlin")
    stance = position("russia", "leaders-meeting", 2)
    assert stance.stance == "accepts_with_conditions"
    assert cites_seed(stance)


def check_legitimacy():
    stance = position("russia", "elections-politics", 2)
    assert "legitimacy" in stance.summary
    assert cites_seed(stance)


def check_russian_demand(issue, phrase):
    def check():
        stance = position("russia", issue, 2)
        assert stance.stance == "demands"
        assert phrase in stance.summary
        assert cites_seed(stance)

    return check


def check_rejected_as_imperialist():
    stance = position("ukraine", "territory", 2)
    assert stance.stance == "rejects"
    assert "imperialist" in stance.summary
    assert cites_seed(stance)


def check_invasion_context():
    event = seed_event(datetime.date(2022, 2, 24), "invasion")
    assert "Tens of thousands" in event.summary
    assert "millions displaced" in event.summary


def check_medinsky_represents_russia():
    head = Participant.objects.get(
        delegation__round__track__slug="istanbul",
        delegation__round__number=2,
        delegation__side="russia",
        role="head",
    )
    assert head.person.slug == "vladimir-medinsky"
    assert cites_seed(head)


def check_medinsky_biography():
    medinsky = Person.objects.get(slug="vladimir-medinsky")
    assert "nationalist ideologue" in medinsky.biography
    assert "2022" in medinsky.biography
    assert cites_seed(medinsky)


def check_umerov_heads_ukraine():
    head = Participant.objects.get(
        delegation__round__track__slug="istanbul",
        delegation__round__number=2,
        delegation__side="ukraine",
        role="head",
    )
    assert head.person.slug == "rustem-umerov"
    assert head.title_at_time == "Minister of Defence"
    assert cites_seed(head)


def check_umerov_biography():
    umerov = Person.objects.get(slug="rustem-umerov")
    assert "pragmatic" in umerov.biography
    assert "alleged misconduct" in umerov.biography
    assert cites_seed(umerov)


def check_european_advisers():
    partners = Delegation.objects.get(
        round__track__slug="istanbul", round__number=2, side="partners"
    )
    assert "Germany, France and the UK" in partners.summary
    assert cites_seed(partners)
    assert not partners.participants.filter(at_table=True).exists()


def check_sumy_buffer_zone():
    event = seed_event(datetime.date(2025, 6, 2), "Sumy")
    assert "buffer zone" in event.summary


def check_western_military_support():
    stance = position("russia", "military-limits", 2)
    assert "Western military support" in stance.summary
    assert cites_seed(stance)


def check_full_ceasefire_space():
    stance = position("ukraine", "ceasefire", 2)
    assert "only a full ceasefire will allow space" in stance.summary
    assert cites_seed(stance)


def check_territory_diplomacy():
    summary = position("ukraine", "territory", 2).summary
    assert "holding its ground" in summary
    assert "through diplomacy" in summary


def check_security_guarantees():
    ukraine = position("ukraine", "security-guarantees", 2)
    russia = position("russia", "security-guarantees", 2)
    assert ukraine.stance == "demands"
    assert "NATO protection or foreign troops" in ukraine.summary
    assert russia.stance == "rejects"
    assert "firmly rejected" in russia.summary
    assert cites_seed(ukraine)
    assert cites_seed(russia)


def check_article_is_a_source():
    seed = Source.objects.get(code="SEED")
    assert seed.published_on == datetime.date(2025, 6, 2)
    # No public address is known: the text is kept with the data files, as its note says.
    assert seed.kind == "offline"
    assert "seed-article-2025-06-02.txt" in seed.note


STATEMENTS = [
    (
        "meeting-today",
        "Russian and Ukrainian officials will meet in Istanbul today to exchange proposals",
        check_meeting_today,
    ),
    (
        "drone-strike",
        "one day after Ukraine struck dozens of Russian strategic bombers … around 40 … $7 billion … 18-month operation … smuggling drones",
        check_drone_strike,
    ),
    (
        "trump-first-since-2022",
        "Prompted by US President Donald Trump … resumed direct negotiations for the first time since the early months of Russia's invasion",
        check_prompted_by_trump_first_since_2022,
    ),
    (
        "progress-limited",
        "progress toward a peace agreement remains limited … the two sides remain far apart",
        check_progress_limited,
    ),
    (
        "r1-prisoner-exchange",
        "At last month's initial round … agreed to a large-scale prisoner exchange",
        check_r1_prisoner_exchange,
    ),
    (
        "r1-visions",
        "and shared outlines of their respective visions for a peace deal",
        check_r1_visions,
    ),
    ("r2-1pm", "The second round is set to begin at 1pm (10am Irish time)", check_round_2_at_1pm),
    (
        "ciragan",
        "at the historic Ciragan Palace, an Ottoman-era mansion now operating as a luxury hotel on the Bosphorus",
        check_ciragan_palace,
    ),
    (
        "memorandum",
        "Russia says it will present a 'memorandum' … but has refused to send its demands in advance",
        check_memorandum_not_in_advance,
    ),
    (
        "zelensky-demands",
        "Ukraine is demanding an immediate and unconditional ceasefire, the release of prisoners, and the return of abducted children",
        check_zelensky_three_demands,
    ),
    ("leaders-quote", "'The key issues can only be resolved by the leaders.'", check_leaders_quote),
    (
        "kremlin-rejects-summit",
        "The Kremlin has rejected that idea, insisting a summit could only follow progress in lower-level negotiations",
        check_kremlin_rejects_summit,
    ),
    ("legitimacy", "Russia continues to question Zelensky's legitimacy", check_legitimacy),
    (
        "military-limits",
        "sweeping demands, including limits on Ukraine's military",
        check_russian_demand("military-limits", "limits on Ukraine's military"),
    ),
    (
        "nato-ban",
        "a ban on NATO membership",
        check_russian_demand("nato-alliances", "ban on NATO membership"),
    ),
    (
        "territorial-concessions",
        "and large territorial concessions",
        check_russian_demand("territory", "large territorial concessions"),
    ),
    (
        "rejected-imperialist",
        "conditions Kyiv and Western allies have strongly rejected as imperialist",
        check_rejected_as_imperialist,
    ),
    (
        "invasion-toll",
        "Tens of thousands have died since Russia's 2022 invasion … millions have been displaced",
        check_invasion_context,
    ),
    (
        "medinsky-represents",
        "Russia will be represented by Vladimir Medinsky",
        check_medinsky_represents_russia,
    ),
    (
        "medinsky-bio",
        "a close Putin ally and nationalist ideologue who led failed negotiations in 2022",
        check_medinsky_biography,
    ),
    (
        "umerov-heads",
        "Ukraine's delegation is headed by Defence Minister Rustem Umerov",
        check_umerov_heads_ukraine,
    ),
    (
        "umerov-bio",
        "seen as pragmatic but currently facing domestic scrutiny over alleged misconduct",
        check_umerov_biography,
    ),
    (
        "european-advisers",
        "Diplomatic advisors from Germany, France, and the UK will be present in Istanbul to support Ukraine's delegation",
        check_european_advisers,
    ),
    (
        "sumy-buffer-zone",
        "Russian forces are advancing in the northeastern Sumy region, where President Putin has ordered the creation of a 'buffer zone'",
        check_sumy_buffer_zone,
    ),
    (
        "western-support-territory",
        "Russia has demanded that Ukraine cut ties with Western military support and surrender territory",
        check_western_military_support,
    ),
    (
        "full-ceasefire-space",
        "Ukraine … insists on holding its ground and says only a full ceasefire will allow space for longer-term peace talks",
        check_full_ceasefire_space,
    ),
    (
        "territory-diplomacy",
        "Kyiv acknowledges that some territory may only be regained through diplomacy, not war",
        check_territory_diplomacy,
    ),
    (
        "security-guarantees",
        "strong Western security guarantees – such as NATO protection or foreign troops on the ground – measures Moscow has firmly rejected",
        check_security_guarantees,
    ),
    ("the-article", "(the article itself, 2 June 2025)", check_article_is_a_source),
]


@pytest.mark.parametrize(
    ("statement", "check"), [(q, c) for _, q, c in STATEMENTS], ids=[i for i, _, _ in STATEMENTS]
)
def test_seed_article_statement_is_in_the_record(statement, check):
    check()
