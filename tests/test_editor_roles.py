"""Editors log and submit; only publishers publish, unpublish, change or delete published content."""

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from provenance.models import PublicationStatus
from talks.models import Round
from tests.admin_forms import form_data
from tests.factories import (
    DelegationFactory,
    OrganizationFactory,
    PersonFactory,
    RoundFactory,
    SourceFactory,
    role_group,
)

DRAFT, IN_REVIEW, PUBLISHED = PublicationStatus.DRAFT, "in_review", PublicationStatus.PUBLISHED
CHANGELIST = "/admin/talks/round/"


def run_action(client, action: str, *objects, **extra):
    return client.post(
        CHANGELIST,
        {"action": action, "_selected_action": [obj.pk for obj in objects], **extra},
        follow=True,
    )


def sourced_round(**kwargs):
    round_ = RoundFactory(**kwargs)
    round_.sources.add(SourceFactory())
    return round_


@pytest.mark.django_db
def test_editor_can_add_a_round_and_it_starts_as_a_draft(editor_client):
    page = editor_client.get("/admin/talks/round/add/")
    data = form_data(page, "round_form")
    data.update(number="4", title="Fourth round", held_on="2025-09-01", time_zone="Europe/Istanbul")
    response = editor_client.post("/admin/talks/round/add/", data)
    assert response.status_code == 302, response.context["errors"]
    assert Round.objects.get(number=4).publication_status == DRAFT


@pytest.mark.django_db
def test_editor_cannot_set_the_status_in_the_form(editor_client):
    round_ = sourced_round(publication_status=DRAFT)
    url = reverse("admin:talks_round_change", args=[round_.pk])
    data = form_data(editor_client.get(url), "round_form")
    assert "publication_status" not in data
    editor_client.post(url, {**data, "publication_status": PUBLISHED})
    round_.refresh_from_db()
    assert round_.publication_status == DRAFT


@pytest.mark.django_db
def test_editor_submits_for_review_but_cannot_publish(editor_client):
    round_ = sourced_round(publication_status=DRAFT)
    response = run_action(editor_client, "submit_for_review", round_)
    round_.refresh_from_db()
    assert round_.publication_status == IN_REVIEW
    actions = [value for value, _ in response.context["action_form"].fields["action"].choices]
    assert "publish" not in actions
    assert "unpublish" not in actions
    run_action(editor_client, "publish", round_)
    round_.refresh_from_db()
    assert round_.publication_status == IN_REVIEW


@pytest.mark.django_db
def test_bulk_delete_is_offered_to_nobody(editor_client, publisher):
    response = editor_client.get(CHANGELIST)
    editor_actions = [v for v, _ in response.context["action_form"].fields["action"].choices]
    publisher_client = Client()
    publisher_client.force_login(publisher)
    response = publisher_client.get(CHANGELIST)
    publisher_actions = [v for v, _ in response.context["action_form"].fields["action"].choices]
    assert "delete_selected" not in editor_actions
    assert "delete_selected" not in publisher_actions
    assert {"submit_for_review", "publish", "unpublish"} <= set(publisher_actions)


@pytest.mark.django_db
def test_editor_cannot_change_or_delete_published_content(editor_client):
    round_ = sourced_round()
    change_url = reverse("admin:talks_round_change", args=[round_.pk])
    page = editor_client.get(change_url)
    assert page.status_code == 200
    assert not page.context["has_change_permission"]  # a read-only view
    data = form_data(page, "round_form")
    refused = editor_client.post(change_url, {**data, "title": "Changed"})
    assert refused.status_code == 409  # "Not saved", with the typed text given back
    assert "Changed" in refused.content.decode()
    delete_url = reverse("admin:talks_round_delete", args=[round_.pk])
    assert editor_client.get(delete_url).status_code == 403
    assert editor_client.post(delete_url, {"post": "yes"}).status_code == 403
    assert Round.objects.filter(pk=round_.pk, title=round_.title).exists()


