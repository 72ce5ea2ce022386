from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from actors.models import Membership, Organization, Person


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    fields = [
        "organization",
        "post",
        "start_on",
        "start_precision",
        "end_on",
        "end_precision",
        "publication_status",
    ]
    autocomplete_fields = ["organization"]


@admin.register(Organization)
class OrganizationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "short_name", "kind", "parent", "country_code", "publication_status"]
    list_filter = ["publication_status", "kind", "country_code"]
    list_select_related = ["parent"]
    search_fields = ["name", "short_name", "native_name", "aliases"]
    autocomplete_fields = ["parent", "sources"]
    show_facets = admin.ShowFacets.ALWAYS


@admin.register(Person)
class PersonAdmin(SimpleHistoryAdmin):
    list_display = ["name", "native_name", "wikidata_id", "publication_status"]
    list_filter = ["publication_status"]
    search_fields = ["name", "native_name", "aliases", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["sources"]
    inlines = [MembershipInline]
    show_facets = admin.ShowFacets.ALWAYS


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["person", "post", "organization", "start_on", "end_on", "publication_status"]
    list_filter = ["publication_status", "organization"]
    list_select_related = ["person", "organization"]
    search_fields = ["person__name", "post", "organization__name"]
    autocomplete_fields = ["person", "organization", "sources"]
