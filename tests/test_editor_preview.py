"""Staff preview drafts on a page of their own; everyone else gets a 404, as for any missing page."""

import pytest
from django.urls import reverse

from provenance.models import PublicationStatus
from tests.factories import RoundFactory


@pytest.fixture
def draft(db):
    return RoundFactory(
        title="Secret fourth round", summary="**Draft** summary", publication_status="draft"
    )


def preview_url(obj):
    return reverse("public:preview", args=["talks", "round", obj.pk])


def test_staff_see_the_draft_rendered(editor_client, draft):
    response = editor_client.get(preview_url(draft))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Secret fourth round" in html
    assert "<strong>Draft</strong> summary" in html
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "private" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]


def test_anonymous_readers_get_404(client, draft):
    assert client.get(preview_url(draft)).status_code == 404


def test_logged_in_non_staff_get_404(client, django_user_model, draft):
    client.force_login(django_user_model.objects.create_user("reader"))
    assert client.get(preview_url(draft)).status_code == 404


@pytest.mark.parametrize(
    "path",
    ["/preview/auth/user/1/", "/preview/talks/nomodel/1/", "/preview/talks/round/999999/"],
)
def test_no_preview_outside_the_content_models(editor_client, draft, path):
    assert editor_client.get(path).status_code == 404


def test_admin_offers_preview_for_drafts_and_view_on_site_once_published(editor_client, draft):
    page = editor_client.get(reverse("admin:talks_round_change", args=[draft.pk]))
    assert page.context["has_absolute_url"]
    assert page.context["absolute_url"] == f"/preview/rounds/{draft.number}/"  # the public page
    draft.publication_status = PublicationStatus.PUBLISHED
    draft.save()
    page = editor_client.get(reverse("admin:talks_round_change", args=[draft.pk]))
    assert page.context["absolute_url"].startswith("/admin/r/")  # Django's view-on-site redirect


@pytest.mark.django_db
def test_preview_is_the_public_page_with_drafts_in_place(client, editor):
    from talks.models import Round
    from tests.factories import DelegationFactory, ParticipantFactory, PersonFactory, RoundFactory

    round_ = RoundFactory(number=5, title="Fifth round", publication_status="draft")
    delegation = DelegationFactory(round=round_, publication_status="in_review")
    ParticipantFactory(
        delegation=delegation,
        person=PersonFactory(name="New Negotiator", publication_status="draft"),
        role="head",
    )
    assert client.get("/preview/rounds/5/").status_code == 404  # anonymous
    client.force_login(editor)
    page = client.get("/preview/rounds/5/")
    text = page.content.decode()
    assert page.status_code == 200
    assert 'class="preview-banner"' in text
    assert "Fifth round" in text
    assert "New Negotiator" in text  # the public round template, with the draft delegation
    assert page["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-cache" in page["Cache-Control"] or "max-age=0" in page["Cache-Control"]
    client.logout()
    assert client.get("/rounds/5/").status_code == 404  # still a draft for readers
    assert not Round.objects.published().filter(pk=round_.pk).exists()


def public_pages_without_parameters():
    from public.urls import urlpatterns

    return [
        "/" + str(p.pattern)
        for p in urlpatterns
        if not p.pattern.converters
        and "preview" not in str(p.pattern)
        and "<" not in str(p.pattern)
    ]


@pytest.mark.django_db
def test_a_staff_account_without_a_role_previews_nothing(client, editor, draft):
    """Every preview (each public page, and a record's own) needs the Editor or Publisher role:
    staff status alone shows no draft."""
    from django.contrib.auth import get_user_model

    from tests.factories import RoundFactory

    RoundFactory(number=draft.number + 1, title="Drafted fifth", publication_status="draft")
    nobody = get_user_model().objects.create_user("no-role", is_staff=True)
    pages = [f"/preview/rounds/{draft.number + 1}/", preview_url(draft)] + [
        "/preview" + page for page in public_pages_without_parameters()
    ]
    assert len(pages) > 10
    client.force_login(nobody)
    assert all(client.get(page).status_code == 404 for page in pages)
    client.force_login(editor)
    assert client.get(pages[0]).status_code == 200
    assert client.get(pages[1]).status_code == 200


@pytest.mark.parametrize("language", ["uk", "ru"])
def test_a_draft_previews_in_each_language_with_its_translation(client, editor, language):
    """An editor checks a draft's translation before submitting it: /uk/preview/… is the
    Ukrainian page with the draft in place, its language links lead to the preview in each
    language (not to the public address, a 404 for a draft), and readers still get a 404."""
    from tests.factories import PersonFactory

    person = PersonFactory(
        name="Draft Negotiator", biography="A negotiator.", publication_status="draft"
    )
    setattr(person, f"name_{language}", f"Чернетка {language}")
    person.save()
    public_path = person.get_absolute_url()
    client.force_login(editor)
    page = client.get(f"/{language}/preview{public_path}")
    assert page.status_code == 200
    html = page.content.decode()
    assert f'<html lang="{language}"' in html
    assert f"Чернетка {language}" in html
    assert 'class="preview-banner"' in html
    for code, prefix in (("en", ""), ("uk", "/uk"), ("ru", "/ru")):
        assert f'hreflang="{code}" href="http://testserver{prefix}/preview{public_path}"' in html
        assert client.get(f"{prefix}/preview{public_path}").status_code == 200
    client.logout()
    assert client.get(f"/{language}{public_path}").status_code == 404
    assert client.get(f"/{language}/preview{public_path}").status_code == 404
