"""The loaded record says what the facts file says (data/istanbul-facts.md)."""

import datetime
import zoneinfo

import pytest

from actors.models import Membership, Organization, Person
from positions.models import (
    Commitment,
    Document,
    Exchange,
    ExchangeCount,
    Position,
    Provision,
)
from provenance.models import PublicationStatus, Source
from talks.models import Delegation, Event, Participant, Round, Venue

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("istanbul_record_for_module")]

ISTANBUL = zoneinfo.ZoneInfo("Europe/Istanbul")
FACT_MODELS = [
    Venue,
    Round,
    Delegation,
    Participant,
    Event,
    Document,
    Provision,
    Position,
    Commitment,
    Exchange,
    ExchangeCount,
    Person,
    Organization,
    Membership,
]


def local(dt):
    return dt.astimezone(ISTANBUL).strftime("%H:%M")


def test_rounds_are_held_at_the_palaces_on_their_days():
    # The Istanbul talks: later tracks number their own rounds from 1 too.
    rounds = {
        r.number: r for r in Round.objects.filter(track__slug="istanbul").select_related("venue")
    }
    assert [(n, r.held_on, r.venue.name) for n, r in sorted(rounds.items())] == [
        (1, datetime.date(2025, 5, 16), "Dolmabahçe Palace"),
        (2, datetime.date(2025, 6, 2), "Çırağan Palace"),
        (3, datetime.date(2025, 7, 23), "Çırağan Palace"),
    ]
    assert {r.status for r in rounds.values()} == {"held"}
    ciragan = Venue.objects.get(name="Çırağan Palace")
    assert set(ciragan.sources.values_list("code", flat=True)) == {
        # Anadolu's original (U3) in place of A News' copy of it (S67): the 2026 review.
        "SEED", "S28", "S35", "S99", "S66", "U3", "S86"
    }  # fmt: skip
    assert ciragan.confidence == "confirmed"


def test_round_times_are_istanbul_local_and_unknowns_stay_blank():
    r1, r2, r3 = Round.objects.filter(track__slug="istanbul").order_by("number")
    assert local(r1.actual_start_at) == "13:30"
    assert r1.scheduled_start_at is None
    assert local(r2.scheduled_start_at) == "13:00"
    # Established by the 2026 review (K6): 14:40 per RIA, 14:44 per Ukraine's Foreign Ministry.
    assert local(r2.actual_start_at) == "14:40"
    assert "14:44" in r2.timing_note
    assert (local(r3.scheduled_start_at), local(r3.actual_start_at), local(r3.actual_end_at)) == (
        "19:00",
        "20:37",
        "21:16",
    )
    assert (r1.working_language, r2.working_language, r3.working_language) == ("", "ru", "ru")


def test_ukraine_round_1_delegation_has_the_12_decree_members():
    delegation = Delegation.objects.get(
        round__track__slug="istanbul", round__number=1, side="ukraine"
    )
    members = delegation.participants.filter(role__in=["head", "member"])
    assert delegation.reported_size == 12
    assert members.count() == 12
    assert delegation.appointing_act == "Decree of the President of Ukraine No. 306/2025"
    # Sybiha and Yermak were in Istanbul, not at the table.
    accompanying = delegation.participants.filter(role="accompanying")
    assert {p.person.slug for p in accompanying} == {"andrii-sybiha", "andriy-yermak"}
    assert {p.at_table for p in accompanying} == {False}


def test_ukraine_delegation_sizes_by_round():
    named = {
        d.round.number: d.participants.filter(role__in=["head", "member"]).count()
        for d in Delegation.objects.filter(
            side="ukraine", round__track__slug="istanbul"
        ).select_related("round")
    }
    assert named == {1: 12, 2: 14, 3: 13}  # the 14th member of round 3 is unverified


def test_june_bodies_keep_both_sides_figures():
    repatriation = Exchange.objects.get(title="Repatriation of bodies, 11–16 June")
    claims = set(
        repatriation.counts.values_list("receiving_side", "category", "quantity", "claimed_by")
    )
    assert ("ukraine", "bodies", 6057, "ukraine") in claims
    assert ("ukraine", "bodies", 6060, "russia") in claims
    assert ("russia", "bodies", 78, "russia") in claims
    assert repatriation.confidence == "contested"
    assert repatriation.mediator.short_name == "ICRC"
    # The 2026 review added the 13 June stage (K3): the five days add up to 6,057.
    assert repatriation.stages.count() == 5
    stages = ExchangeCount.objects.filter(
        exchange__part_of=repatriation, receiving_side="ukraine", claimed_by="ukraine"
    )
    assert sum(stages.values_list("quantity", flat=True)) == 6057


