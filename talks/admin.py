from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from import_export.admin import ImportMixin
from import_export.formats.base_formats import CSV

from provenance.admin.base import (
    ContentAdminMixin,
    ParentLockedAdmin,
    ParentLockedInlineMixin,
    PublishableAdmin,
    PublishableInlineMixin,
)
from talks.models import Delegation, Event, Participant, Round, Venue
from talks.resources import ParticipantResource


@admin.register(Venue)
class VenueAdmin(ContentAdminMixin, admin.ModelAdmin):
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


@admin.register(Round)
class RoundAdmin(PublishableAdmin):
    """The round desk. positions.admin extends it with documents, positions and commitments."""

    list_display = ["number", "title", "held_on", "venue", "status", "publication_status"]
    list_filter = ["publication_status", "status", "format", "confidence", "venue"]
    list_select_related = ["venue"]
    search_fields = ["title", "summary", "venue__name"]
    ordering = ["-number"]
    date_hierarchy = "held_on"
    autocomplete_fields = ["venue", "chair", "hosts", "sources"]
    readonly_fields = ["related_links"]
    inlines = [DelegationInline, EventInline]
    fieldsets = [
        (None, {"fields": ["number", "title", "status", "publication_status", "related_links"]}),
        (
            "When and where",
            {
                "fields": [
                    ("held_on", "held_on_precision"),
                    "time_zone",
                    "scheduled_start_at",
                    ("actual_start_at", "actual_end_at"),
                    "timing_note",
                    "venue",
                ]
            },
        ),
        (
            "Format",
            {"fields": ["format", "format_note", "working_language", "chair", "hosts"]},
        ),
        (
            "Summary and sources",
            {"fields": ["summary", "sources", "confidence", "confidence_note"]},
        ),
        (None, {"fields": ["change_reason", "loaded_version"]}),
    ]

    @admin.display(description="Everything for this round")
    def related_links(self, obj):
        if obj is None or obj.pk is None:
            return "—"
        links = [
            ("Delegations and participants", "talks_delegation", "round__id__exact"),
            ("Participants", "talks_participant", "delegation__round__id__exact"),
            ("Documents tabled", "positions_document", "round__id__exact"),
            ("Positions", "positions_position", "round__id__exact"),
            ("Commitments", "positions_commitment", "round__id__exact"),
            (
                "Exchanges under its commitments",
                "positions_exchange",
                "commitment__round__id__exact",
            ),
            ("Events", "talks_event", "round__id__exact"),
        ]
        return format_html(
            " · ".join(['<a href="{}?{}={}">{}</a>'] * len(links)),
            *[
                part
                for label, name, lookup in links
                for part in (reverse(f"admin:{name}_changelist"), lookup, obj.pk, label)
            ],
        )


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
class ParticipantAdmin(ImportMixin, ParentLockedAdmin):
    """Delegation members; also where participants are imported from CSV."""

    lock_parent = "delegation"

    resource_classes = [ParticipantResource]
    import_formats = [CSV]
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
