"""API resources for venues, rounds, delegations, participants and timeline events."""

from django.db.models import Prefetch
from django_filters import rest_framework as filters
from rest_framework import serializers

from actors.models import Organization, Person
from api.base import PublicReadOnlyViewSet
from api.fields import IncludeSourcesMixin, ItemUrlField, RefField, RefListField
from api.filters import CharInFilter, IdFilter, PublicFilterSet
from talks.models import (
    Delegation,
    Event,
    Participant,
    Round,
    RoundFormat,
    Venue,
)

ROUND_NUMBER_HELP = "The round's number (1 for 16 May 2025)."


def round_number_filter(field_name: str):
    return filters.NumberFilter(
        field_name=field_name, min_value=0, max_value=32767, help_text=ROUND_NUMBER_HELP
    )


class VenueSerializer(IncludeSourcesMixin, serializers.HyperlinkedModelSerializer):
    url = ItemUrlField("venue")
    aliases = serializers.ListField(source="alias_list", child=serializers.CharField())

    class Meta:
        model = Venue
        fields = [
            "id", "url", "name", "native_name", "aliases", "city", "country_code", "latitude",
            "longitude", "description", "confidence", "confidence_note", "updated_at", "sources",
        ]  # fmt: skip


class VenueFilter(PublicFilterSet):
    class Meta:
        model = Venue
        fields = {"city": ["exact"], "country_code": ["exact"], "confidence": ["exact"]}


class VenueViewSet(PublicReadOnlyViewSet):
    """Places where rounds and side meetings were held. Venues have no draft state."""

    serializer_class = VenueSerializer
    filterset_class = VenueFilter
    ordering_fields = ["name", "updated_at", "id"]
    ordering = ["name", "id"]

    def get_queryset(self):
        return self.with_sources(Venue.objects.all())


class RoundSerializer(IncludeSourcesMixin, serializers.HyperlinkedModelSerializer):
    url = ItemUrlField("round")
    venue = RefField("venue", allow_null=True)
    chair = RefField("person", allow_null=True)
    hosts = RefListField("organization")

    class Meta:
        model = Round
        fields = [
            "id", "url", "number", "title", "status", "held_on", "held_on_precision",
            "time_zone", "scheduled_start_at", "actual_start_at", "actual_end_at", "timing_note",
            "venue", "format", "format_note", "working_language", "chair", "hosts", "summary",
            "confidence", "confidence_note", "created_at", "updated_at", "sources",
        ]  # fmt: skip


class RoundFilter(PublicFilterSet):
    status__in = CharInFilter(field_name="status")
    venue = IdFilter(field_name="venue_id")
    # Not `format`, which is the parameter that picks JSON or CSV.
    round_format = filters.ChoiceFilter(field_name="format", choices=RoundFormat.choices)

    class Meta:
        model = Round
        fields = {
            "number": ["exact"],
            "status": ["exact"],
            "held_on": ["exact", "gte", "lte"],
            "confidence": ["exact"],
        }


class RoundViewSet(PublicReadOnlyViewSet):
    """Rounds of direct Russia–Ukraine talks."""

    serializer_class = RoundSerializer
    filterset_class = RoundFilter
    ordering_fields = ["number", "held_on", "updated_at", "id"]
    ordering = ["number", "id"]

    def get_queryset(self):
        queryset = (
            Round.objects.published()
            .select_related("venue", "chair")
            .prefetch_related(
                Prefetch("hosts", queryset=Organization.objects.published().order_by("name"))
            )
        )
        return self.with_sources(queryset)


class MemberSerializer(serializers.ModelSerializer):
    """A delegation member, nested in the delegation."""

    person = RefField("person")
    represents = RefField("organization", allow_null=True)

    class Meta:
        model = Participant
        fields = ["id", "person", "role", "title_at_time", "represents", "at_table", "order"]


class DelegationSerializer(IncludeSourcesMixin, serializers.HyperlinkedModelSerializer):
    url = ItemUrlField("delegation")
    round = RefField("round")
    organization = RefField("organization", allow_null=True)
    participants = MemberSerializer(many=True, read_only=True)

    class Meta:
        model = Delegation
        fields = [
            "id", "url", "round", "side", "organization", "appointing_act", "appointed_on",
            "reported_size", "summary", "participants", "confidence", "confidence_note",
            "created_at", "updated_at", "sources",
        ]  # fmt: skip


