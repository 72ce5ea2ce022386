from django.contrib import admin

from provenance.admin.base import PublishableAdmin
from provenance.models import RecordReview, Source


@admin.register(Source)
class SourceAdmin(PublishableAdmin):
    list_display = [
        "code",
        "publisher",
        "title",
        "published_on",
        "state_affiliation",
        "publication_status",
    ]
    list_filter = ["publication_status", "kind", "state_affiliation", "is_mirror", "language"]
    search_fields = ["code", "title", "publisher", "url"]
    ordering = ["code"]
    date_hierarchy = "published_on"
    markdown_fields = ()  # a source's note is plain text


@admin.register(RecordReview)
class RecordReviewAdmin(PublishableAdmin):
    """Checks of the whole record: the latest published one's `reviewed_to` is shown on every
    page and at the top of the API."""

    list_display = ["__str__", "reviewed_to", "reviewed_on", "publication_status"]
    list_filter = ["publication_status"]
    search_fields = ["summary"]
    ordering = ["-reviewed_to"]
