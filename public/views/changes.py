"""/changes/: the latest changes to the published record (record.changes), newest first."""

from django.core.paginator import Paginator
from django.shortcuts import render

from record.changes import recent_changes

CHANGES_PAGE_SIZE = 25
CHANGES_KEPT = 200  # the page lists this many recent changes; the feed and history keep the rest


def changes(request):
    page = Paginator(recent_changes(CHANGES_KEPT), CHANGES_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "public/changes.html", {"page": page})
