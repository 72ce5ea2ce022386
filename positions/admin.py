from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from positions.models import (
    Commitment,
    Document,
    Exchange,
    ExchangeCount,
    Issue,
    Position,
    Provision,
)


@admin.register(Issue)
class IssueAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "order"]
    search_fields = ["name", "slug", "description"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["events"]


class ProvisionInline(admin.StackedInline):
    model = Provision
    extra = 0
    fields = ["section", "order", "text", "issues", "confidence", "sources"]
    autocomplete_fields = ["issues", "sources"]


@admin.register(Document)
class DocumentAdmin(SimpleHistoryAdmin):
    list_display = ["title", "kind", "author_side", "round", "tabled_on", "publication_status"]
    list_filter = ["publication_status", "kind", "author_side", "round"]
    list_select_related = ["round"]
    search_fields = ["title", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["round", "sources"]
    inlines = [ProvisionInline]


@admin.register(Position)
class PositionAdmin(SimpleHistoryAdmin):
    list_display = ["issue", "side", "round", "stance", "confidence", "publication_status"]
    list_filter = ["publication_status", "side", "stance", "issue", "round", "confidence"]
    list_select_related = ["issue", "round"]
    search_fields = ["summary", "issue__name"]
    autocomplete_fields = ["issue", "round", "document", "sources"]


@admin.register(Commitment)
class CommitmentAdmin(SimpleHistoryAdmin):
    list_display = ["title", "round", "issue", "agreed_by", "status", "publication_status"]
    list_filter = ["publication_status", "status", "agreed_by", "issue", "round"]
    list_select_related = ["round", "issue"]
    search_fields = ["title", "description"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["round", "issue", "sources"]


class ExchangeCountInline(admin.TabularInline):
    model = ExchangeCount
    extra = 0
    fields = [
        "receiving_side",
        "category",
        "quantity",
        "precision",
        "claimed_by",
        "note",
        "confidence",
    ]


@admin.register(Exchange)
class ExchangeAdmin(SimpleHistoryAdmin):
    list_display = [
        "occurred_on",
        "title",
        "kind",
        "commitment",
        "mediator",
        "confidence",
        "publication_status",
    ]
    list_filter = ["publication_status", "kind", "confidence", "linkage_confidence", "mediator"]
    list_select_related = ["commitment", "mediator"]
    search_fields = ["title", "summary"]
    date_hierarchy = "occurred_on"
    autocomplete_fields = ["commitment", "part_of", "mediator", "sources"]
    inlines = [ExchangeCountInline]
