"""API resources for issues, documents, positions, commitments, exchanges and their counts."""

from django.db.models import BooleanField, ExpressionWrapper, Prefetch
from django_filters import rest_framework as filters
from rest_framework import serializers

from api.base import PublicReadOnlyViewSet
from api.fields import IncludeSourcesMixin, ItemUrlField, RefField
from api.filters import (
    CharInFilter,
    IdFilter,
    PublicFilterSet,
    RoundNumberFilter,
    TrackFilter,
    folded_search,
    text_search,
)
from api.language import TextLanguagesMixin
from positions.models import (
    Commitment,
    Document,
    Exchange,
    ExchangeCount,
    Issue,
    Position,
    Provision,
)
from provenance.translated import translation_columns
from record import tallies

ISSUE_HELP = (
    "An issue's slug, e.g. nato-alliances, ceasefire, prisoners-of-war (see /api/v1/issues/)."
)


def issue_filter(field_name: str = "issue__slug"):
    return filters.CharFilter(field_name=field_name, help_text=ISSUE_HELP)


class IssueSerializer(TextLanguagesMixin, serializers.HyperlinkedModelSerializer):
    url = ItemUrlField("issue")

    class Meta:
        model = Issue
        fields = ["id", "url", "slug", "name", "description", "movement_summary", "order"]


class IssueFilter(PublicFilterSet):
    class Meta:
        model = Issue
        fields = {"slug": ["exact"]}

    def filter_q(self, queryset, name, value):
        # Issues keep a folded search_text (name, slug, description), as the site searches them.
        return folded_search(queryset, value, "search_text")


class IssueViewSet(PublicReadOnlyViewSet):
    """The agenda vocabulary: ceasefire, prisoners, NATO, territory… Issues have no draft state."""

    serializer_class = IssueSerializer
    filterset_class = IssueFilter
    ordering_fields = ["order", "name", "id"]
    ordering = ["order", "name", "id"]

    def get_queryset(self):
        return Issue.objects.all()


class ProvisionSerializer(TextLanguagesMixin, serializers.ModelSerializer):
    issues = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)

    class Meta:
        model = Provision
        fields = ["id", "section", "order", "text", "issues"]


class DocumentSerializer(IncludeSourcesMixin, serializers.HyperlinkedModelSerializer):
    url = ItemUrlField("document")
    round = RefField("round", allow_null=True)
    provisions = ProvisionSerializer(many=True, read_only=True)
    link = serializers.CharField(source="url", help_text="Where the published text can be read.")

    class Meta:
        model = Document
        fields = [
            "id", "url", "slug", "title", "kind", "author_side", "round", "tabled_on",
            "tabled_on_precision", "delivery", "summary", "text", "link", "provisions",
            "confidence", "confidence_note", "created_at", "updated_at", "sources",
        ]  # fmt: skip


class DocumentFilter(PublicFilterSet):
    track = TrackFilter("round__track")
    round = RoundNumberFilter("round")
    issue = filters.CharFilter(
        field_name="provisions__issues__slug", distinct=True, help_text=ISSUE_HELP
    )

    class Meta:
        model = Document
        fields = {
            "kind": ["exact"],
            "author_side": ["exact"],
            "tabled_on": ["gte", "lte"],
            "confidence": ["exact"],
        }


class DocumentViewSet(PublicReadOnlyViewSet):
    """Memoranda, frameworks and lists each side tabled, with their provisions by issue."""

    serializer_class = DocumentSerializer
    filterset_class = DocumentFilter
    ordering_fields = ["tabled_on", "title", "updated_at", "id"]
    ordering = ["tabled_on", "title", "id"]

    def get_queryset(self):
        provisions = Provision.objects.prefetch_related("issues")
        queryset = (
            Document.objects.published()
            .select_related("round")
            .prefetch_related(Prefetch("provisions", queryset=provisions))
        )
        return self.with_sources(queryset)


class PositionSerializer(IncludeSourcesMixin, serializers.HyperlinkedModelSerializer):
    url = ItemUrlField("position")
    issue = RefField("issue")
    round = RefField("round")
    round_number = serializers.IntegerField(source="round.number")
    document = RefField("document", allow_null=True)

    class Meta:
        model = Position
        fields = [
            "id", "url", "side", "issue", "round", "round_number", "stance", "summary",
            "document", "confidence", "confidence_note", "created_at", "updated_at", "sources",
        ]  # fmt: skip


