"""API resources for venues, tracks, rounds, delegations (appointed for a track, and at each
round), participants and timeline events."""

from django.db.models import Prefetch, Q
from django_filters import rest_framework as filters
from rest_framework import serializers

from actors.models import Organization, Person
from api.base import PublicReadOnlyViewSet
from api.fields import IncludeSourcesMixin, ItemUrlField, RefField, RefListField
from api.filters import (
    CharInFilter,
    IdFilter,
    PublicFilterSet,
    RoundNumberFilter,
    TrackFilter,
    folded_search,
)
from api.language import TextLanguagesMixin
from provenance.translated import translation_columns
from talks.models import (
    Delegation,
    DelegationSide,
    Event,
    Participant,
    Round,
    RoundFormat,
    StandingDelegation,
    StandingMember,
    Track,
    Venue,
)


class VenueSerializer(IncludeSourcesMixin, serializers.HyperlinkedModelSerializer):
    url = ItemUrlField("venue")
    aliases = serializers.ListField(source="alias_list", child=serializers.CharField())
    city = serializers.CharField(source="city.name_en", help_text="The city's name in English.")
    city_names = serializers.SerializerMethodField(
        help_text="The city's names in other languages and scripts (Женева, Genève…), its "
        "Ukrainian and Russian names first."
    )

    class Meta:
        model = Venue
        fields = [
            "id", "url", "name", "native_name", "aliases", "city", "city_names", "country_code",
            "latitude", "longitude", "description", "confidence", "confidence_note",
            "updated_at", "sources",
        ]  # fmt: skip

    def get_city_names(self, venue) -> list[str]:
        names = [
            *venue.city.translations_of("name"),
            venue.city.native_name,
            *venue.city.alias_list,
        ]
        return list(dict.fromkeys(name for name in names if name))


class VenueFilter(PublicFilterSet):
    city = filters.CharFilter(
        field_name="city__name_en", help_text="The city's name in English, e.g. Geneva."
    )

    class Meta:
        model = Venue
        fields = {"country_code": ["exact"], "confidence": ["exact"]}


class VenueViewSet(PublicReadOnlyViewSet):
    """Places where rounds and side meetings were held. Venues have no draft state."""

    serializer_class = VenueSerializer
    filterset_class = VenueFilter
    ordering_fields = ["name", "updated_at", "id"]
    ordering = ["name", "id"]

    def get_queryset(self):
        return self.with_sources(Venue.objects.select_related("city"))


class TrackSerializer(IncludeSourcesMixin, serializers.HyperlinkedModelSerializer):
    url = ItemUrlField("track")
    parties = RefListField("organization")
    mediators = RefListField("organization")

    class Meta:
        model = Track
        fields = [
            "id", "url", "slug", "name", "short_name", "parties", "mediators", "started_on",
            "started_on_precision", "ended_on", "ended_on_precision", "dates_note", "summary",
            "order", "confidence", "confidence_note", "created_at", "updated_at", "sources",
        ]  # fmt: skip


class TrackFilterSet(PublicFilterSet):
    party = IdFilter(field_name="parties__id", distinct=True, help_text="An organization's id.")
    mediator = IdFilter(
        field_name="mediators__id", distinct=True, help_text="An organization's id."
    )

    class Meta:
        model = Track
        fields = {
            "slug": ["exact"],
            "started_on": ["gte", "lte"],
            "confidence": ["exact"],
        }


class TrackViewSet(PublicReadOnlyViewSet):
    """Negotiation tracks, each with its parties, mediators and its own round numbering."""

    serializer_class = TrackSerializer
    filterset_class = TrackFilterSet
    ordering_fields = ["order", "started_on", "updated_at", "id"]
    ordering = ["order", "started_on", "id"]

    def get_queryset(self):
        published = Organization.objects.published().order_by("name_en")
        queryset = Track.objects.published().prefetch_related(
            Prefetch("parties", queryset=published), Prefetch("mediators", queryset=published)
        )
        return self.with_sources(queryset)


class RoundSerializer(IncludeSourcesMixin, serializers.HyperlinkedModelSerializer):
    url = ItemUrlField("round")
    track = RefField("track")
    venue = RefField("venue", allow_null=True)
    chair = RefField("person", allow_null=True)
    hosts = RefListField("organization")

    class Meta:
        model = Round
        fields = [
            "id", "url", "track", "number", "title", "status", "held_on", "held_on_precision",
            "ended_on", "time_zone", "scheduled_start_at", "actual_start_at", "actual_end_at",
            "timing_note", "venue", "format", "format_note", "working_language", "chair",
            "hosts", "summary", "confidence", "confidence_note", "created_at", "updated_at",
            "sources",
        ]  # fmt: skip


class RoundFilter(PublicFilterSet):
    track = TrackFilter("track")
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
    """Rounds of every track, numbered within their track."""

    serializer_class = RoundSerializer
    filterset_class = RoundFilter
    ordering_fields = ["number", "held_on", "updated_at", "id"]
    ordering = ["held_on", "number", "id"]

    def get_queryset(self):
        queryset = (
            Round.objects.published()
            .select_related("track", "venue__city", "chair")
            .prefetch_related(
                Prefetch("hosts", queryset=Organization.objects.published().order_by("name_en"))
            )
        )
        return self.with_sources(queryset)


