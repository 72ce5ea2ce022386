"""Admin for issues, documents, positions, commitments and exchanges, and the round desk."""

from django.contrib import admin
from django.db import models
from django.urls import reverse
from django.utils import formats
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from positions.models import (
    Commitment,
    Document,
    Exchange,
    ExchangeCount,
    Issue,
    Position,
    Provision,
)
from positions.resources import ExchangeCountResource
from provenance.admin.autocomplete import with_status
from provenance.admin.base import (
    NewsroomImportMixin,
    ParentLockedAdmin,
    ParentLockedInlineMixin,
    PublishableAdmin,
    PublishableInlineMixin,
    ReferenceAdmin,
)
from provenance.admin.translations import TranslatedAdmin
from talks.admin import DelegationInline, EventInline
from talks.models import DEFAULT_TRACK, Round, Track


@admin.register(Issue)
class IssueAdmin(TranslatedAdmin, ReferenceAdmin):
    list_display = ["name", "slug", "order"]
    search_fields = ["name", "slug", "description"]
    ordering = ["order", "name_en"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["events"]


class ProvisionInline(ParentLockedInlineMixin, admin.StackedInline):
    model = Provision
    # The translations right after their English, as TranslatedAdmin places them on a page.
    fields = [
        "section",
        "section_uk",
        "section_ru",
        "order",
        "text",
        "text_uk",
        "text_ru",
        "issues",
        "confidence",
        "sources",
    ]
    autocomplete_fields = ["issues", "sources"]
    show_change_link = False
    markdown_fields = ()


@admin.register(Provision)
class ProvisionAdmin(TranslatedAdmin, ParentLockedAdmin):
    """Provisions are written on their document's page; this list is where a publisher marks
    their translations reviewed, and where the review desk's "Translations to do" links."""

    lock_parent = "document"

    list_display = ["document", "section", "text", "order"]
    list_filter = ["document"]
    list_select_related = ["document"]
    search_fields = ["document__title", "section", "text"]
    ordering = ["document", "order", "pk"]
    autocomplete_fields = ["document", "issues", "sources"]


@admin.register(Document)
class DocumentAdmin(TranslatedAdmin, PublishableAdmin):
    list_display = ["title", "kind", "author_side", "round", "tabled_on", "publication_status"]
    list_filter = ["publication_status", "kind", "author_side", "round"]
    list_select_related = ["round"]
    search_fields = ["title", "summary"]
    ordering = ["-tabled_on", "title_en"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["round", "sources"]
    inlines = [ProvisionInline]


@admin.register(Position)
class PositionAdmin(TranslatedAdmin, PublishableAdmin):
    list_display = ["issue", "side", "round", "stance", "confidence", "publication_status"]
    list_filter = ["publication_status", "side", "stance", "issue", "round", "confidence"]
    list_select_related = ["issue", "round"]
    search_fields = ["summary", "issue__name"]
    ordering = ["-round__held_on", "issue__order", "side"]
    autocomplete_fields = ["issue", "round", "document", "sources"]


class ExchangeLinkInline(admin.TabularInline):
    """A commitment's exchanges, each one click away; edited on the exchange's own page."""

    model = Exchange
    fk_name = "commitment"
    fields = ["occurred_on", "title", "kind", "linkage_confidence", "publication_status"]
    readonly_fields = fields
    extra = 0
    show_change_link = True
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Commitment)
class CommitmentAdmin(TranslatedAdmin, PublishableAdmin):
    list_display = ["title", "track", "round", "issue", "agreed_by", "status", "publication_status"]
    list_filter = ["publication_status", "status", "agreed_by", "track", "issue", "round"]
    list_select_related = ["track", "round", "issue"]
    search_fields = ["title", "description", "=round__number"]
    ordering = ["-announced_on", "title_en"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["track", "round", "issue", "sources"]
    inlines = [ExchangeLinkInline]

    def autocomplete_label(self, obj):
        where = f"round {obj.round.number}" if obj.round_id else "no round"
        return with_status(obj, f"{obj.title} · {where}")


class ExchangeCountInline(ParentLockedInlineMixin, admin.TabularInline):
    model = ExchangeCount
    fields = [
        "receiving_side",
        "category",
        "quantity",
        "precision",
        "claimed_by",
        "note",
        "note_uk",
        "note_ru",
        "confidence",
        "sources",
    ]
    autocomplete_fields = ["sources"]
    show_change_link = False


@admin.register(Exchange)
class ExchangeAdmin(TranslatedAdmin, PublishableAdmin):
    list_display = [
        "occurred_on",
        "title",
        "kind",
        "commitment",
        "mediator",
        "confidence",
        "publication_status",
    ]
    # commitment__round: the round desk links to "exchanges under its commitments".
    list_filter = [
        "publication_status",
        "kind",
        "confidence",
        "linkage_confidence",
        "linkage_stated_by",
        "commitment__track",
        "mediator",
        ("commitment__round", admin.RelatedOnlyFieldListFilter),
    ]
    list_select_related = ["commitment", "mediator"]
    search_fields = ["title", "summary", "commitment__title"]
    ordering = ["-occurred_on"]
    date_hierarchy = "occurred_on"
    autocomplete_fields = ["commitment", "part_of", "mediator", "sources"]
    inlines = [ExchangeCountInline]


@admin.register(ExchangeCount)
class ExchangeCountAdmin(TranslatedAdmin, NewsroomImportMixin, ParentLockedAdmin):
    """Each side's figures; also where exchanges with their counts are imported from CSV."""

    lock_parent = "exchange"

    resource_classes = [ExchangeCountResource]
    import_template = "exchange-counts"
    list_display = ["exchange", "receiving_side", "category", "quantity", "claimed_by"]
    list_filter = ["receiving_side", "category", "claimed_by", "precision"]
    list_select_related = ["exchange"]
    search_fields = ["exchange__title", "note"]
    ordering = ["-exchange__occurred_on", "receiving_side", "category"]
    autocomplete_fields = ["exchange", "sources"]


class DocumentInline(PublishableInlineMixin, admin.TabularInline):
    model = Document
    fields = ["title", "slug", "kind", "author_side", "tabled_on", "sources", "publication_status"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["sources"]


class PositionInline(PublishableInlineMixin, admin.StackedInline):
    model = Position
    fields = [("side", "issue", "stance"), "summary", "document", "sources", "publication_status"]
    autocomplete_fields = ["issue", "document", "sources"]
    classes = ["collapse"]


class CommitmentInline(PublishableInlineMixin, admin.StackedInline):
    model = Commitment
    fields = [
        ("title", "slug"),
        ("issue", "agreed_by", "announced_by"),
        ("target_category", "target_per_side", "target_is_minimum"),
        "status",
        "sources",
        "publication_status",
    ]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["issue", "sources"]


@admin.register(Round)
class RoundAdmin(TranslatedAdmin, PublishableAdmin):
    """The round desk: a round with its delegations, events, documents tabled, positions and
    commitments. Submitting or publishing a round takes everything logged under it along
    (provenance.review)."""

    list_display = ["number", "title", "track", "held_on", "venue", "status", "publication_status"]
    # No track filter: six queries more for each filter's facets; tracks are few, and the list
    # shows each round's track and sorts newest first.
    list_filter = ["publication_status", "status", "format", "confidence", "venue"]
    list_select_related = ["track", "venue__city"]
    search_fields = ["title", "summary", "venue__name", "track__name"]
    ordering = ["-held_on", "-number"]
    date_hierarchy = "held_on"
    autocomplete_fields = ["track", "venue", "chair", "hosts", "sources"]
    readonly_fields = ["related_links"]
    inlines = [DelegationInline, EventInline, DocumentInline, PositionInline, CommitmentInline]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    ("track", "number"),
                    "title",
                    "status",
                    "publication_status",
                    "related_links",
                ]
            },
        ),
        (
            _("When and where"),
            {
                "fields": [
                    ("held_on", "held_on_precision", "ended_on"),
                    "time_zone",
                    "scheduled_start_at",
                    ("actual_start_at", "actual_end_at"),
                    "timing_note",
                    "venue",
                ]
            },
        ),
        (
            _("Format"),
            {"fields": ["format", "format_note", "working_language", "chair", "hosts"]},
        ),
        (
            _("Summary and sources"),
            {"fields": ["summary", "sources", "confidence", "confidence_note"]},
        ),
        (None, {"fields": ["change_reason", "loaded_version"]}),
    ]

    def get_changeform_initial_data(self, request):
        """A new round starts in the Istanbul talks, whose rounds have the short addresses
        (/rounds/4/), as before tracks; the editor picks another track from the list."""
        initial = super().get_changeform_initial_data(request)
        if "track" not in initial:
            tracks = Track.objects.order_by(
                # The default track first, else the one that started last.
                models.Case(models.When(slug=DEFAULT_TRACK, then=0), default=1),
                "-started_on",
            )
            initial["track"] = tracks.values_list("pk", flat=True).first()
        return initial

    def autocomplete_label(self, obj):
        when = formats.date_format(obj.held_on, "d M Y")
        name = gettext("Round %(number)s") % {"number": obj.number}
        return with_status(obj, f"{name} · {when} · {obj.title}")

    def get_search_results(self, request, queryset, search_term):
        """Rounds are found by number too: "3", "round 3"."""
        found, duplicates = super().get_search_results(request, queryset, search_term)
        number = search_term.lower().removeprefix("round").strip()
        if number.isdigit():
            found |= queryset.filter(number=int(number))
        return found, duplicates

    @admin.display(description=_("Everything for this round"))
    def related_links(self, obj):
        if obj is None or obj.pk is None:
            return "—"
        links = [
            (_("Delegations and participants"), "talks_delegation", "round__id__exact"),
            (_("Participants"), "talks_participant", "delegation__round__id__exact"),
            (_("Documents tabled"), "positions_document", "round__id__exact"),
            (_("Positions"), "positions_position", "round__id__exact"),
            (_("Commitments"), "positions_commitment", "round__id__exact"),
            (
                _("Exchanges under its commitments"),
                "positions_exchange",
                "commitment__round__id__exact",
            ),
            (_("Events"), "talks_event", "round__id__exact"),
        ]
        return format_html(
            " · ".join(['<a href="{}?{}={}">{}</a>'] * len(links)),
            *[
                part
                for label, name, lookup in links
                for part in (reverse(f"admin:{name}_changelist"), lookup, obj.pk, label)
            ],
        )