class PositionFilter(PublicFilterSet):
    issue = issue_filter()
    issue__in = CharInFilter(field_name="issue__slug")
    track = TrackFilter("round__track")
    round = RoundNumberFilter("round")
    side__in = CharInFilter(field_name="side")
    stance__in = CharInFilter(field_name="stance")

    class Meta:
        model = Position
        fields = {"side": ["exact"], "stance": ["exact"], "confidence": ["exact"]}


class PositionViewSet(PublicReadOnlyViewSet):
    """Each side's stance on each issue as of each round."""

    serializer_class = PositionSerializer
    filterset_class = PositionFilter
    ordering_fields = ["round__number", "side", "stance", "updated_at", "id"]
    ordering = ["issue__order", "round__number", "side", "id"]

    def get_queryset(self):
        queryset = (
            Position.objects.published()
            .select_related("issue", "round", "document")
            # Of the joined rows, only what the references show: names and status.
            .only(
                *(f.name for f in Position._meta.concrete_fields),
                "issue__name",
                "round__number",
                "round__title",
                "round__publication_status",
                "document__title",
                "document__publication_status",
            )
        )
        return self.with_sources(queryset)


class CommitmentSerializer(IncludeSourcesMixin, serializers.HyperlinkedModelSerializer):
    url = ItemUrlField("commitment")
    track = RefField("track", allow_null=True)
    round = RefField("round", allow_null=True)
    issue = RefField("issue")

    class Meta:
        model = Commitment
        fields = [
            "id", "url", "slug", "title", "track", "round", "issue", "description", "agreed_by",
            "announced_by", "announced_on", "target_category", "target_per_side",
            "target_is_minimum", "target_note", "status", "status_note", "confidence",
            "confidence_note", "created_at", "updated_at", "sources",
        ]  # fmt: skip


class CommitmentFilter(PublicFilterSet):
    issue = issue_filter()
    track = TrackFilter("track")
    round = RoundNumberFilter("round")
    status__in = CharInFilter(field_name="status")

    class Meta:
        model = Commitment
        fields = {
            "status": ["exact"],
            "agreed_by": ["exact"],
            "target_category": ["exact"],
            "announced_on": ["gte", "lte"],
            "confidence": ["exact"],
        }


class CommitmentViewSet(PublicReadOnlyViewSet):
    """What the rounds agreed or one side announced, and how far it was carried out."""

    serializer_class = CommitmentSerializer
    filterset_class = CommitmentFilter
    ordering_fields = ["announced_on", "status", "updated_at", "id"]
    ordering = ["announced_on", "id"]

    def get_queryset(self):
        queryset = Commitment.objects.published().select_related("track", "round", "issue")
        return self.with_sources(queryset)


class CountSerializer(TextLanguagesMixin, serializers.ModelSerializer):
    """One side's count in an exchange according to one claimant, nested in the exchange."""

    class Meta:
        model = ExchangeCount
        fields = ["id", "receiving_side", "category", "quantity", "precision", "claimed_by", "note"]


class ExchangeSerializer(IncludeSourcesMixin, serializers.HyperlinkedModelSerializer):
    url = ItemUrlField("exchange")
    commitment = RefField("commitment", allow_null=True)
    track = RefField(
        "track",
        source="commitment.track",
        allow_null=True,
        help_text="The track of the agreement it carries out, if any.",
    )
    part_of = RefField("exchange", allow_null=True)
    mediator = RefField("organization", allow_null=True)
    counts = CountSerializer(many=True, read_only=True)

    class Meta:
        model = Exchange
        fields = [
            "id", "url", "title", "kind", "occurred_on", "occurred_on_precision", "ended_on",
            "commitment", "track", "linkage_confidence", "linkage_stated_by", "linkage_note",
            "part_of", "mediator", "mediator_note", "mediator_ordinal", "mediator_running_total",
            "summary", "counts", "confidence", "confidence_note", "created_at", "updated_at",
            "sources",
        ]  # fmt: skip


class ExchangeFilter(PublicFilterSet):
    commitment = IdFilter(field_name="commitment_id")
    track = TrackFilter("commitment__track")
    round = RoundNumberFilter("commitment__round")
    issue = issue_filter("commitment__issue__slug")
    kind__in = CharInFilter(field_name="kind")
    top_level = filters.BooleanFilter(
        field_name="part_of", lookup_expr="isnull", help_text="true: only totals, not stages."
    )

    class Meta:
        model = Exchange
        fields = {
            "occurred_on": ["exact", "gte", "lte"],
            "kind": ["exact"],
            "linkage_confidence": ["exact"],
            "linkage_stated_by": ["exact"],
            "confidence": ["exact"],
        }


