"""Each role × each content admin: what an editor and a publisher may open, change and delete."""

import pytest
from django.urls import reverse

from provenance.models import PublicationStatus
from tests import factories

CONTENT = [
    factories.SourceFactory,
    factories.OrganizationFactory,
    factories.PersonFactory,
    factories.MembershipFactory,
    factories.RoundFactory,
    factories.DelegationFactory,
    factories.EventFactory,
    factories.DocumentFactory,
    factories.PositionFactory,
    factories.CommitmentFactory,
    factories.ExchangeFactory,
]


def admin_url(obj, view: str) -> str:
    opts = obj._meta
    args = [] if view in ("changelist", "add") else [obj.pk]
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)


@pytest.mark.django_db
@pytest.mark.parametrize("factory", CONTENT, ids=lambda f: f._meta.model.__name__)
def test_editor_works_on_drafts_only(editor_client, factory):
    draft = factory(publication_status=PublicationStatus.DRAFT)
    published = factory()
    assert editor_client.get(admin_url(draft, "changelist")).status_code == 200
    assert editor_client.get(admin_url(draft, "add")).status_code == 200
    assert editor_client.get(admin_url(draft, "change")).context["has_change_permission"]
    assert editor_client.get(admin_url(draft, "delete")).status_code == 200
    assert editor_client.get(admin_url(draft, "history")).status_code == 200
    # Published: visible, read-only, not deletable.
    assert not editor_client.get(admin_url(published, "change")).context["has_change_permission"]
    assert editor_client.get(admin_url(published, "delete")).status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize("factory", CONTENT, ids=lambda f: f._meta.model.__name__)
def test_publisher_may_change_and_delete_published_content(publisher_client, factory):
    published = factory()
    assert publisher_client.get(admin_url(published, "change")).context["has_change_permission"]
    assert publisher_client.get(admin_url(published, "delete")).status_code == 200
    actions = publisher_client.get(admin_url(published, "changelist")).context["action_form"]
    names = {value for value, _ in actions.fields["action"].choices}
    assert {"submit_for_review", "send_back", "publish", "unpublish"} <= names
    assert "delete_selected" not in names


@pytest.mark.django_db
@pytest.mark.parametrize("factory", CONTENT, ids=lambda f: f._meta.model.__name__)
def test_editor_is_not_offered_publish_or_unpublish(editor_client, factory):
    obj = factory(publication_status=PublicationStatus.DRAFT)
    actions = editor_client.get(admin_url(obj, "changelist")).context["action_form"]
    names = {value for value, _ in actions.fields["action"].choices}
    assert names == {"", "submit_for_review"}


@pytest.mark.django_db
def test_participants_of_a_published_delegation_are_read_only_to_editors(editor_client):
    participant = factories.ParticipantFactory()
    page = editor_client.get(admin_url(participant, "change"))
    assert not page.context["has_change_permission"]
    assert editor_client.get(admin_url(participant, "delete")).status_code == 403
    draft = factories.ParticipantFactory(
        delegation=factories.DelegationFactory(publication_status=PublicationStatus.DRAFT)
    )
    assert editor_client.get(admin_url(draft, "change")).context["has_change_permission"]


@pytest.mark.django_db
def test_editor_cannot_delete_reference_lists(editor_client, publisher):
    venue = factories.VenueFactory()
    issue = factories.IssueFactory()
    assert editor_client.get(admin_url(venue, "delete")).status_code == 403
    assert editor_client.get(admin_url(issue, "delete")).status_code == 403
    editor_client.force_login(publisher)
    assert editor_client.get(admin_url(venue, "delete")).status_code == 200
