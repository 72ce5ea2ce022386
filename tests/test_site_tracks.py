"""Tracks on the site: a track's page and the list of tracks, rounds numbered within their track
with their own addresses, feeds and calendars, and the Istanbul talks' addresses from before."""

import datetime

import icalendar
import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from positions.models import ExchangeKind
from provenance.models import Claimant, Side
from talks.models import DelegationSide, ParticipantRole, RoundFormat
from tests.factories import (
    CommitmentFactory,
    DelegationFactory,
    EventFactory,
    ExchangeCountFactory,
    ExchangeFactory,
    OrganizationFactory,
    ParticipantFactory,
    RoundFactory,
    SourceFactory,
    StandingDelegationFactory,
    StandingMemberFactory,
    TrackFactory,
    VenueFactory,
)

pytestmark = pytest.mark.django_db


def trilateral_record(rounds: int, members: int) -> dict:
    """A second track with `rounds` rounds, an appointed delegation of `members`, agreements and
    exchanges, beside the Istanbul talks' round 1."""
    istanbul_round = RoundFactory(number=1, title="First round in Istanbul")
    track = TrackFactory(slug="trilateral", name="Trilateral talks", short_name="Trilateral")
    source = SourceFactory()
    track.sources.add(source)
    appointed = StandingDelegationFactory(track=track, appointing_act="Decree No. 869/2025")
    appointed.sources.add(source)
    StandingMemberFactory(standing_delegation=appointed, role=ParticipantRole.HEAD)
    StandingMemberFactory.create_batch(members, standing_delegation=appointed)
    made = []
    for number in range(1, rounds + 1):
        round_ = RoundFactory(
            track=track,
            number=number,
            title=f"Trilateral round {number}",
            format=RoundFormat.TRILATERAL,
            held_on=datetime.date(2026, 1, 23) + datetime.timedelta(days=14 * number),
            venue=VenueFactory(city="Abu Dhabi", country_code="AE"),
        )
        round_.sources.add(source)
        for side in (DelegationSide.UKRAINE, DelegationSide.RUSSIA, DelegationSide.MEDIATOR):
            delegation = DelegationFactory(round=round_, side=side, standing=None)
            ParticipantFactory(delegation=delegation, role=ParticipantRole.HEAD)
            ParticipantFactory.create_batch(members, delegation=delegation)
        commitment = CommitmentFactory(round=round_, title=f"Swap agreed at round {number}")
        for _ in range(2):
            swap = ExchangeFactory(commitment=commitment, kind=ExchangeKind.POW_SWAP)
            ExchangeCountFactory(
                exchange=swap, receiving_side=Side.UKRAINE, claimed_by=Claimant.UKRAINE
            )
            ExchangeCountFactory(
                exchange=swap, receiving_side=Side.RUSSIA, claimed_by=Claimant.RUSSIA
            )
        EventFactory(track=track, title=f"Appointment {number}")
        made.append(round_)
    return {"track": track, "rounds": made, "istanbul_round": istanbul_round}


@pytest.mark.parametrize(("rounds", "members"), [(1, 1), (4, 6)])
def test_track_page_queries_do_not_grow_with_rounds_or_members(
    client, django_assert_num_queries, rounds, members
):
    trilateral_record(rounds, members)
    # 1. the track  2. its parties  3. its mediators  4. its sources
    # 5. the delegations appointed for it or sitting in its rounds  6. their sources
    # 7. their members with person  8. the members' sources
    # 9. its rounds with venue, city and track  10. their delegations  11. who led them
    # 12. the rounds' sources
    # 13. its commitments with round, track and issue  14. their sources
    # 15. their exchanges  16. exchange counts
    # 17. events of the track outside a round  18. their sources
    # 19. the record's review date (footer)
    with django_assert_num_queries(19):
        response = client.get("/tracks/trilateral/")
    assert response.status_code == 200
    assert len(response.context["rounds"]) == rounds
    text = response.content.decode()
    assert "Decree No. 869/2025" in text
    assert "Trilateral round 1" in text


@pytest.mark.parametrize(("rounds", "members"), [(1, 1), (4, 6)])
def test_track_list_queries_do_not_grow_with_rounds(
    client, django_assert_num_queries, rounds, members
):
    trilateral_record(rounds, members)
    # 1. tracks  2. their parties  3. their mediators  4. their rounds with venue and city
    # 5. the record's review date (footer)
    # 6. when the record last changed ("Cite this page": a page about no one row)
    with django_assert_num_queries(6):
        response = client.get("/tracks/")
    assert response.status_code == 200
    assert [t.slug for t in response.context["tracks"]] == ["istanbul", "trilateral"]


def test_a_round_of_another_track_has_its_own_address_feed_and_calendar(client):
    made = trilateral_record(1, 1)
    round_ = made["rounds"][0]
    assert round_.get_absolute_url() == "/tracks/trilateral/rounds/1/"
    page = client.get("/tracks/trilateral/rounds/1/").content.decode()
    assert 'href="/feeds/tracks/trilateral/rounds/1/changes.atom"' in page
    assert 'href="/tracks/trilateral/rounds/1.ics"' in page
    assert "Abu Dhabi time" not in page or "Trilateral talks" in page
    # The Istanbul talks' round 1 is still /rounds/1/.
    assert client.get("/rounds/1/").context["round"] == made["istanbul_round"]
    calendar = icalendar.Calendar.from_ical(client.get("/rounds.ics").content)
    uids = sorted(str(event["UID"]) for event in calendar.walk("VEVENT"))
    assert uids == ["round-1@127.0.0.1", "round-trilateral-1@127.0.0.1"]
    feed = client.get("/feeds/tracks/trilateral/rounds/1/changes.atom")
    assert feed.status_code == 200
    assert b"tag:127.0.0.1,2025-05-16:changes/round-trilateral-1" in feed.content


