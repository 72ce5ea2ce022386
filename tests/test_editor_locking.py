"""Two editors on one record: the second save is refused instead of overwriting the first."""

import pytest
from django.test import Client
from django.urls import reverse

from provenance.models import PublicationStatus
from tests.admin_forms import form_data
from tests.factories import PersonFactory, RoundFactory


@pytest.mark.django_db
def test_second_of_two_concurrent_saves_is_refused_and_the_first_kept(editor, publisher):
    round_ = RoundFactory(title="Round four", publication_status=PublicationStatus.DRAFT)
    url = reverse("admin:talks_round_change", args=[round_.pk])
    ana, pavlo = Client(), Client()
    ana.force_login(editor)
    pavlo.force_login(publisher)
    ana_form = form_data(ana.get(url), "round_form")  # both open the page
    pavlo_form = form_data(pavlo.get(url), "round_form")

    assert ana.post(url, {**ana_form, "title": "Ana's title"}).status_code == 302
    refused = pavlo.post(url, {**pavlo_form, "title": "Pavlo's title"})

    assert refused.status_code == 200
    page = refused.content.decode()
    assert "someone else saved this round after you opened it" in page
    assert f'href="{url}"' in page  # the link to the newer version
    round_.refresh_from_db()
    assert round_.title == "Ana's title"
    assert round_.history.filter(title="Pavlo's title").count() == 0
    # Reloading shows the newer version, and saving from it works.
    fresh = form_data(pavlo.get(url), "round_form")
    assert fresh["title"] == "Ana's title"
    assert pavlo.post(url, {**fresh, "title": "Pavlo's title"}).status_code == 302
    round_.refresh_from_db()
    assert round_.title == "Pavlo's title"


@pytest.mark.django_db
def test_a_change_made_outside_the_admin_also_makes_an_open_form_stale(editor_client):
    person = PersonFactory(name="Rustem Umerov", publication_status=PublicationStatus.DRAFT)
    url = reverse("admin:actors_person_change", args=[person.pk])
    loaded = form_data(editor_client.get(url), "person_form")
    person.biography = "Set by the loader."
    person.save()
    response = editor_client.post(url, {**loaded, "name": "Rustem Umierov"})
    assert response.status_code == 200
    person.refresh_from_db()
    assert person.name == "Rustem Umerov"
    assert person.biography == "Set by the loader."


@pytest.mark.django_db
def test_a_form_without_its_version_is_refused(editor_client):
    round_ = RoundFactory(publication_status=PublicationStatus.DRAFT)
    url = reverse("admin:talks_round_change", args=[round_.pk])
    data = form_data(editor_client.get(url), "round_form")
    del data["loaded_version"]
    assert editor_client.post(url, {**data, "title": "No version"}).status_code == 200
    round_.refresh_from_db()
    assert round_.title != "No version"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("owner_view", "prefix", "field", "make"),
    [
        ("talks_delegation_change", "participants", "title_at_time", "participant"),
        ("positions_exchange_change", "counts", "note", "count"),
        ("talks_round_change", "positions", "summary", "position"),
    ],
)
def test_inline_rows_are_locked_too_and_the_refusal_keeps_both_versions(
    editor, publisher, owner_view, prefix, field, make
):
    from tests import factories

    draft = PublicationStatus.DRAFT
    if make == "participant":
        row = factories.ParticipantFactory(
            delegation=factories.DelegationFactory(publication_status=draft)
        )
        owner = row.delegation
    elif make == "count":
        row = factories.ExchangeCountFactory(
            exchange=factories.ExchangeFactory(publication_status=draft)
        )
        owner = row.exchange
    else:
        row = factories.PositionFactory(
            round=factories.RoundFactory(publication_status=draft), publication_status=draft
        )
        owner = row.round
    url = reverse(f"admin:{owner_view}", args=[owner.pk])
    ana, pavlo = Client(), Client()
    ana.force_login(editor)
    pavlo.force_login(publisher)
    ana_form, pavlo_form = form_data(ana.get(url), f"{owner._meta.model_name}_form"), None
    pavlo_form = form_data(pavlo.get(url), f"{owner._meta.model_name}_form")
    key = f"{prefix}-0-{field}"
    assert ana.post(url, {**ana_form, key: "Ana's figure"}).status_code == 302
    refused = pavlo.post(url, {**pavlo_form, key: "Pavlo's figure"})
    assert refused.status_code == 200
    page = refused.content.decode()
    assert "someone else changed this row" in page
    assert "theirs “Ana&#x27;s figure”, yours “Pavlo&#x27;s figure”" in page
    assert "Pavlo&#x27;s figure</" in page or 'value="Pavlo&#x27;s figure"' in page  # kept
    row.refresh_from_db()
    assert getattr(row, field) == "Ana's figure"