class ExchangeViewSet(PublicReadOnlyViewSet):
    """Prisoner swaps and repatriations, with each side's counts as each claimant reports them."""

    serializer_class = ExchangeSerializer
    filterset_class = ExchangeFilter
    ordering_fields = ["occurred_on", "updated_at", "id"]
    ordering = ["occurred_on", "id"]

    def get_queryset(self):
        queryset = (
            Exchange.objects.published()
            .select_related("commitment__track", "part_of", "mediator")
            # Of the joined rows, only what the references show: names and status.
            .only(
                *(f.name for f in Exchange._meta.concrete_fields),
                *translation_columns("commitment__title", "commitment__track__name"),
                "commitment__publication_status",
                "commitment__track__publication_status",
                "part_of__occurred_on",
                "part_of__title",
                "part_of__publication_status",
                "mediator__name",
                "mediator__publication_status",
            )
            .prefetch_related("counts")
        )
        return self.with_sources(queryset)


COUNTED_HELP = (
    "Whether the commitment tracker adds this count to its agreement's running totals: the "
    "exchange carries out a commitment by a link that is neither uncertain nor contested, and "
    "is not a stage of a reported total."
)


class ExchangeCountSerializer(IncludeSourcesMixin, serializers.HyperlinkedModelSerializer):
    url = ItemUrlField("exchange-count")
    exchange = RefField("exchange")
    occurred_on = serializers.DateField(source="exchange.occurred_on")
    stage_of = RefField(
        "exchange",
        source="exchange.part_of",
        allow_null=True,
        help_text="The reported total this count's exchange is one stage of; null when it is "
        "not a stage. A stage's counts are inside its total's: add up `top_level=true` rows.",
    )
    commitment = RefField(
        "commitment",
        source="exchange.commitment",
        allow_null=True,
        help_text="The agreement the exchange carries out, if any.",
    )
    linkage_confidence = serializers.CharField(
        source="exchange.linkage_confidence",
        help_text="How sure the link to the commitment is (blank without one).",
    )
    counted = serializers.BooleanField(help_text=COUNTED_HELP)

    class Meta:
        model = ExchangeCount
        fields = [
            "id", "url", "exchange", "occurred_on", "receiving_side", "category", "quantity",
            "precision", "claimed_by", "note", "confidence", "stage_of", "commitment",
            "linkage_confidence", "counted", "sources",
        ]  # fmt: skip


class ExchangeCountFilter(PublicFilterSet):
    exchange = IdFilter(field_name="exchange_id")
    track = TrackFilter("exchange__commitment__track")
    occurred_on__gte = filters.DateFilter(field_name="exchange__occurred_on", lookup_expr="gte")
    occurred_on__lte = filters.DateFilter(field_name="exchange__occurred_on", lookup_expr="lte")
    category__in = CharInFilter(field_name="category")
    top_level = filters.BooleanFilter(
        method="filter_top_level",
        help_text="true: counts of exchanges that are not a stage of a reported total, so that "
        "adding them up counts every exchange once (the totals across the whole record).",
    )
    counted = filters.BooleanFilter(
        method="filter_counted",
        help_text="true: only the counts the commitment tracker adds to agreements' running "
        "totals (with `track=`, one track's). " + COUNTED_HELP,
    )

    class Meta:
        model = ExchangeCount
        fields = {
            "receiving_side": ["exact"],
            "category": ["exact"],
            "claimed_by": ["exact"],
            "precision": ["exact"],
        }

    search_through = ("exchange__search_text",)

    def filter_q(self, queryset, name, value):
        return super().filter_q(queryset, name, value) | text_search(queryset, value, "note")

    def filter_top_level(self, queryset, name, value):
        condition = tallies.top_level_q("exchange__")
        return queryset.filter(condition) if value else queryset.exclude(condition)

    def filter_counted(self, queryset, name, value):
        condition = tallies.counted_q("exchange__")
        return queryset.filter(condition) if value else queryset.exclude(condition)


class ExchangeCountViewSet(PublicReadOnlyViewSet):
    """Every count of every exchange as its own row: one per side, category and claimant."""

    serializer_class = ExchangeCountSerializer
    filterset_class = ExchangeCountFilter
    ordering_fields = ["quantity", "id"]
    ordering = ["exchange__occurred_on", "exchange_id", "receiving_side", "category", "id"]
    cursor_ordering = ("id",)

    def get_queryset(self):
        queryset = (
            ExchangeCount.objects.published()
            .select_related("exchange__part_of", "exchange__commitment")
            .annotate(
                counted=ExpressionWrapper(
                    tallies.counted_q("exchange__"), output_field=BooleanField()
                )
            )
        )
        return self.with_sources(queryset)
