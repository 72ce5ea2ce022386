"""The admin for sources, and the base classes every content admin builds on (base.py)."""

from django.contrib import admin

from provenance.admin import desk, sources  # noqa: F401  (registers the desk and SourceAdmin)
from provenance.admin.autocomplete import LabelledAutocompleteJsonView

# Autocomplete answers label each record so editors can tell them apart (see autocomplete.py).
admin.site.autocomplete_view = LabelledAutocompleteJsonView.as_view(admin_site=admin.site)

admin.site.site_header = "Istanbul Talks Tracker — editors"
admin.site.site_title = "Istanbul Talks Tracker admin"
admin.site.index_title = "The record"
