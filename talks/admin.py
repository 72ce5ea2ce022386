"""Admin for venues, delegations, participants and events.

The round desk (the Round admin) is in positions/admin.py: its inlines include the documents,
positions and commitments of the round, which this app cannot import.
"""

from django.contrib import admin

from provenance.admin.base import (
    NewsroomImportMixin,
    ParentLockedAdmin,
    ParentLockedInlineMixin,
    PublishableAdmin,
    PublishableInlineMixin,
    ReferenceAdmin,
)
from talks.models import Delegation, Event, Participant, Venue
from talks.resources import ParticipantResource


@admin.register(Venue)
class VenueAdmin(ReferenceAdmin):
    list_display = ["name", "city", "country_code", "confidence"]
    list_filter = ["country_code", "city", "confidence"]
    search_fields = ["name", "native_name", "aliases", "city"]
    ordering = ["name"]
    autocomplete_fields = ["sources"]


class DelegationInline(PublishableInlineMixin, admin.TabularInline):
    """Delegations at a glance; participants are one click away on the delegation's page."""

    model = Delegation
    fields = [
        "side",
        "organization",
        "appointing_act",
        "reported_size",
        "sources",
        "publication_status",
    ]
    autocomplete_fields = ["organization", "sources"]


class EventInline(PublishableInlineMixin, admin.TabularInline):
    model = Event
    fields = ["occurred_on", "kind", "side", "title", "sources", "publication_status"]
    autocomplete_fields = ["sources"]
    classes = ["collapse"]


class ParticipantInline(ParentLockedInlineMixin, admin.TabularInline):
    model = Participant
    fields = [
        "person",
        "role",
        "title_at_time",
        "represents",
        "at_table",
        "order",
        "sources",
        "confidence",
    ]
    autocomplete_fields = ["person", "represents", "sources"]


@admin.register(Delegation)
class DelegationAdmin(PublishableAdmin):
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
    ordering = ["-round__number", "side"]
    autocomplete_fields = ["round", "organization", "sources"]
    inlines = [ParticipantInline]


@admin.register(Participant)
class ParticipantAdmin(NewsroomImportMixin, ParentLockedAdmin):
    """Delegation members; also where participants are imported from CSV."""

    lock_parent = "delegation"

    resource_classes = [ParticipantResource]
    import_template = "participants"
    list_display = ["person", "role", "title_at_time", "delegation", "at_table", "confidence"]
    list_filter = ["role", "at_table", "confidence", "delegation__side", "delegation__round"]
    list_select_related = ["person", "delegation__round"]
    search_fields = ["person__name", "person__aliases", "title_at_time"]
    ordering = ["-delegation__round__number", "delegation__side", "order"]
    autocomplete_fields = ["delegation", "person", "represents", "sources"]


@admin.register(Event)
class EventAdmin(PublishableAdmin):
    list_display = [
        "occurred_on",
        "title",
        "kind",
        "side",
        "round",
        "confidence",
        "publication_status",
    ]
    list_filter = ["publication_status", "kind", "side", "confidence", "round"]
    list_select_related = ["round"]
    search_fields = ["title", "summary"]
    ordering = ["-occurred_on"]
    date_hierarchy = "occurred_on"
    autocomplete_fields = ["round", "venue", "people", "organizations", "sources"]
