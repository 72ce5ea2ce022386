"""Integrity rules hold twice: editors see the message, and the database refuses what slips past."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from positions.models import AgreedBy, Exchange, ExchangeCount, Position
from provenance.models import Claimant, Side
from talks.models import Delegation, DelegationSide, Participant, ParticipantRole, Round
from tests.factories import (
    CommitmentFactory,
    DelegationFactory,
    ExchangeCountFactory,
    ExchangeFactory,
    MembershipFactory,
    ParticipantFactory,
    PersonFactory,
    PositionFactory,
    RoundFactory,
    aware,
)

pytestmark = pytest.mark.django_db


def assert_refused(instance, message: str) -> None:
    with pytest.raises(ValidationError) as excinfo:
        instance.full_clean()
    assert message in str(excinfo.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        instance.save()


def test_round_cannot_end_before_it_starts():
    round_ = RoundFactory.build(
        actual_start_at=aware(2025, 7, 23, 20, 37), actual_end_at=aware(2025, 7, 23, 19, 0)
    )
    round_.venue.save()
    assert_refused(round_, "A round cannot end before it starts.")


def test_round_ending_after_start_is_accepted():
    round_ = RoundFactory(
        actual_start_at=aware(2025, 7, 23, 20, 37), actual_end_at=aware(2025, 7, 23, 21, 16)
    )
    round_.full_clean()
    assert round_.duration == datetime.timedelta(minutes=39)


def test_exchange_count_cannot_be_negative():
    count = ExchangeCountFactory.build(exchange=ExchangeFactory(), quantity=-1)
    assert_refused(count, "A count cannot be negative.")


def test_both_sides_figures_for_the_same_count_are_kept_but_not_twice_from_one_claimant():
    exchange = ExchangeFactory()
    ExchangeCountFactory(exchange=exchange, quantity=6057, claimed_by=Claimant.UKRAINE)
    ExchangeCountFactory(exchange=exchange, quantity=6060, claimed_by=Claimant.RUSSIA)
    duplicate = ExchangeCount(
        exchange=exchange,
        receiving_side=Side.UKRAINE,
        category="pows",
        quantity=1,
        claimed_by=Claimant.UKRAINE,
    )
    assert_refused(duplicate, "This claimant already has a count for this side and category.")
    assert exchange.counts.count() == 2


def test_one_delegation_per_side_per_round():
    delegation = DelegationFactory(side=DelegationSide.RUSSIA)
    second = Delegation(round=delegation.round, side=DelegationSide.RUSSIA)
    assert_refused(second, "This round already has a delegation for this side.")


def test_a_delegation_has_one_head():
    head = ParticipantFactory(role=ParticipantRole.HEAD)
    second_head = Participant(
        delegation=head.delegation, person=PersonFactory(), role=ParticipantRole.HEAD
    )
    assert_refused(second_head, "A delegation has only one head.")


def test_a_participant_is_a_person():
    participant = Participant(delegation=DelegationFactory(), role=ParticipantRole.MEMBER)
    with pytest.raises(ValidationError) as excinfo:
        participant.full_clean()
    assert "person" in excinfo.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        participant.save()


def test_one_position_per_side_issue_and_round():
    position = PositionFactory()
    again = Position(
        side=position.side,
        issue=position.issue,
        round=position.round,
        stance="rejects",
        summary="Again",
    )
    assert_refused(again, "This side already has a position on this issue at this round.")


def test_membership_cannot_end_before_it_starts():
    membership = MembershipFactory.build(
        person=PersonFactory(),
        start_on=datetime.date(2025, 7, 17),
        end_on=datetime.date(2024, 9, 5),
    )
    membership.organization.save()
    assert_refused(membership, "A post cannot end before it starts.")


def test_membership_has_an_end_date_or_is_ended_on_an_unknown_date_not_both():
    membership = MembershipFactory.build(
        person=PersonFactory(), end_on=datetime.date(2025, 7, 22), ended_date_unknown=True
    )
    membership.organization.save()
    assert_refused(membership, "Give the end date or tick “ended, date unknown”, not both.")


def test_exchange_cannot_end_before_it_starts():
    exchange = ExchangeFactory.build(
        commitment=CommitmentFactory(),
        occurred_on=datetime.date(2025, 6, 16),
        ended_on=datetime.date(2025, 6, 11),
    )
    assert_refused(exchange, "An exchange cannot end before it starts.")


def test_one_side_commitment_names_the_side_that_announced_it():
    commitment = CommitmentFactory.build(
        round=RoundFactory(), issue=CommitmentFactory().issue, agreed_by=AgreedBy.ONE_SIDE
    )
    assert_refused(commitment, "Name the side that announced it if, and only if, one side did.")


def test_deleting_a_round_with_delegations_is_refused():
    delegation = DelegationFactory()
    from django.db.models import ProtectedError

    with pytest.raises(ProtectedError):
        delegation.round.delete()
    assert Round.objects.filter(pk=delegation.round.pk).exists()


def test_deleting_a_commitment_with_exchanges_is_refused():
    exchange = ExchangeFactory()
    from django.db.models import ProtectedError

    with pytest.raises(ProtectedError):
        exchange.commitment.delete()
    assert Exchange.objects.filter(pk=exchange.pk).exists()
