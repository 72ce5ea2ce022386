"""Source pages: each citable document, and every published fact that cites it."""

from django.shortcuts import get_object_or_404, render

from provenance.models import Source
from provenance.translated import Translated
from public.templatetags.translated import lang_of
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


def _name_lang(row) -> str:
    return lang_of(row, row.translated_fields[0]) if isinstance(row, Translated) else ""


def cited_by(source) -> list[dict]:
    """Published facts citing `source`, grouped by kind (record.kinds.CITING), each linked to the
    page that shows it. One query per kind that cites sources."""
    groups = []
    for kind in CITING:
        rows = kind.public().filter(sources=source).select_related(*kind.related).distinct()
        items = [
            # lang="en" when its name (str(), its first translated text) falls back to English.
            {"label": str(row), "url": kind.url(row), "lang": _name_lang(row)}
            for row in rows
        ]
        if items:
            groups.append({"kind": kind.plural, "items": items})
    return groups