def test_european_advisers_were_in_istanbul_but_not_at_the_table():
    advisers = Participant.objects.filter(
        delegation__round__number=1, delegation__side="partners", role="adviser"
    ).select_related("person", "represents")
    assert {(p.person.name, p.represents.country_code) for p in advisers} == {
        ("Jonathan Powell", "GB"),
        ("Emmanuel Bonne", "FR"),
        ("Günther Sautter", "DE"),
    }
    assert {p.at_table for p in advisers} == {False}
    round_2_partners = Delegation.objects.get(round__number=2, side="partners")
    assert "German government spokesperson" in round_2_partners.summary


def test_medinsky_heads_russia_in_all_three_rounds():
    heads = Participant.objects.filter(
        delegation__side="russia", role="head", delegation__round__track__slug="istanbul"
    )
    assert sorted(heads.values_list("delegation__round__number", "person__slug")) == [
        (1, "vladimir-medinsky"),
        (2, "vladimir-medinsky"),
        (3, "vladimir-medinsky"),
    ]


def test_umerov_title_changes_between_rounds_2_and_3():
    titles = dict(
        Participant.objects.filter(
            person__slug="rustem-umerov", role="head", delegation__round__track__slug="istanbul"
        ).values_list("delegation__round__number", "title_at_time")
    )
    assert titles == {
        1: "Minister of Defence",
        2: "Minister of Defence",
        3: "Secretary of the National Security and Defence Council",
    }
    nsdc = Membership.objects.get(person__slug="rustem-umerov", organization__short_name="NSDC")
    # Dates established by the 2026 review (K5): decree 496/2025 of 18 July 2025; he left the
    # Ministry of Defence on 17 July, when the Rada appointed Shmyhal.
    assert (nsdc.start_on, nsdc.start_precision) == (datetime.date(2025, 7, 18), "day")
    defence = Membership.objects.get(person__slug="rustem-umerov", post="Minister of Defence")
    assert (defence.end_on, defence.ended_date_unknown) == (datetime.date(2025, 7, 17), False)
    assert list(Membership.objects.filter(person__slug="rustem-umerov").current()) == [nsdc]


def test_shevtsov_first_name_is_kept_contested():
    shevtsov = Participant.objects.get(person__slug="shevtsov")
    assert shevtsov.confidence == "contested"
    assert "Viktor" in shevtsov.confidence_note
    assert "Vladimir" in shevtsov.confidence_note
    assert shevtsov.at_table is None


@pytest.mark.parametrize("model", FACT_MODELS, ids=lambda m: m.__name__)
def test_every_fact_bearing_row_cites_a_source(model):
    assert model.objects.exists()
    assert not model.objects.filter(sources__isnull=True).exists()


def test_everything_loaded_is_published():
    for model in [Source, *FACT_MODELS]:
        if hasattr(model.objects, "published"):
            assert model.objects.published().count() == model.objects.count(), model
        if any(f.name == "publication_status" for f in model._meta.fields):
            assert set(model.objects.values_list("publication_status", flat=True)) == {
                PublicationStatus.PUBLISHED
            }


def test_state_media_are_marked_and_mirrors_flagged():
    assert Source.objects.get(code="S41").state_affiliation == "russia"  # TASS
    assert Source.objects.get(code="S99").state_affiliation == "russia"  # Zvezda
    assert Source.objects.get(code="S61").state_affiliation == ""  # Ukrainska Pravda
    assert Source.objects.get(code="S19").is_mirror  # Reuters rewrite
    assert Source.objects.filter(code__regex=r"^S\d+$").count() == 105


@pytest.mark.parametrize(
    ("model", "query", "expected"),
    [
        (Person, "Umierov", "Rustem Umerov"),
        (Person, "Kislitsa", "Serhiy Kyslytsia"),
        (Person, "Умєров", "Rustem Umerov"),
        (Person, "Lugovskoy", "Oleh Luhovskyi"),
        (Person, "Kalin", "İbrahim Kalın"),
        (Person, "Gnatov", "Andriy Hnatov"),
        (Venue, "Чирагань", "Çırağan Palace"),
        (Venue, "Ciragan", "Çırağan Palace"),
        (Venue, "Dolmabahce", "Dolmabahçe Palace"),
    ],
)
def test_search_finds_transliterations(model, query, expected):
    assert expected in {obj.name for obj in model.objects.search(query)}


def test_round_1_exchange_adds_up_to_1000_each():
    commitment = Commitment.objects.get(slug="r1-pow-exchange-1000-for-1000")
    received = {
        side: sum(
            ExchangeCount.objects.filter(
                exchange__commitment=commitment, receiving_side=side
            ).values_list("quantity", flat=True)
        )
        for side in ("ukraine", "russia")
    }
    # Stage 2's Russian figure is Ukraine's; each side still counts once per stage.
    assert received == {"ukraine": 1000, "russia": 1000}
    assert commitment.status == "fulfilled"