def test_the_istanbul_talks_track_form_of_an_address_redirects_to_the_old_one(client):
    RoundFactory(number=2)
    for new, old in (
        ("/tracks/istanbul/rounds/2/", "/rounds/2/"),
        ("/tracks/istanbul/rounds/2.ics", "/rounds/2.ics"),
        ("/feeds/tracks/istanbul/rounds/2/changes.atom", "/feeds/rounds/2/changes.atom"),
    ):
        response = client.get(new)
        assert (response.status_code, response["Location"]) == (301, old)


def test_a_multi_day_round_shows_its_days_and_is_an_all_day_calendar_event(client):
    track = TrackFactory(slug="trilateral")
    RoundFactory(
        track=track,
        number=1,
        held_on=datetime.date(2026, 1, 23),
        ended_on=datetime.date(2026, 1, 24),
    )
    page = client.get("/tracks/trilateral/rounds/1/").content.decode()
    assert "23–24 January 2026" in page
    (event,) = icalendar.Calendar.from_ical(
        client.get("/tracks/trilateral/rounds/1.ics").content
    ).walk("VEVENT")
    assert (event.start, event.end) == (datetime.date(2026, 1, 23), datetime.date(2026, 1, 25))


def test_the_api_round_filter_means_the_istanbul_talks_unless_a_track_is_named(client):
    made = trilateral_record(1, 1)
    istanbul = DelegationFactory(round=made["istanbul_round"])
    by_number = client.get("/api/v1/delegations/", {"round": 1}).json()["results"]
    assert [d["id"] for d in by_number] == [istanbul.pk]
    in_track = client.get("/api/v1/delegations/", {"round": 1, "track": "trilateral"}).json()
    assert {d["round"]["id"] for d in in_track["results"]} == {made["rounds"][0].pk}
    unknown = client.get("/api/v1/delegations/", {"track": "nowhere"})
    assert unknown.status_code == 400  # a slug no track has is refused, naming those that exist
    assert "trilateral" in unknown.content.decode()


def test_round_numbers_are_unique_within_a_track_only():
    istanbul_round = RoundFactory(number=1)
    RoundFactory(track=TrackFactory(slug="trilateral"), number=1)
    twin = RoundFactory.build(track=istanbul_round.track, number=1, venue=istanbul_round.venue)
    with pytest.raises(ValidationError, match="This track already has a round with this number."):
        twin.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        twin.save()


def test_a_round_cannot_end_before_its_first_day():
    round_ = RoundFactory.build(
        held_on=datetime.date(2026, 2, 18), ended_on=datetime.date(2026, 2, 17)
    )
    round_.venue.save()
    with pytest.raises(ValidationError, match="A round cannot end before its first day."):
        round_.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        round_.save()


def test_an_appointment_cannot_end_before_it_is_made_nor_name_two_heads():
    appointed = StandingDelegationFactory.build(
        track=TrackFactory(),
        appointed_on=datetime.date(2025, 11, 28),
        ended_on=datetime.date(2025, 11, 22),
    )
    with pytest.raises(ValidationError, match="An appointment cannot end before it is made."):
        appointed.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        appointed.save()
    head = StandingMemberFactory(role=ParticipantRole.HEAD)
    second = StandingMemberFactory.build(
        standing_delegation=head.standing_delegation, role=ParticipantRole.HEAD
    )
    second.person.save()
    with pytest.raises(ValidationError, match="An appointment names only one head."):
        second.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        second.save()


def test_a_commitment_made_at_a_round_belongs_to_the_rounds_track():
    round_ = RoundFactory(track=TrackFactory(slug="trilateral"), number=1)
    commitment = CommitmentFactory(round=round_)
    assert commitment.track.slug == "trilateral"
    commitment.track = TrackFactory()  # the Istanbul talks
    with pytest.raises(ValidationError, match="The round belongs to another track."):
        commitment.full_clean()


def test_a_mediators_own_figures_are_shown_as_its_claim_and_never_added(client):
    mediator = OrganizationFactory(name="United Arab Emirates", short_name="UAE")
    uae = ExchangeFactory(
        commitment=None, mediator=mediator, mediator_ordinal=22, mediator_running_total=6691
    )
    ExchangeCountFactory(
        exchange=uae, receiving_side=Side.UKRAINE, claimed_by=Claimant.MEDIATOR, quantity=193
    )
    page = client.get(uae.get_absolute_url()).content.decode()
    assert "its 22nd mediation; 6,691 people exchanged through it in all" in page
    tracker = client.get("/commitments/")
    assert [x.pk for x in tracker.context["mediator_claims"]] == [uae.pk]
    totals = tracker.context["overall_totals"]
    assert [f.quantity for line in totals for f in line.figures] == [193]
