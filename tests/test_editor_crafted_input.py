"""A crafted value in an admin form is a form error, never a 500: every autocomplete field of
every admin add page and of each of its inlines' rows is posted a value that names nothing, and
every history page is asked for a version that is not an id."""

import pytest
from django.contrib.admin import site
from django.urls import reverse

from tests import factories
from tests.admin_forms import form_data

pytestmark = pytest.mark.django_db


def admins_with_autocomplete():
    found = []
    for model, model_admin in site._registry.items():
        inlines = [inline(model, site) for inline in model_admin.inlines]
        if model_admin.autocomplete_fields or any(i.autocomplete_fields for i in inlines):
            found.append(model)
    return sorted(found, key=lambda m: m._meta.label)


@pytest.mark.parametrize("model", admins_with_autocomplete(), ids=lambda m: m._meta.label)
def test_a_crafted_value_in_any_autocomplete_field_is_a_form_error(admin_client, model):
    before = model._default_manager.count()
    model_admin = site._registry[model]
    opts = model._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_add")
    page = admin_client.get(url)
    data = form_data(page, f"{opts.model_name}_form")
    fields = list(model_admin.autocomplete_fields)
    for name in fields:
        data[name] = "abc"
    for inline_formset in page.context["inline_admin_formsets"]:
        inline, prefix = inline_formset.opts, inline_formset.formset.prefix
        data[f"{prefix}-TOTAL_FORMS"] = "1"
        for name in inline.autocomplete_fields:
            data[f"{prefix}-0-{name}"] = "abc"
            fields.append(f"{prefix}-0-{name}")
    assert fields
    response = admin_client.post(url, data)
    assert response.status_code == 200, response.status_code  # the form again, with errors
    assert "errornote" in response.content.decode()
    assert model._default_manager.count() == before  # nothing half-saved


def test_a_history_version_that_is_not_an_id_is_a_404_on_every_history_page(admin_client):
    factories.ParticipantFactory()
    factories.ExchangeCountFactory()
    checked = 0
    for model, model_admin in site._registry.items():
        if not hasattr(model_admin, "history_form_view"):
            continue
        obj = model._default_manager.first()
        if obj is None:
            continue
        opts = model._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[obj.pk])
        assert admin_client.get(url + "abc/").status_code == 404, url
        checked += 1
    assert checked >= 10