@pytest.mark.django_db
def test_a_save_after_someone_published_gives_the_typed_text_back(editor, publisher):
    round_ = RoundFactory(title="Round four", publication_status=PublicationStatus.IN_REVIEW)
    url = reverse("admin:talks_round_change", args=[round_.pk])
    ana = Client()
    ana.force_login(editor)
    form = form_data(ana.get(url), "round_form")
    round_.publication_status = PublicationStatus.PUBLISHED  # the publisher publishes it
    round_._history_user = publisher
    round_._change_reason = "Published by pavlo"
    round_.save()
    typed = "Three hours of talks; prisoners and bodies agreed, per S41."
    refused = ana.post(url, {**form, "summary": typed})
    assert refused.status_code == 409
    page = refused.content.decode()
    assert "Not saved" in page
    assert "Published by pavlo" in page
    assert typed in page
    round_.refresh_from_db()
    assert round_.summary != typed


@pytest.mark.django_db
def test_a_save_during_a_database_outage_gives_the_typed_text_back(editor_client):
    from django.db import OperationalError

    from ops.outage import database_unavailable

    round_ = RoundFactory(publication_status=PublicationStatus.DRAFT)
    url = reverse("admin:talks_round_change", args=[round_.pk])
    form = form_data(editor_client.get(url), "round_form")
    typed = "Written while PostgreSQL restarted."
    from django.test import RequestFactory

    request = RequestFactory().post(url, {**form, "summary": typed, "password": "secret"})
    response = database_unavailable(request, OperationalError("connection refused"))
    page = response.content.decode()
    assert response.status_code == 503
    assert typed in page
    assert 'id="save-again"' in page
    assert f'action="{url}"' in page
    assert "secret" not in page


@pytest.mark.django_db
def test_an_inline_conflict_names_a_chosen_row_by_its_name(editor, publisher):
    """Both versions of a chosen value are said as the form shows them ("Rustem Umerov"), not
    as ids."""
    from tests import factories

    draft = PublicationStatus.DRAFT
    row = factories.ParticipantFactory(
        delegation=factories.DelegationFactory(publication_status=draft)
    )
    umerov = factories.PersonFactory(name="Rustem Umerov")
    kyslytsya = factories.PersonFactory(name="Serhiy Kyslytsya")
    url = reverse("admin:talks_delegation_change", args=[row.delegation.pk])
    ana, pavlo = Client(), Client()
    ana.force_login(editor)
    pavlo.force_login(publisher)
    ana_form = form_data(ana.get(url), "delegation_form")
    pavlo_form = form_data(pavlo.get(url), "delegation_form")
    key = "participants-0-person"
    assert ana.post(url, {**ana_form, key: str(umerov.pk)}).status_code == 302
    refused = pavlo.post(url, {**pavlo_form, key: str(kyslytsya.pk)})
    assert refused.status_code == 200
    assert "theirs “Rustem Umerov”, yours “Serhiy Kyslytsya”" in refused.content.decode()
