"""Publishing needs a source for every fact, and a round goes out with its drafts, all or nothing."""

import logging

import pytest
from django.core.exceptions import PermissionDenied

from positions import services
from provenance.models import PublicationStatus
from provenance.workflow import WorkflowError, change_status
from talks.models import Round
from tests.factories import (
    CommitmentFactory,
    DelegationFactory,
    DocumentFactory,
    EventFactory,
    ParticipantFactory,
    PersonFactory,
    PositionFactory,
    RoundFactory,
    SourceFactory,
)

DRAFT, PUBLISHED = PublicationStatus.DRAFT, PublicationStatus.PUBLISHED


def draft_round_with_everything(source):
    """Round 4 logged as drafts: delegation with a draft person, position, commitment, document."""
    round_ = RoundFactory(number=4, title="Fourth round", publication_status=DRAFT)
    delegation = DelegationFactory(round=round_, publication_status=DRAFT)
    participant = ParticipantFactory(
        delegation=delegation, person=PersonFactory(name="New Negotiator", publication_status=DRAFT)
    )
    position = PositionFactory(round=round_, publication_status=DRAFT)
    commitment = CommitmentFactory(round=round_, publication_status=DRAFT)
    document = DocumentFactory(round=round_, publication_status=DRAFT)
    event = EventFactory(round=round_, publication_status=DRAFT)
    for fact in (round_, delegation, participant, participant.person, position, commitment):
        fact.sources.add(source)
    document.sources.add(source)
    event.sources.add(source)
    return round_


@pytest.mark.django_db
def test_publishing_a_fact_without_a_source_is_refused_and_names_it(publisher):
    round_ = RoundFactory(title="Unsourced round", publication_status=DRAFT)
    with pytest.raises(WorkflowError, match="no source for Round “Round .*: Unsourced round”"):
        change_status(round_, PUBLISHED, user=publisher)
    round_.refresh_from_db()
    assert round_.publication_status == DRAFT


@pytest.mark.django_db
def test_admin_action_shows_the_missing_source_message(publisher_client):
    round_ = RoundFactory(title="Unsourced round", publication_status=DRAFT)
    response = publisher_client.post(
        "/admin/talks/round/",
        {"action": "publish", "_selected_action": [round_.pk], "confirm": "yes"},
        follow=True,
    )
    messages = [str(message) for message in response.context["messages"]]
    assert any(
        "no source for Round" in message and "Unsourced round" in message for message in messages
    )
    round_.refresh_from_db()
    assert round_.publication_status == DRAFT


@pytest.mark.django_db
def test_round_publish_names_a_participant_without_a_source(publisher):
    source = SourceFactory()
    round_ = draft_round_with_everything(source)
    unsourced = ParticipantFactory(
        delegation=round_.delegations.get(), person=PersonFactory(name="Unsourced Adviser")
    )
    with pytest.raises(WorkflowError, match="Unsourced Adviser"):
        services.publish_round(round_=round_, user=publisher)
    assert not Round.objects.published().filter(pk=round_.pk).exists()
    assert round_.delegations.get().publication_status == DRAFT  # nothing half-published
    unsourced.sources.add(source)
    services.publish_round(round_=round_, user=publisher)
    assert Round.objects.published().filter(pk=round_.pk).exists()


@pytest.mark.django_db
def test_publishing_a_round_publishes_its_drafts_in_one_go(publisher):
    source = SourceFactory(publication_status=DRAFT)
    round_ = draft_round_with_everything(source)
    changed = services.publish_round(round_=round_, user=publisher)
    # The source, the person, delegation, document, position, commitment, event, and the round.
    assert len(changed) == 8
    assert Round.objects.published().filter(pk=round_.pk).exists()
    assert round_.delegations.published().count() == 1
    assert round_.positions.published().count() == 1
    assert round_.commitments.published().count() == 1
    assert round_.documents.published().count() == 1
    assert round_.events.published().count() == 1
    assert round_.delegations.get().participants.published().count() == 1
    source.refresh_from_db()
    assert source.publication_status == PUBLISHED
    assert round_.history.first().history_user == publisher


@pytest.mark.django_db
def test_editor_cannot_publish_through_the_service(editor):
    round_ = draft_round_with_everything(SourceFactory())
    with pytest.raises(PermissionDenied):
        services.publish_round(round_=round_, user=editor)


@pytest.mark.django_db
def test_round_publish_action_lists_the_drafts_then_publishes_them(publisher_client):
    round_ = draft_round_with_everything(SourceFactory())
    confirmation = publisher_client.post(
        "/admin/talks/round/", {"action": "publish", "_selected_action": [round_.pk]}
    )
    page = confirmation.content.decode()
    assert "New Negotiator" in page  # the draft person sitting in the delegation
    assert "Ukraine at round 4" in page  # the draft delegation
    round_.refresh_from_db()
    assert round_.publication_status == DRAFT  # nothing until confirmed
    publisher_client.post(
        "/admin/talks/round/",
        {
            "action": "publish",
            "_selected_action": [round_.pk],
            "confirm": "yes",
            "with_drafts": "on",
        },
    )
    round_.refresh_from_db()
    assert round_.publication_status == PUBLISHED
    assert round_.commitments.get().publication_status == PUBLISHED


@pytest.mark.django_db
def test_publishing_is_written_to_the_security_log(publisher, caplog):
    round_ = RoundFactory(publication_status=DRAFT)
    round_.sources.add(SourceFactory())
    with caplog.at_level(logging.INFO, logger="security"):
        change_status(round_, PUBLISHED, user=publisher)
    record = next(r for r in caplog.records if r.name == "security")
    assert "published talks.Round" in record.getMessage()
    assert "user=pavlo" in record.getMessage()
