"""published() is the single rule for what readers, the API, feeds and downloads may see."""

import pytest

from positions.models import Commitment, Exchange, ExchangeCount, Position, Provision
from provenance.models import PublicationStatus
from talks.models import Delegation, Event, Participant, Round
from tests.factories import (
    EventFactory,
    ExchangeCountFactory,
    ExchangeFactory,
    ParticipantFactory,
    PositionFactory,
    ProvisionFactory,
    RoundFactory,
)

pytestmark = pytest.mark.django_db

DRAFT = PublicationStatus.DRAFT
IN_REVIEW = PublicationStatus.IN_REVIEW


@pytest.mark.parametrize("status", [DRAFT, IN_REVIEW])
def test_unpublished_rounds_and_events_are_excluded(status):
    visible = RoundFactory()
    RoundFactory(publication_status=status)
    EventFactory(publication_status=status)
    shown = EventFactory()
    assert list(Round.objects.published()) == [visible]
    assert list(Event.objects.published()) == [shown]


def test_content_of_a_draft_round_is_hidden_even_when_itself_published():
    draft_round = RoundFactory(publication_status=DRAFT)
    participant = ParticipantFactory(delegation__round=draft_round)
    position = PositionFactory(round=draft_round)
    assert not Delegation.objects.published().filter(pk=participant.delegation.pk).exists()
    assert not Participant.objects.published().filter(pk=participant.pk).exists()
    assert not Position.objects.published().filter(pk=position.pk).exists()


def test_exchange_of_a_draft_commitment_is_hidden():
    exchange = ExchangeFactory(commitment__publication_status=DRAFT)
    assert not Commitment.objects.published().exists()
    assert not Exchange.objects.published().filter(pk=exchange.pk).exists()


def test_commitment_of_a_draft_round_is_hidden():
    exchange = ExchangeFactory(commitment__round__publication_status=DRAFT)
    assert not Commitment.objects.published().filter(pk=exchange.commitment.pk).exists()


def test_event_about_a_draft_round_waits_for_the_round():
    draft_round = RoundFactory(publication_status=DRAFT)
    event = EventFactory(round=draft_round)
    standalone = EventFactory(round=None)
    assert list(Event.objects.published()) == [standalone]
    draft_round.publication_status = PublicationStatus.PUBLISHED
    draft_round.save()
    assert set(Event.objects.published()) == {event, standalone}


def test_children_without_a_status_follow_their_parents():
    provision = ProvisionFactory(document__publication_status=DRAFT)
    count = ExchangeCountFactory(exchange__commitment__round__publication_status=IN_REVIEW)
    assert not Provision.objects.published().filter(pk=provision.pk).exists()
    assert not ExchangeCount.objects.published().filter(pk=count.pk).exists()
    shown = ExchangeCountFactory(exchange__commitment=None)
    assert list(ExchangeCount.objects.published()) == [shown]


def test_a_stage_of_a_draft_total_is_hidden():
    total = ExchangeFactory(commitment=None, publication_status=DRAFT)
    stage = ExchangeFactory(commitment=None, part_of=total)
    assert not Exchange.objects.published().filter(pk=stage.pk).exists()
    # Its counts go with it: an exchange count is public exactly when its exchange is.
    count = ExchangeCountFactory(exchange=stage)
    assert not ExchangeCount.objects.published().filter(pk=count.pk).exists()