class StandingMemberSerializer(TextLanguagesMixin, serializers.ModelSerializer):
    """A person an appointing act names, nested in the appointed delegation."""

    person = RefField("person")

    class Meta:
        model = StandingMember
        fields = ["id", "person", "role", "title_at_time", "order", "note"]


class StandingDelegationSerializer(IncludeSourcesMixin, serializers.HyperlinkedModelSerializer):
    url = ItemUrlField("standingdelegation")
    track = RefField("track")
    organization = RefField("organization", allow_null=True)
    members = StandingMemberSerializer(many=True, read_only=True)

    class Meta:
        model = StandingDelegation
        fields = [
            "id", "url", "track", "side", "organization", "appointing_act", "appointed_on",
            "ended_on", "summary", "members", "confidence", "confidence_note", "created_at",
            "updated_at", "sources",
        ]  # fmt: skip


class StandingDelegationFilter(PublicFilterSet):
    track = TrackFilter("track")
    side = filters.ChoiceFilter(choices=DelegationSide.choices)
    person = IdFilter(field_name="members__person_id", distinct=True)
    in_force_on = filters.DateFilter(
        method="filter_in_force_on",
        help_text="Only the appointments standing on this day, e.g. 2025-11-25.",
    )

    class Meta:
        model = StandingDelegation
        fields = {"appointed_on": ["gte", "lte"], "confidence": ["exact"]}

    def filter_in_force_on(self, queryset, name, value):
        return queryset.filter(appointed_on__lte=value).filter(
            Q(ended_on__isnull=True) | Q(ended_on__gte=value)
        )

    def filter_q(self, queryset, name, value):
        return folded_search(queryset, value, "members__person__search_text").distinct()


class StandingDelegationViewSet(PublicReadOnlyViewSet):
    """Delegations appointed for a whole track by one act (decrees 854/2025 and 869/2025), with
    the head and members the act names. Who attended each round: `delegations`."""

    serializer_class = StandingDelegationSerializer
    filterset_class = StandingDelegationFilter
    ordering_fields = ["appointed_on", "updated_at", "id"]
    ordering = ["appointed_on", "id"]

    def get_queryset(self):
        members = StandingMember.objects.published().select_related("person")
        queryset = (
            StandingDelegation.objects.published()
            .select_related("track", "organization")
            .prefetch_related(Prefetch("members", queryset=members))
        )
        return self.with_sources(queryset)


class MemberSerializer(TextLanguagesMixin, serializers.ModelSerializer):
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
    standing = RefField(
        "standingdelegation",
        allow_null=True,
        help_text="The delegation appointed for the track that this one attended the round as.",
    )
    participants = MemberSerializer(many=True, read_only=True)

    class Meta:
        model = Delegation
        fields = [
            "id", "url", "round", "side", "organization", "standing", "appointing_act",
            "appointed_on", "reported_size", "summary", "participants", "confidence",
            "confidence_note", "created_at", "updated_at", "sources",
        ]  # fmt: skip


class DelegationFilter(PublicFilterSet):
    track = TrackFilter("round__track")
    round = RoundNumberFilter("round")
    side__in = CharInFilter(field_name="side")

    class Meta:
        model = Delegation
        fields = {"side": ["exact"], "confidence": ["exact"]}

    # A delegation is found by its side's names and by its members' (any spelling of them).
    search_through = ("organization__search_text", "participants__person__search_text")

    def filter_q(self, queryset, name, value):
        return super().filter_q(queryset, name, value).distinct()


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
            .select_related("round", "organization", "standing")
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
    track = TrackFilter("delegation__round__track")
    round = RoundNumberFilter("delegation__round")
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
        queryset = (
            Participant.objects.published()
            .select_related("delegation__round", "person", "represents")
            # Of the joined rows, only what the item shows and their names are made of: the
            # longest list of the API, with three joined models of up to 30 columns each.
            .only(
                *(f.name for f in Participant._meta.concrete_fields),
                "delegation__side",
                "delegation__publication_status",
                "delegation__round__number",
                *translation_columns("delegation__round__title", "person__name"),
                "delegation__round__publication_status",
                "person__publication_status",
                "represents__name",
                "represents__publication_status",
            )
        )
        return self.with_sources(queryset)


class EventSerializer(IncludeSourcesMixin, serializers.HyperlinkedModelSerializer):
    url = ItemUrlField("event")
    round = RefField("round", allow_null=True)
    track = RefField("track", allow_null=True)
    venue = RefField("venue", allow_null=True)
    people = RefListField("person")
    organizations = RefListField("organization")
    issues = RefListField("issue")

    class Meta:
        model = Event
        fields = [
            "id", "url", "occurred_on", "occurred_on_precision", "starts_at", "ends_at", "kind",
            "side", "title", "summary", "track", "round", "venue", "people", "organizations",
            "issues",
            "confidence", "confidence_note", "created_at", "updated_at", "sources",
        ]  # fmt: skip


class EventFilter(PublicFilterSet):
    track = TrackFilter("track", "round__track")
    round = RoundNumberFilter("round")
    kind__in = CharInFilter(field_name="kind")
    side__in = CharInFilter(field_name="side")
    issue = filters.CharFilter(
        field_name="issues__slug", distinct=True, help_text="An issue's slug, e.g. nato-alliances."
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
            .select_related("round", "track", "venue")
            .prefetch_related(
                Prefetch("people", queryset=Person.objects.published().order_by("name_en")),
                Prefetch("organizations", queryset=Organization.objects.published()),
                "issues",
            )
        )
        return self.with_sources(queryset)