class DelegationFilter(PublicFilterSet):
    round = round_number_filter("round__number")
    side__in = CharInFilter(field_name="side")

    class Meta:
        model = Delegation
        fields = {"side": ["exact"], "confidence": ["exact"]}

    search_through = ("organization__search_text",)


class DelegationViewSet(PublicReadOnlyViewSet):
    """Each side's delegation at each round, with its members."""

    serializer_class = DelegationSerializer
    filterset_class = DelegationFilter
    ordering_fields = ["side", "updated_at", "id"]
    ordering = ["round__number", "side", "id"]

    def get_queryset(self):
        members = Participant.objects.published().select_related("person", "represents")
        queryset = (
            Delegation.objects.published()
            .select_related("round", "organization")
            .prefetch_related(Prefetch("participants", queryset=members))
        )
        return self.with_sources(queryset)


class ParticipantSerializer(IncludeSourcesMixin, serializers.HyperlinkedModelSerializer):
    url = ItemUrlField("participant")
    delegation = RefField("delegation")
    round = RefField("round", source="delegation.round")
    side = serializers.CharField(source="delegation.side")
    person = RefField("person")
    represents = RefField("organization", allow_null=True)

    class Meta:
        model = Participant
        fields = [
            "id", "url", "delegation", "round", "side", "person", "role", "title_at_time",
            "represents", "at_table", "order", "note", "confidence", "sources",
        ]  # fmt: skip


class ParticipantFilter(PublicFilterSet):
    round = round_number_filter("delegation__round__number")
    side = filters.CharFilter(field_name="delegation__side")
    person = IdFilter(field_name="person_id")
    delegation = IdFilter(field_name="delegation_id")
    role__in = CharInFilter(field_name="role")

    class Meta:
        model = Participant
        fields = {"role": ["exact"], "at_table": ["exact"], "confidence": ["exact"]}

    search_through = ("person__search_text",)


class ParticipantViewSet(PublicReadOnlyViewSet):
    """Who was in each delegation, in what role, and whether they sat at the table."""

    serializer_class = ParticipantSerializer
    filterset_class = ParticipantFilter
    ordering_fields = ["order", "id"]
    ordering = ["delegation__round__number", "delegation__side", "order", "id"]
    cursor_ordering = ("id",)

    def get_queryset(self):
        queryset = Participant.objects.published().select_related(
            "delegation__round", "person", "represents"
        )
        return self.with_sources(queryset)


class EventSerializer(IncludeSourcesMixin, serializers.HyperlinkedModelSerializer):
    url = ItemUrlField("event")
    round = RefField("round", allow_null=True)
    venue = RefField("venue", allow_null=True)
    people = RefListField("person")
    organizations = RefListField("organization")
    issues = RefListField("issue")

    class Meta:
        model = Event
        fields = [
            "id", "url", "occurred_on", "occurred_on_precision", "starts_at", "ends_at", "kind",
            "side", "title", "summary", "round", "venue", "people", "organizations", "issues",
            "confidence", "confidence_note", "created_at", "updated_at", "sources",
        ]  # fmt: skip


class EventFilter(PublicFilterSet):
    round = round_number_filter("round__number")
    kind__in = CharInFilter(field_name="kind")
    side__in = CharInFilter(field_name="side")
    issue = filters.CharFilter(
        field_name="issues__slug", distinct=True, help_text="An issue's slug, e.g. nato."
    )
    person = IdFilter(field_name="people__id", distinct=True)

    class Meta:
        model = Event
        fields = {
            "occurred_on": ["exact", "gte", "lte"],
            "kind": ["exact"],
            "side": ["exact"],
            "confidence": ["exact"],
        }


class EventViewSet(PublicReadOnlyViewSet):
    """Announcements, side meetings, statements and context on the timeline."""

    serializer_class = EventSerializer
    filterset_class = EventFilter
    ordering_fields = ["occurred_on", "updated_at", "id"]
    ordering = ["occurred_on", "starts_at", "id"]

    def get_queryset(self):
        queryset = (
            Event.objects.published()
            .select_related("round", "venue")
            .prefetch_related(
                Prefetch("people", queryset=Person.objects.published().order_by("name")),
                Prefetch("organizations", queryset=Organization.objects.published()),
                "issues",
            )
        )
        return self.with_sources(queryset)