@pytest.mark.django_db
def test_the_not_saved_page_gives_back_each_typed_value_as_the_form_showed_it(editor_client):
    """On a record that became read-only, what the editor typed comes back under the labels
    they typed it under, the rows of its inlines too, and a choice by its name, not its id."""
    delegation = DelegationFactory()
    organization = OrganizationFactory(name="Ministry of Defence of Ukraine")
    person = PersonFactory(name="Rustem Umerov")
    change = reverse("admin:talks_delegation_change", args=[delegation.pk])
    data = form_data(editor_client.get(change), "delegation_form")
    total = next(name for name in data if name.endswith("-TOTAL_FORMS"))
    prefix = total.removesuffix("-TOTAL_FORMS")
    data.update(
        {
            "organization": str(organization.pk),
            total: "1",
            f"{prefix}-0-person": str(person.pk),
            f"{prefix}-0-title_at_time": "Minister of Defence",
        }
    )
    refused = editor_client.post(change, data)
    assert refused.status_code == 409
    kept = refused.context["kept"]
    assert ("Organization", "Ministry of Defence of Ukraine") in kept, kept
    assert ("Participant 1: Person", "Rustem Umerov") in kept, kept
    assert ("Participant 1: Title at time", "Minister of Defence") in kept, kept
    # The form's machinery is no typed text: no versions, row ids or form counts.
    assert not [label for label, _ in kept if "FORMS" in label or "version" in label], kept


@pytest.mark.django_db
def test_editor_can_delete_a_draft(editor_client):
    round_ = RoundFactory(publication_status=DRAFT)
    delete_url = reverse("admin:talks_round_delete", args=[round_.pk])
    assert editor_client.post(delete_url, {"post": "yes"}).status_code == 302
    assert not Round.objects.filter(pk=round_.pk).exists()


@pytest.mark.django_db
def test_publisher_publishes_and_unpublishes(publisher_client):
    round_ = sourced_round(publication_status=IN_REVIEW)
    from tests.test_editor_publish import confirm_publish

    confirm_publish(publisher_client, CHANGELIST, round_)
    round_.refresh_from_db()
    assert round_.publication_status == PUBLISHED
    run_action(publisher_client, "unpublish", round_)
    round_.refresh_from_db()
    assert round_.publication_status == DRAFT
    reasons = list(round_.history.values_list("history_change_reason", "history_user__username"))
    assert reasons[:2] == [("Unpublished by pavlo", "pavlo"), ("Published by pavlo", "pavlo")]


@pytest.mark.django_db
def test_publisher_can_delete_published_content_and_protection_is_explained(publisher_client):
    from tests.factories import DelegationFactory

    delegation = DelegationFactory()
    round_ = delegation.round
    delete_url = reverse("admin:talks_round_delete", args=[round_.pk])
    page = publisher_client.get(delete_url)
    assert page.status_code == 200
    assert "would require deleting the following protected related objects" in page.content.decode()
    assert publisher_client.post(delete_url, {"post": "yes"}).status_code == 200
    assert Round.objects.filter(pk=round_.pk).exists()
    lonely = sourced_round()
    delete_url = reverse("admin:talks_round_delete", args=[lonely.pk])
    assert publisher_client.post(delete_url, {"post": "yes"}).status_code == 302
    assert not Round.objects.filter(pk=lonely.pk).exists()


@pytest.mark.django_db
def test_anonymous_and_non_staff_reach_no_admin_page(client, django_user_model):
    round_ = RoundFactory(publication_status=DRAFT)
    url = reverse("admin:talks_round_change", args=[round_.pk])
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(django_user_model.objects.create_user("reader"))
    assert client.get(url).status_code == 302


@pytest.mark.django_db
def test_create_editor_prints_a_generated_password_once(capsys, monkeypatch, db):
    # The groups as the data migration makes them, even after a transactional test flushed them.
    role_group("Editor"), role_group("Publisher")
    monkeypatch.delenv("EDITOR_PASSWORD", raising=False)
    call_command("create_editor", "olena", "--group", "Publisher")
    out = capsys.readouterr().out
    password = out.split("store it now): ")[1].strip()
    from django.contrib.auth.models import User

    user = User.objects.get(username="olena")
    assert user.check_password(password)
    assert user.is_staff
    assert user.has_perm("provenance.publish_content")
    monkeypatch.setenv("EDITOR_PASSWORD", "another long passphrase")
    call_command("create_editor", "olena", "--group", "Editor")
    assert "store it now" not in capsys.readouterr().out
    user = User.objects.get(username="olena")
    assert not user.has_perm("provenance.publish_content")
    assert user.check_password("another long passphrase")
