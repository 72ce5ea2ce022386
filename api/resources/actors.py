"""API resources for organizations, people and their posts."""

from rest_framework import serializers

from actors.models import Membership, Organization, Person
from api.base import PublicReadOnlyViewSet
from api.fields import IncludeSourcesMixin, ItemUrlField, RefField
from api.filters import CharInFilter, IdFilter, PublicFilterSet, text_search


class OrganizationSerializer(IncludeSourcesMixin, serializers.HyperlinkedModelSerializer):
    url = ItemUrlField("organization")
    parent = RefField("organization", allow_null=True)
    aliases = serializers.ListField(source="alias_list", child=serializers.CharField())

    class Meta:
        model = Organization
        fields = [
            "id", "url", "name", "short_name", "native_name", "aliases", "kind", "parent",
            "country_code", "wikidata_id", "description", "confidence", "confidence_note",
            "created_at", "updated_at", "sources",
        ]  # fmt: skip


class OrganizationFilter(PublicFilterSet):
    kind__in = CharInFilter(field_name="kind")
    parent = IdFilter(field_name="parent_id")

    class Meta:
        model = Organization
        fields = {"kind": ["exact"], "country_code": ["exact"], "confidence": ["exact"]}


class OrganizationViewSet(PublicReadOnlyViewSet):
    """States, bodies inside them, and international organizations."""

    serializer_class = OrganizationSerializer
    filterset_class = OrganizationFilter
    ordering_fields = ["name", "kind", "updated_at", "id"]
    ordering = ["name", "id"]

    def get_queryset(self):
        queryset = Organization.objects.published().select_related("parent")
        return self.with_sources(queryset)


class PersonSerializer(IncludeSourcesMixin, serializers.HyperlinkedModelSerializer):
    url = ItemUrlField("person")
    aliases = serializers.ListField(source="alias_list", child=serializers.CharField())

    class Meta:
        model = Person
        fields = [
            "id", "url", "slug", "name", "native_name", "aliases", "wikidata_id", "biography",
            "confidence", "confidence_note", "created_at", "updated_at", "sources",
        ]  # fmt: skip


class PersonFilter(PublicFilterSet):
    organization = IdFilter(
        field_name="memberships__organization_id",
        distinct=True,
        help_text="People who held a post in this organization.",
    )

    class Meta:
        model = Person
        fields = {"slug": ["exact"], "wikidata_id": ["exact"], "confidence": ["exact"]}


class PersonViewSet(PublicReadOnlyViewSet):
    """People who negotiated, hosted, mediated or shaped the talks."""

    serializer_class = PersonSerializer
    filterset_class = PersonFilter
    ordering_fields = ["name", "updated_at", "id"]
    ordering = ["name", "id"]

    def get_queryset(self):
        return self.with_sources(Person.objects.published())


class MembershipSerializer(IncludeSourcesMixin, serializers.HyperlinkedModelSerializer):
    url = ItemUrlField("membership")
    person = RefField("person")
    organization = RefField("organization")

    class Meta:
        model = Membership
        fields = [
            "id", "url", "person", "organization", "post", "start_on", "start_precision",
            "end_on", "end_precision", "ended_date_unknown", "note", "confidence", "created_at", "updated_at", "sources",
        ]  # fmt: skip


class MembershipFilter(PublicFilterSet):
    person = IdFilter(field_name="person_id")
    organization = IdFilter(field_name="organization_id")

    class Meta:
        model = Membership
        fields = {
            "start_on": ["gte", "lte"],
            "end_on": ["gte", "lte", "isnull"],
            "ended_date_unknown": ["exact"],
            "confidence": ["exact"],
        }

    search_through = ("person__search_text", "organization__search_text")

    def filter_q(self, queryset, name, value):
        return super().filter_q(queryset, name, value) | text_search(queryset, value, "post")


class MembershipViewSet(PublicReadOnlyViewSet):
    """A person's post in an organization over time."""

    serializer_class = MembershipSerializer
    filterset_class = MembershipFilter
    ordering_fields = ["start_on", "end_on", "updated_at", "id"]
    ordering = ["person__name", "start_on", "id"]

    def get_queryset(self):
        queryset = Membership.objects.published().select_related("person", "organization")
        return self.with_sources(queryset)
