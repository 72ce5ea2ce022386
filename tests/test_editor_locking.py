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
