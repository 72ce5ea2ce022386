from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from talks.models import Delegation, Event, Participant, Round, Venue


@admin.register(Venue)
class VenueAdmin(admin.ModelAdmin):
    list_display = ["name", "city", "country_code"]
    search_fields = ["name", "native_name", "aliases", "city"]


class DelegationInline(admin.TabularInline):
    model = Delegation
    extra = 0
    fields = ["side", "organization", "appointing_act", "reported_size", "publication_status"]
    autocomplete_fields = ["organization"]
    show_change_link = True


@admin.register(Round)
class RoundAdmin(SimpleHistoryAdmin):
    list_display = ["number", "title", "held_on", "venue", "status", "publication_status"]
    list_filter = ["publication_status", "status", "format", "confidence"]
    list_select_related = ["venue"]
    search_fields = ["title", "summary", "venue__name"]
    date_hierarchy = "held_on"
    autocomplete_fields = ["venue", "chair", "hosts", "sources"]
    inlines = [DelegationInline]
    show_facets = admin.ShowFacets.ALWAYS


class ParticipantInline(admin.TabularInline):
    model = Participant
    extra = 0
    fields = ["person", "role", "title_at_time", "represents", "at_table", "order", "confidence"]
    autocomplete_fields = ["person", "represents"]


@admin.register(Delegation)
class DelegationAdmin(SimpleHistoryAdmin):
    list_display = [
        "__str__",
        "round",
        "side",
        "appointing_act",
        "reported_size",
        "publication_status",
    ]
    list_filter = ["publication_status", "side", "round"]
    list_select_related = ["round"]
    search_fields = ["appointing_act", "summary", "round__title"]
    autocomplete_fields = ["round", "organization", "sources"]
    inlines = [ParticipantInline]


@admin.register(Participant)
class ParticipantAdmin(SimpleHistoryAdmin):
    list_display = ["person", "role", "title_at_time", "delegation", "at_table", "confidence"]
    list_filter = ["role", "at_table", "confidence", "delegation__side", "delegation__round"]
    list_select_related = ["person", "delegation__round"]
    search_fields = ["person__name", "person__aliases", "title_at_time"]
    autocomplete_fields = ["delegation", "person", "represents", "sources"]


@admin.register(Event)
class EventAdmin(SimpleHistoryAdmin):
    list_display = [
        "occurred_on",
        "title",
        "kind",
        "side",
        "round",
        "confidence",
        "publication_status",
    ]
    list_filter = ["publication_status", "kind", "side", "confidence"]
    list_select_related = ["round"]
    search_fields = ["title", "summary"]
    date_hierarchy = "occurred_on"
    autocomplete_fields = ["round", "venue", "people", "organizations", "sources"]
    show_facets = admin.ShowFacets.ALWAYS
