"""/changes/: the latest changes to the published record (record.changes), newest first."""

from django.core.paginator import Paginator
from django.shortcuts import render

from record.changes import recent_changes

CHANGES_PAGE_SIZE = 25
CHANGES_KEPT = 200  # the page lists this many recent changes; the feed and history keep the rest
LAST_PAGE = CHANGES_KEPT // CHANGES_PAGE_SIZE


def changes(request):
    """Page `?page=N` (1 to LAST_PAGE; anything else is the nearest of them) of the latest
    changes. Only the changes up to that page are worked out, and one more to know whether an
    older page follows: reading every tracked kind's history is the costliest thing on the
    site, and most readers want the first page (issue 14)."""
    number = _page_number(request.GET.get("page"))
    found = recent_changes(min(CHANGES_KEPT, number * CHANGES_PAGE_SIZE + 1))
    # The page asked for, or the last one there is when the record has fewer changes.
    page = Paginator(found, CHANGES_PAGE_SIZE).get_page(number)
    return render(request, "public/changes.html", {"page": page})


def _page_number(raw: str | None) -> int:
    try:
        return min(max(int(raw or 1), 1), LAST_PAGE)
    except ValueError:
        return 1
