"""API resource for sources: the documents every fact cites."""

from rest_framework import serializers

from api.base import PublicReadOnlyViewSet
from api.fields import ItemUrlField
from api.filters import PublicFilterSet
from provenance.models import Source


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
