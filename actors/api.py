"""API resources for organizations, people and their posts, and the Popolo export."""

from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from actors.models import Membership, Organization, OrganizationKind, Person
from config.api_support import (
    IdFilter,
    IncludeSourcesMixin,
    ItemUrlField,
    PublicAPIView,
    PublicFilterSet,
    PublicReadOnlyViewSet,
    RefField,
    folded_search,
)


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
    kind__in = filters.MultipleChoiceFilter(
        field_name="kind", choices=OrganizationKind.choices, conjoined=False
    )
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

    def filter_q(self, queryset, name, value):
        return folded_search(
            queryset, value, "person__search_text", "organization__search_text"
        ) | queryset.filter(post__icontains=value)


class MembershipViewSet(PublicReadOnlyViewSet):
    """A person's post in an organization over time."""

    serializer_class = MembershipSerializer
    filterset_class = MembershipFilter
    ordering_fields = ["start_on", "end_on", "updated_at", "id"]
    ordering = ["person__name", "start_on", "id"]

    def get_queryset(self):
        queryset = Membership.objects.published().select_related("person", "organization")
        return self.with_sources(queryset)


class PopoloView(PublicAPIView):
    """People, organizations and memberships in the Popolo JSON shape (popoloproject.com)."""

    is_detail = True
    renderer_classes = [JSONRenderer]

    @extend_schema(
        operation_id="popolo_export",
        summary="Popolo export of people, organizations and memberships",
        responses={200: {"type": "object"}},
    )
    def get(self, request, *args, **kwargs):
        organizations = list(Organization.objects.published())
        public_ids = {org.pk for org in organizations}
        return Response(
            {
                "persons": [popolo_person(person) for person in Person.objects.published()],
                "organizations": [popolo_organization(org, public_ids) for org in organizations],
                "memberships": [popolo_membership(m) for m in Membership.objects.published()],
            }
        )


def _identifiers(wikidata_id: str) -> list[dict]:
    return [{"scheme": "wikidata", "identifier": wikidata_id}] if wikidata_id else []


def popolo_person(person: Person) -> dict:
    names = [{"name": alias} for alias in person.alias_list]
    if person.native_name:
        names.insert(0, {"name": person.native_name, "note": "native"})
    return {
        "id": f"person/{person.pk}",
        "name": person.name,
        "other_names": names,
        "identifiers": _identifiers(person.wikidata_id),
        "summary": person.biography,
    }


def popolo_organization(org: Organization, public_ids: set[int]) -> dict:
    names = [{"name": alias} for alias in org.alias_list]
    if org.native_name:
        names.insert(0, {"name": org.native_name, "note": "native"})
    return {
        "id": f"organization/{org.pk}",
        "name": org.name,
        "other_names": names,
        "classification": org.kind,
        # A parent that is still a draft is not named, not even by id.
        "parent_id": f"organization/{org.parent_id}" if org.parent_id in public_ids else None,
        "identifiers": _identifiers(org.wikidata_id),
    }


def popolo_membership(membership: Membership) -> dict:
    return {
        "id": f"membership/{membership.pk}",
        "person_id": f"person/{membership.person_id}",
        "organization_id": f"organization/{membership.organization_id}",
        "role": membership.post,
        "start_date": membership.start_on.isoformat() if membership.start_on else None,
        "end_date": membership.end_on.isoformat() if membership.end_on else None,
    }
