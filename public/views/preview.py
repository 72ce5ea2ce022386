"""Staff-only previews: any public page with drafts in place (`public_preview`), and a plain
page of any record that has no public page of its own (`preview`)."""

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_permission_codename
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import Resolver404, resolve
from django.utils import translation
from django.views.decorators.cache import never_cache

from provenance.models import PREVIEWING
from provenance.versioning import PROJECT_APPS

PREVIEW_MARKDOWN_FIELDS = ("summary", "biography", "description", "text")


# Previews are part of review: whoever may read the review desk (the Editor and Publisher
# groups, provenance/migrations/0008) may preview; a staff account with no role may not.
PREVIEW_PERMISSION = "provenance.view_reviewnote"


def may_preview(user) -> bool:
    return user.is_active and user.is_staff and user.has_perm(PREVIEW_PERMISSION)


@never_cache
def preview(request, app_label: str, model_name: str, pk: int):
    """A plain page of any record, draft or not, for staff who may view it; 404 for anyone else.

    404 rather than 403 so that a reader guessing ids learns nothing about what exists.
    """
    user = request.user
    if not may_preview(user) or app_label not in PROJECT_APPS:
        raise Http404
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError:
        raise Http404 from None
    opts = model._meta
    if not user.has_perm(f"{app_label}.{get_permission_codename('view', opts)}"):
        raise Http404
    obj = get_object_or_404(model, pk=pk)
    rows, markdown = [], []
    for field in opts.concrete_fields:
        if field.name in ("id", "search_text") or not field.editable and field.name != "version":
            continue
        if field.name in PREVIEW_MARKDOWN_FIELDS:
            markdown.append((field.verbose_name, getattr(obj, field.name)))
        elif field.choices:
            rows.append((field.verbose_name, getattr(obj, f"get_{field.name}_display")()))
        else:
            rows.append((field.verbose_name, getattr(obj, field.name)))
    sources = obj.sources.all() if hasattr(obj, "sources") else []
    response = render(
        request,
        "public/preview.html",
        {"obj": obj, "opts": opts, "rows": rows, "markdown": markdown, "sources": sources},
    )
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@never_cache
def public_preview(request, path: str):
    """The public page at `/<path>`, rendered by the public view and templates as readers will
    see it once everything pending is published: drafts and content in review in place, under
    a preview banner. Editors and publishers only; 404 for anyone else, as for a draft."""
    if not may_preview(request.user):
        raise Http404
    # /uk/preview/rounds/5/ previews /uk/rounds/5/: the page in the address's language, found
    # by its path without the prefix (i18n_patterns matches the prefix of the active language).
    language = translation.get_language()
    prefix = "" if language == settings.LANGUAGE_CODE else f"/{language}"
    try:
        with translation.override(settings.LANGUAGE_CODE):
            match = resolve(f"/{path}")
    except Resolver404:
        raise Http404 from None
    if match.namespace != "public" or match.url_name in ("preview", "public-preview"):
        raise Http404
    request.is_preview = True
    # The view sees the public address it serves, so a check of its canonical address
    # (round_detail's) holds; a redirect it answers stays inside the preview.
    request.path = request.path_info = f"{prefix}/{path}"
    token = PREVIEWING.set(True)
    try:
        response = match.func(request, *match.args, **match.kwargs)
        if hasattr(response, "render") and not response.is_rendered:
            response.render()
    finally:
        PREVIEWING.reset(token)
    location = response.get("Location", "")
    if response.status_code in (301, 302) and location.startswith(f"{prefix}/"):
        response["Location"] = f"{prefix}/preview{location[len(prefix) :]}"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
