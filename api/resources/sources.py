"""API resources of provenance: the sources every fact cites, and the reviews that say how far
the record reaches."""

from rest_framework import serializers

from api.base import PublicReadOnlyViewSet
from api.fields import ItemUrlField
from api.filters import PublicFilterSet, text_search
from provenance.models import RecordReview, Source


class SourceSerializer(serializers.HyperlinkedModelSerializer):
    url = ItemUrlField("source")
    link = serializers.CharField(source="url", help_text="Where the source itself can be read.")

    class Meta:
        model = Source
        fields = [
            "id", "url", "code", "link", "title", "publisher", "published_on",
            "published_on_precision", "language", "kind", "state_affiliation", "is_mirror",
            "note", "created_at", "updated_at",
        ]  # fmt: skip


class SourceFilter(PublicFilterSet):
    class Meta:
        model = Source
        fields = {
            "code": ["exact"],
            "kind": ["exact"],
            "language": ["exact"],
            "state_affiliation": ["exact"],
            "published_on": ["gte", "lte"],
        }


class SourceViewSet(PublicReadOnlyViewSet):
    """Articles, statements, decrees and transcripts cited by the record."""

    serializer_class = SourceSerializer
    filterset_class = SourceFilter
    ordering_fields = ["code", "published_on", "updated_at", "id"]
    ordering = ["code", "id"]

    def get_queryset(self):
        return Source.objects.published()


class RecordReviewSerializer(serializers.HyperlinkedModelSerializer):
    url = ItemUrlField("recordreview")

    class Meta:
        model = RecordReview
        fields = [
            "id", "url", "reviewed_to", "reviewed_on", "reviewed_on_precision", "summary",
            "created_at", "updated_at",
        ]  # fmt: skip


class RecordReviewFilter(PublicFilterSet):
    class Meta:
        model = RecordReview
        fields = {"reviewed_to": ["gte", "lte"]}

    def filter_q(self, queryset, name, value):
        return text_search(queryset, value, "summary")


class RecordReviewViewSet(PublicReadOnlyViewSet):
    """Checks of the whole record against public reporting: the latest first. Its `reviewed_to`
    is the last day the record covers; silence after it is not "nothing happened"."""

    serializer_class = RecordReviewSerializer
    filterset_class = RecordReviewFilter
    ordering_fields = ["reviewed_to", "updated_at", "id"]
    ordering = ["-reviewed_to", "-id"]

    def get_queryset(self):
        return RecordReview.objects.published()
