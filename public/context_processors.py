"""What every page's template may show besides its own content."""

from django.utils.functional import SimpleLazyObject

from provenance.models import RecordReview


def record_review(request) -> dict:
    """`record_review`: how far the record reaches ("reviewed to 15 May 2026"), for the footer
    of every page, so a reader never takes silence after that day for "nothing happened".
    One query, and only when a template shows it; anonymous pages are cached whole anyway
    (ops.cache)."""
    return {"record_review": SimpleLazyObject(RecordReview.objects.latest)}
