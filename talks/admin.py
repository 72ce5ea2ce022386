"""Admin for cities, venues, tracks, appointed delegations, delegations, participants and events.

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
from provenance.admin.translations import TranslatedAdmin
from talks.models import (
    City,
    Delegation,
    Event,
    Participant,
    StandingDelegation,
    StandingMember,
    Track,
    Venue,
)
from talks.resources import ParticipantResource


@admin.register(City)
class CityAdmin(TranslatedAdmin, ReferenceAdmin):
    """Cities with their names in each language; search on the site finds rounds by any of them."""

    list_display = ["name", "native_name", "country_code"]
    search_fields = ["name", "native_name", "aliases"]
    ordering = ["name_en"]


@admin.register(Venue)
class VenueAdmin(TranslatedAdmin, ReferenceAdmin):
    list_display = ["name", "city", "country_code", "confidence"]
    list_filter = ["country_code", "city", "confidence"]
    list_select_related = ["city"]
    search_fields = ["name", "native_name", "aliases", "city__name", "city__aliases"]
    ordering = ["name_en"]
    autocomplete_fields = ["city", "sources"]


@admin.register(Track)
class TrackAdmin(TranslatedAdmin, PublishableAdmin):
    """A negotiation track: its parties and mediators; its rounds are numbered within it."""

    list_display = ["name", "slug", "started_on", "ended_on", "order", "publication_status"]
    list_filter = ["publication_status", "confidence"]
    search_fields = ["name", "short_name", "summary"]
    ordering = ["order", "started_on"]
    autocomplete_fields = ["parties", "mediators", "sources"]

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        # The slug is in every address of the track and its rounds: fixed once published.
        if obj is not None and obj.is_published and "slug" not in fields:
            fields.append("slug")
        return fields

    def get_prepopulated_fields(self, request, obj=None):
        # Only on a new track: the history's read-only forms have no slug field to fill.
        return {"slug": ["name"]} if obj is None else {}


class StandingMemberInline(ParentLockedInlineMixin, admin.TabularInline):
    model = StandingMember
    # The translations beside the English, as TranslatedAdmin puts them on a change form.
    fields = [
        "person",
        "role",
        "title_at_time",
        "title_at_time_uk",
        "title_at_time_ru",
        "order",
        "sources",
        "confidence",
    ]
    autocomplete_fields = ["person", "sources"]


@admin.register(StandingMember)
class StandingMemberAdmin(TranslatedAdmin, ParentLockedAdmin):
    """The people an appointing act names, also edited on their standing delegation's page; here
    so that the review desk can link a member's translation and publishers can mark it reviewed."""

    lock_parent = "standing_delegation"

    list_display = ["person", "role", "title_at_time", "standing_delegation", "confidence"]
    list_filter = ["role", "confidence", "standing_delegation__track"]
    list_select_related = ["person", "standing_delegation"]
    search_fields = ["person__name", "person__aliases", "title_at_time"]
    ordering = ["-standing_delegation__appointed_on", "order"]
    autocomplete_fields = ["standing_delegation", "person", "sources"]


@admin.register(StandingDelegation)
class StandingDelegationAdmin(TranslatedAdmin, PublishableAdmin):
    """A delegation appointed for a whole track by one act, with the head and members it names.
    Each round's own delegation records who attended, and names the act it attended under."""

    list_display = [
        "__str__",
        "track",
        "side",
        "appointed_on",
        "ended_on",
        "publication_status",
    ]
    list_filter = ["publication_status", "side", "track"]
    list_select_related = ["track"]
    search_fields = ["appointing_act", "summary", "members__person__name"]
    ordering = ["-appointed_on"]
    autocomplete_fields = ["track", "organization", "sources"]
    inlines = [StandingMemberInline]


class DelegationInline(PublishableInlineMixin, admin.TabularInline):
    """Delegations at a glance; participants are one click away on the delegation's page."""

    model = Delegation
    fields = [
        "side",
        "organization",
        "standing",
        "appointing_act",
        "appointing_act_uk",
        "appointing_act_ru",
        "reported_size",
        "sources",
        "publication_status",
    ]
    autocomplete_fields = ["organization", "standing", "sources"]


class EventInline(PublishableInlineMixin, admin.TabularInline):
    model = Event
    fields = [
        "occurred_on",
        "kind",
        "side",
        "title",
        "title_uk",
        "title_ru",
        "sources",
        "publication_status",
    ]
    autocomplete_fields = ["sources"]
    classes = ["collapse"]


class ParticipantInline(ParentLockedInlineMixin, admin.TabularInline):
    model = Participant
    fields = [
        "person",
        "role",
        "title_at_time",
        "title_at_time_uk",
        "title_at_time_ru",
        "represents",
        "at_table",
        "order",
        "sources",
        "confidence",
    ]
    autocomplete_fields = ["person", "represents", "sources"]


@admin.register(Delegation)
class DelegationAdmin(TranslatedAdmin, PublishableAdmin):
    list_display = [
        "__str__",
        "round",
        "side",
        "appointing_act",
        "reported_size",
        "publication_status",
    ]
    list_filter = ["publication_status", "side", "round__track", "round"]
    list_select_related = ["round"]
    search_fields = ["appointing_act", "summary", "round__title"]
    ordering = ["-round__held_on", "side"]
    autocomplete_fields = ["round", "organization", "standing", "sources"]
    inlines = [ParticipantInline]


@admin.register(Participant)
class ParticipantAdmin(TranslatedAdmin, NewsroomImportMixin, ParentLockedAdmin):
    """Delegation members; also where participants are imported from CSV."""

    lock_parent = "delegation"

    resource_classes = [ParticipantResource]
    import_template = "participants"
    list_display = ["person", "role", "title_at_time", "delegation", "at_table", "confidence"]
    list_filter = ["role", "at_table", "confidence", "delegation__side", "delegation__round"]
    list_select_related = ["person", "delegation__round"]
    search_fields = ["person__name", "person__aliases", "title_at_time"]
    ordering = ["-delegation__round__held_on", "delegation__side", "order"]
    autocomplete_fields = ["delegation", "person", "represents", "sources"]


@admin.register(Event)
class EventAdmin(TranslatedAdmin, PublishableAdmin):
    list_display = [
        "occurred_on",
        "title",
        "kind",
        "side",
        "round",
        "confidence",
        "publication_status",
    ]
    list_filter = ["publication_status", "kind", "side", "confidence", "track", "round"]
    list_select_related = ["round"]
    search_fields = ["title", "summary"]
    ordering = ["-occurred_on"]
    date_hierarchy = "occurred_on"
    autocomplete_fields = ["round", "track", "venue", "people", "organizations", "sources"]
