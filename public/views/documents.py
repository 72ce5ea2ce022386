"""Document pages: what each side tabled, with its provisions by issue."""

from itertools import groupby

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render

from positions.models import Document, Provision


def document_list(request):
    documents = (
        Document.objects.published().select_related("round__track").prefetch_related("sources")
    )
    return render(request, "public/document_list.html", {"documents": documents})


def document_detail(request, slug: str):
    document = get_object_or_404(
        Document.objects.published()
        .select_related("round__track")
        .prefetch_related(
            "sources",
            Prefetch(
                "provisions",
                queryset=Provision.objects.prefetch_related("issues", "sources"),
            ),
        ),
        slug=slug,
    )
    sections = [
        (section, list(provisions))
        for section, provisions in groupby(document.provisions.all(), key=lambda p: p.section)
    ]
    return render(
        request,
        "public/document_detail.html",
        {
            "document": document,
            "sections": sections,
            "positions": document.positions.published().select_related("issue", "round__track"),
        },
    )
