"""Source pages: each citable document, and every published fact that cites it."""

from django.shortcuts import get_object_or_404, render

from provenance.models import Source
from record.kinds import CITING


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
    """Published facts citing `source`, grouped by kind (record.kinds.CITING), each linked to the
    page that shows it. One query per kind that cites sources."""
    groups = []
    for kind in CITING:
        rows = kind.public().filter(sources=source).select_related(*kind.related).distinct()
        items = [{"label": str(row), "url": kind.url(row)} for row in rows]
        if items:
            groups.append({"kind": kind.plural, "items": items})
    return groups
