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
    assert page.context["absolute_url"] == preview_url(draft)
    draft.publication_status = PublicationStatus.PUBLISHED
    draft.save()
    page = editor_client.get(reverse("admin:talks_round_change", args=[draft.pk]))
    assert page.context["absolute_url"].startswith("/admin/r/")  # Django's view-on-site redirect
