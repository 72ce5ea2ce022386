""" "View on site" of a draft opens its preview in the admin's language, from every admin.

In a module of its own: the Istanbul record is loaded once for it, which the other preview
tests (with their own rows) must not see."""

import pytest
from django.contrib import admin
from django.utils import translation

from provenance.models import PublicationStatus, Publishable

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["en", "uk", "ru"])
def test_every_admins_view_on_site_opens_a_draft_in_the_admins_language(
    istanbul_record_for_module, publisher_client, language
):
    """ "View on site" of a draft, from every registered admin whose model has a page, opens its
    preview in the admin's language (it once doubled the prefix: /uk/preview/uk/rounds/4/)."""
    publisher_client.cookies["django_language"] = language
    checked = 0
    for model, model_admin in admin.site._registry.items():
        if not issubclass(model, Publishable) or not hasattr(model, "get_absolute_url"):
            continue
        obj = model.objects.order_by("pk").first()
        if obj is None:
            continue
        model.objects.filter(pk=obj.pk).update(publication_status=PublicationStatus.DRAFT)
        obj.refresh_from_db()
        # Built as the admin builds it, with the admin's language active.
        with translation.override(language):
            url = model_admin.get_view_on_site_url(obj)
        if url is None:
            continue
        prefix = "" if language == "en" else f"/{language}"
        assert url.startswith(f"{prefix}/preview/"), url
        response = publisher_client.get(url)
        assert response.status_code == 200, (model.__name__, url)
        assert response.headers["Content-Language"] == language, url
        checked += 1
    assert checked >= 8
