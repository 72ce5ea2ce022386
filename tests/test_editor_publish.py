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
IN_REVIEW = PublicationStatus.IN_REVIEW


def confirm_publish(client, changelist: str, obj, **extra):
    """Open the confirmation page as a publisher does, then confirm what it showed."""
    page = client.post(changelist, {"action": "publish", "_selected_action": [obj.pk]})
    seen = next(plan["seen"] for plan in page.context["roots"] if plan["root"].pk == obj.pk)
    response = client.post(
        changelist,
        {
            "action": "publish",
            "_selected_action": [obj.pk],
            "confirm": "yes",
            f"seen-{obj.pk}": seen,
            **extra,
        },
        follow=True,
    )
    return page, response


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
    round_ = RoundFactory(title="Unsourced round", publication_status=IN_REVIEW)
    _, response = confirm_publish(publisher_client, "/admin/talks/round/", round_)
    messages = [str(message) for message in response.context["messages"]]
    assert any(
        "no source for Round" in message and "Unsourced round" in message for message in messages
    )
    round_.refresh_from_db()
    assert round_.publication_status == IN_REVIEW


@pytest.mark.django_db
def test_round_publish_names_a_participant_without_a_source(publisher):
    source = SourceFactory()
    round_ = draft_round_with_everything(source)
    unsourced = ParticipantFactory(
        delegation=round_.delegations.get(), person=PersonFactory(name="Unsourced Adviser")
    )
    services.submit_round(round_=round_, user=publisher)
    with pytest.raises(WorkflowError, match="Unsourced Adviser"):
        services.publish_round(round_=round_, user=publisher)
    assert not Round.objects.published().filter(pk=round_.pk).exists()
    assert round_.delegations.get().publication_status == IN_REVIEW  # nothing half-published
    unsourced.sources.add(source)
    services.publish_round(round_=round_, user=publisher)
    assert Round.objects.published().filter(pk=round_.pk).exists()


@pytest.mark.django_db
def test_publishing_a_round_publishes_its_drafts_in_one_go(publisher):
    source = SourceFactory(publication_status=DRAFT)
    round_ = draft_round_with_everything(source)
    services.submit_round(round_=round_, user=publisher)
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
def test_publishing_from_a_list_without_the_confirmation_page_publishes_nothing(publisher_client):
    round_ = RoundFactory(publication_status=IN_REVIEW)
    round_.sources.add(SourceFactory())
    response = publisher_client.post(
        "/admin/talks/round/",
        {"action": "publish", "_selected_action": [round_.pk], "confirm": "yes"},
        follow=True,
    )
    assert "open the confirmation page" in response.content.decode()
    round_.refresh_from_db()
    assert round_.publication_status == IN_REVIEW


@pytest.mark.django_db
def test_editor_cannot_publish_through_the_service(editor):
    round_ = draft_round_with_everything(SourceFactory())
    with pytest.raises(PermissionDenied):
        services.publish_round(round_=round_, user=editor)


@pytest.mark.django_db
def test_round_publish_action_lists_the_tree_then_publishes_it(publisher, publisher_client):
    round_ = draft_round_with_everything(SourceFactory())
    services.submit_round(round_=round_, user=publisher)
    confirmation, _ = confirm_publish(publisher_client, "/admin/talks/round/", round_)
    page = confirmation.content.decode()
    assert "New Negotiator" in page  # the new person sitting in the delegation
    assert "Ukraine at round 4" in page  # the delegation
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


# --- #10 item 5: publish is what was reviewed --------------------------------------------------


@pytest.mark.django_db
def test_changes_after_the_confirmation_page_are_not_published(editor, publisher, publisher_client):
    from provenance.guard import acting_as
    from tests.factories import IssueFactory

    source = SourceFactory()
    round_ = RoundFactory(number=4, publication_status=DRAFT)
    round_.sources.add(source)
    event = EventFactory(round=round_, title="Talks announced", publication_status=DRAFT)
    event.sources.add(source)
    services.submit_round(round_=round_, user=editor)
    page = publisher_client.post(
        "/admin/talks/round/", {"action": "publish", "_selected_action": [round_.pk]}
    )
    seen = page.context["roots"][0]["seen"]
    assert "Talks announced" in page.content.decode()
    # While the publisher reads, the editor renames the event and adds a position.
    issue = IssueFactory()
    with acting_as(editor):
        event.title = "Talks announced, renamed after review"
        event.save()
        position = PositionFactory(round=round_, issue=issue, publication_status=DRAFT)
        position.sources.add(source)
    response = publisher_client.post(
        "/admin/talks/round/",
        {
            "action": "publish",
            "_selected_action": [round_.pk],
            "confirm": "yes",
            f"seen-{round_.pk}": seen,
        },
        follow=True,
    )
    messages = " ".join(str(m) for m in response.context["messages"])
    assert "Talks announced, renamed after review" in messages  # back to draft: named
    for obj in (round_, event, position):
        obj.refresh_from_db()
        assert obj.publication_status != PUBLISHED
    assert event.publication_status == DRAFT  # edited during review: back to draft


