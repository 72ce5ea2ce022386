"""Public pages for sources, and the staff-only draft preview."""

from django.apps import apps
from django.contrib.auth import get_permission_codename
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache

from provenance.models import Source
from provenance.versioning import PROJECT_APPS

PREVIEW_MARKDOWN_FIELDS = ("summary", "biography", "description", "text")


@never_cache
def preview(request, app_label: str, model_name: str, pk: int):
    """A plain page of any record, draft or not, for staff who may view it; 404 for anyone else.

    404 rather than 403 so that a reader guessing ids learns nothing about what exists.
    """
    user = request.user
    if not (user.is_active and user.is_staff) or app_label not in PROJECT_APPS:
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
        "provenance/preview.html",
        {"obj": obj, "opts": opts, "rows": rows, "markdown": markdown, "sources": sources},
    )
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


# Rows without a status of their own are listed through the parent that carries it.
PARENTS = {"provision": ("document", "provisions"), "exchangecount": ("exchange", "counts")}
# What a citing row needs to name itself and link somewhere without a query per row.
JOINS = {
    "participant": ["person", "delegation__round"],
    "delegation": ["round"],
    "membership": ["person", "organization"],
    "position": ["issue", "round"],
}


def source_list(request):
    return render(request, "provenance/source_list.html", {"sources": Source.objects.published()})


def source_detail(request, pk: int):
    source = get_object_or_404(Source.objects.published(), pk=pk)
    return render(
        request,
        "provenance/source_detail.html",
        {"source": source, "cited_by": cited_by(source)},
    )


def cited_by(source) -> list[dict]:
    """Published facts citing `source`, grouped by kind. One query per kind of fact.

    The models are reached through Source's reverse relations, so this lowest app imports none
    of the apps above it; each model's own `published()` decides what is public.
    """
    groups = []
    for relation in Source._meta.related_objects:
        model = relation.related_model
        name = model._meta.model_name
        if name in PARENTS:
            parent_field, reverse_name = PARENTS[name]
            model = model._meta.get_field(parent_field).related_model
            rows = model.objects.published().filter(**{f"{reverse_name}__sources": source})
            rows = rows.distinct()
        elif hasattr(model.objects, "published"):
            rows = model.objects.published().filter(sources=source)
        else:
            continue
        rows = rows.select_related(*JOINS.get(model._meta.model_name, []))
        items = [{"label": str(row), "url": _url(row)} for row in rows]
        if items:
            groups.append({"kind": model._meta.verbose_name_plural.capitalize(), "items": items})
    return groups


def _url(row) -> str:
    if hasattr(row, "get_absolute_url"):
        return row.get_absolute_url()
    if hasattr(row, "person"):
        return row.person.get_absolute_url()
    if hasattr(row, "round"):
        return row.round.get_absolute_url()
    return ""
