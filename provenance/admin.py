from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from provenance.models import Source


@admin.register(Source)
class SourceAdmin(SimpleHistoryAdmin):
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
    date_hierarchy = "published_on"
    show_facets = admin.ShowFacets.ALWAYS