@pytest.mark.django_db
def test_a_second_save_after_the_page_was_shown_is_refused_even_in_review(publisher):
    source = SourceFactory()
    round_ = RoundFactory(publication_status=DRAFT)
    round_.sources.add(source)
    services.submit_round(round_=round_, user=publisher)
    from provenance import review

    seen = review.fingerprint(review.tree(round_))
    round_.refresh_from_db()
    round_.save()  # someone saved it without going through review (a script, a publisher)
    with pytest.raises(WorkflowError, match="changed after you opened"):
        services.publish_round(round_=round_, user=publisher, seen=seen)


@pytest.mark.django_db
def test_confirmation_shows_the_diff_against_the_published_version(publisher, publisher_client):
    round_ = RoundFactory(title="Published title", publication_status=DRAFT)
    round_.sources.add(SourceFactory())
    services.submit_round(round_=round_, user=publisher)
    services.publish_round(round_=round_, user=publisher)
    round_.refresh_from_db()
    from provenance.workflow import change_status

    change_status(round_, PublicationStatus.DRAFT, user=publisher)
    round_.title = "Corrected title"
    round_.save()
    services.submit_round(round_=round_, user=publisher)
    page = publisher_client.post(
        "/admin/talks/round/", {"action": "publish", "_selected_action": [round_.pk]}
    )
    diff = page.context["roots"][0]["rows"][-1]["diff"]
    assert {"field": "title", "published": "Published title", "now": "Corrected title"} in [
        {**change, "field": str(change["field"])} for change in diff
    ]


# --- #10 item 6: the whole tree a reader will see -----------------------------------------------


@pytest.mark.django_db
def test_round_publish_takes_exchanges_counts_their_sources_and_new_posts(client, publisher):
    from tests.factories import ExchangeCountFactory, ExchangeFactory, MembershipFactory

    source = SourceFactory()
    round_ = draft_round_with_everything(source)
    newcomer = round_.delegations.get().participants.get().person
    post = MembershipFactory(person=newcomer, post="Deputy Minister", publication_status=DRAFT)
    post.sources.add(source)
    commitment = round_.commitments.get()
    exchange = ExchangeFactory(commitment=commitment, publication_status=DRAFT)
    count_source = SourceFactory(code="S777", publication_status=DRAFT)
    exchange.sources.add(count_source)
    count = ExchangeCountFactory(exchange=exchange, quantity=1212)
    count.sources.add(count_source)
    services.submit_round(round_=round_, user=publisher)
    services.publish_round(round_=round_, user=publisher)
    for obj in (exchange, count_source, post, newcomer):
        obj.refresh_from_db()
        assert obj.is_published, obj
    page = client.get(f"/rounds/{round_.number}/").content.decode()
    assert "1,212" in page or "1212" in page
    assert "No numbers published" not in page


@pytest.mark.django_db
def test_exchange_publish_has_a_confirmation_and_takes_its_draft_source(publisher_client):
    from positions.models import Exchange
    from tests.factories import ExchangeCountFactory, ExchangeFactory

    draft_source = SourceFactory(code="S888", publication_status=DRAFT)
    exchange = ExchangeFactory(title="Swap of 84", publication_status=IN_REVIEW)
    exchange.sources.add(draft_source)
    ExchangeCountFactory(exchange=exchange).sources.add(draft_source)
    draft_source.publication_status = IN_REVIEW
    draft_source.save()
    page, _ = confirm_publish(publisher_client, "/admin/positions/exchange/", exchange)
    assert "S888" in page.content.decode()
    exchange.refresh_from_db()
    draft_source.refresh_from_db()
    assert exchange.is_published
    assert draft_source.is_published
    assert Exchange.objects.published().filter(pk=exchange.pk).exists()


def test_the_confirmation_lists_what_an_editor_wrote_not_bookkeeping(publisher, publisher_client):
    """Every field of every row on the confirmation page is one an editor can edit, each once:
    no translation-status dictionary, no second copy of a translated text ("Title" and
    "Title [en]"), and a choice by its label ("Published", not "published")."""
    round_ = RoundFactory(title="Published title", publication_status=DRAFT)
    round_.title_uk = "Опублікована назва"
    round_.save()
    round_.sources.add(SourceFactory())
    services.submit_round(round_=round_, user=publisher)
    page = publisher_client.post(
        "/admin/talks/round/", {"action": "publish", "_selected_action": [round_.pk]}
    )
    rows = [row for plan in page.context["roots"] for row in plan["rows"]]
    assert rows
    for row in rows:
        model = type(row["obj"])
        for change in row["diff"]:
            field = next(
                f for f in model._meta.concrete_fields if f.verbose_name == change["field"]
            )
            assert field.editable, (model, field.name)
            assert getattr(field, "language", None) != "en", (model, field.name)
            if field.choices:
                assert change["now"] in dict(field.flatchoices).values(), (field.name, change)
    html = page.content.decode()
    assert "translation_status" not in html
    assert "'reviewed'" not in html
    assert "Опублікована назва" in html
