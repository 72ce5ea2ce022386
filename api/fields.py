"""How related objects and sources appear in every API resource: `{id, name, url}` references,
canonical item URLs, and the sources list that `include=sources` adds.

Hand-written because no maintained package gives DRF a reference object with a name: DRF's
hyperlinked fields give only a URL, and a CSV reader wants the name without a second lookup.
"""

from django.db.models import Prefetch
from django.urls import reverse as django_reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.fields import get_attribute

from api.language import TextLanguagesMixin
from provenance.models import Source


@extend_schema_field(
    {
        "type": "object",
        "nullable": True,
        "properties": {
            "id": {"type": "integer"},
            "name": {"type": "string"},
            "url": {"type": "string", "format": "uri"},
        },
        "required": ["id", "name", "url"],
    }
)
class RefField(serializers.Field):
    """A related object as `{id, name, url}`, so a CSV row needs no second lookup."""

    def __init__(self, view_name: str, name_attr: str = "__str__", **kwargs):
        self.view_name = view_name
        self.name_attr = name_attr
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value):
        if value is None or getattr(value, "publication_status", "published") != "published":
            # An unpublished target is not named, not even by id.
            return None
        name = getattr(value, self.name_attr)
        return {
            "id": value.pk,
            "name": name() if callable(name) else name,
            "url": detail_url(self.context["request"], self.view_name, value.pk),
        }


@extend_schema_field(
    {
        "type": "array",
        "items": {
            "type": "object",
            "properties": {
                "id": {"type": "integer"},
                "name": {"type": "string"},
                "url": {"type": "string", "format": "uri"},
            },
            "required": ["id", "name", "url"],
        },
    }
)
class RefListField(RefField):
    """Many related objects, each as `{id, name, url}`; prefetch the relation in get_queryset."""

    def get_attribute(self, instance):
        return get_attribute(instance, self.source_attrs).all()

    def to_representation(self, value):
        refs = (super(RefListField, self).to_representation(item) for item in value)
        return [ref for ref in refs if ref is not None]


# Stands for the id while the URL around it is built; the router's lookups take any text but "/"
# and ".", so it cannot be confused with the rest of the path.
_ID_MARK = "ID-MARK"


def detail_url(request, view_name: str, pk) -> str:
    """The canonical absolute URL of an item, whatever format the current request asked for.

    `view_name` is the router's basename ("round"), `pk` the item's id; e.g.
    "https://host/api/v1/rounds/2/". The URL around the id is built once per request and view
    name and kept on the request: a page of 50 items with 4 references each would otherwise
    resolve and absolutise 250 URLs, a third of the API's time per page (measured, issue 14).
    """
    templates = request.__dict__.setdefault("_detail_url_templates", {})
    template = templates.get(view_name)
    if template is None:
        path = django_reverse(f"api:{view_name}-detail", args=[_ID_MARK])
        template = templates[view_name] = request.build_absolute_uri(path).split(_ID_MARK)
    before, after = template
    return f"{before}{pk}{after}"


class ItemUrlField(serializers.HyperlinkedIdentityField):
    """The item's own canonical API URL (DRF's would carry `?format=csv` into a CSV)."""

    def __init__(self, view_name: str, **kwargs):
        super().__init__(view_name=f"api:{view_name}-detail", **kwargs)
        self.short_name = view_name

    def get_url(self, obj, view_name, request, format):
        return detail_url(request, self.short_name, obj.pk)


class SourceBriefSerializer(serializers.ModelSerializer):
    """A cited source, embedded with `include=sources`."""

    class Meta:
        model = Source
        fields = ["id", "code", "title", "publisher", "url", "published_on", "kind"]


def published_sources_prefetch(prefix: str = ""):
    """Prefetch of a fact's sources that never reveals an unpublished source."""
    return Prefetch(f"{prefix}sources", queryset=Source.objects.published().order_by("code"))


SOURCES_HELP = "The published sources cited for this item; only with `include=sources`."


class IncludeSourcesMixin(TextLanguagesMixin, serializers.Serializer):
    """Adds a `sources` list only when the request asks for `include=sources` (and, as every
    item with translated texts, their languages: api.language.TextLanguagesMixin)."""

    sources = SourceBriefSerializer(
        many=True, read_only=True, required=False, help_text=SOURCES_HELP
    )

    def get_fields(self):
        fields = super().get_fields()
        request = self.context.get("request")
        if request is None or getattr(self.context.get("view"), "swagger_fake_view", False):
            return fields  # schema generation: `sources` is documented as an optional field
        if "sources" not in requested_includes(request):
            fields.pop("sources", None)
        return fields


def requested_includes(request) -> set[str]:
    raw = request.query_params.get("include", "") if hasattr(request, "query_params") else ""
    return {part.strip() for part in raw.split(",") if part.strip()}
