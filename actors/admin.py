from django.contrib import admin

from actors.models import Membership, Organization, Person
from provenance.admin.base import PublishableAdmin, PublishableInlineMixin
from provenance.admin.translations import TranslatedAdmin


class MembershipInline(PublishableInlineMixin, admin.TabularInline):
    model = Membership
    fields = [
        "organization",
        "post",
        "post_uk",
        "post_ru",
        "start_on",
        "start_precision",
        "end_on",
        "end_precision",
        "ended_date_unknown",
        "publication_status",
    ]
    autocomplete_fields = ["organization"]


@admin.register(Organization)
class OrganizationAdmin(TranslatedAdmin, PublishableAdmin):
    list_display = ["name", "short_name", "kind", "parent", "country_code", "publication_status"]
    list_filter = ["publication_status", "kind", "country_code"]
    list_select_related = ["parent"]
    search_fields = ["name", "short_name", "native_name", "aliases"]
    ordering = ["name_en"]
    autocomplete_fields = ["parent", "sources"]


@admin.register(Person)
class PersonAdmin(TranslatedAdmin, PublishableAdmin):
    list_display = ["name", "native_name", "wikidata_id", "publication_status"]
    list_filter = ["publication_status", "confidence"]
    # search_text holds the case-, script- and accent-folded name and aliases (provenance.text).
    search_fields = ["name", "native_name", "aliases", "slug"]
    ordering = ["name_en"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["sources"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(TranslatedAdmin, PublishableAdmin):
    list_display = [
        "person",
        "post",
        "organization",
        "start_on",
        "end_on",
        "ended_date_unknown",
        "publication_status",
    ]
    list_filter = ["publication_status", "ended_date_unknown", "organization"]
    list_select_related = ["person", "organization"]
    search_fields = ["person__name", "post", "organization__name"]
    ordering = ["person__name_en", "start_on"]
    autocomplete_fields = ["person", "organization", "sources"]
