"""Source pages: each citable document, and every published fact that cites it."""

from django.shortcuts import get_object_or_404, render

from provenance.models import Source

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
    return render(request, "public/source_list.html", {"sources": Source.objects.published()})


def source_detail(request, pk: int):
    source = get_object_or_404(Source.objects.published(), pk=pk)
    return render(
        request,
        "public/source_detail.html",
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
