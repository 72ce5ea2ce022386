"""Machinery every API resource shares: paging, strict parameters, CSV, ETags, throttling, errors.

Each resource module (`<app>/api.py`) declares a serializer, a FilterSet and a viewset built on
`PublicReadOnlyViewSet`; everything a journalist relies on being the same across resources —
the Link header, 400 on a misspelled parameter, 304 on an unchanged ETag, the rate-limit
headers, flat CSV — is decided here once.
"""

import csv
import datetime
import hashlib
import io

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DataError
from django.db.models import Prefetch, Q
from django.http import JsonResponse
from django.urls import reverse as django_reverse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date
from django_filters import rest_framework as filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import exceptions, serializers, viewsets
from rest_framework.fields import get_attribute
from rest_framework.filters import OrderingFilter
from rest_framework.pagination import CursorPagination, PageNumberPagination
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.throttling import AnonRateThrottle
from rest_framework.utils.urls import replace_query_param
from rest_framework.views import APIView
from rest_framework.views import exception_handler as drf_exception_handler

from provenance.models import Source
from provenance.text import fold
from provenance.versioning import MODIFIED_KEY, content_last_modified, content_version

MAX_PAGE_SIZE = 500

# Parameters every list understands besides its FilterSet's; anything else is a 400.
COMMON_LIST_PARAMS = ("page", "page_size", "cursor", "ordering", "format", "include")
COMMON_DETAIL_PARAMS = ("format", "include")


# --- Related objects as {id, name, url} -------------------------------------------------------


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


def detail_url(request, view_name: str, pk) -> str:
    """The canonical absolute URL of an item, whatever format the current request asked for."""
    return request.build_absolute_uri(django_reverse(f"api:{view_name}-detail", args=[pk]))


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


class IncludeSourcesMixin(serializers.Serializer):
    """Adds a `sources` list only when the request asks for `include=sources`."""

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


# --- Filters -----------------------------------------------------------------------------------


class PublicFilterSet(filters.FilterSet):
    """Base FilterSet: full-text `q` and `updated_since` on every list."""

    q = filters.CharFilter(
        method="filter_q",
        help_text="Full-text search: names, aliases and Cyrillic, in any case and without accents.",
    )
    updated_since = filters.IsoDateTimeFilter(
        method="filter_updated_since",
        help_text="Only rows changed at or after this ISO 8601 time, for incremental sync.",
    )

    def filter_q(self, queryset, name, value):
        if not fold(value):
            return queryset
        return queryset.search(value)

    def filter_updated_since(self, queryset, name, value):
        model = queryset.model
        if any(field.name == "updated_at" for field in model._meta.fields):
            return queryset.filter(updated_at__gte=in_utc(value))
        # Rows without a timestamp of their own (participants, exchange counts): their history
        # records every change.
        changed = model.history.filter(history_date__gte=in_utc(value)).values("id")
        return queryset.filter(id__in=changed)


def in_utc(value: datetime.datetime) -> datetime.datetime:
    """The time in UTC. PostgreSQL refuses offsets beyond ±15:59 that Python accepts ("+20:52"),
    and a refused query would abort the transaction; converting here avoids sending them."""
    try:
        return value.astimezone(datetime.UTC)
    except OverflowError:
        raise exceptions.ValidationError({"detail": "That time is out of range."}) from None


def folded_search(queryset, value: str, *fields: str):
    """Rows whose folded `search_text` columns (of this or related models) contain `value`."""
    folded = fold(value)
    if not folded:
        return queryset
    condition = Q()
    for field in fields:
        condition |= Q(**{f"{field}__contains": folded})
    return queryset.filter(condition)


class CharInFilter(filters.BaseInFilter, filters.CharFilter):
    """`field__in=a,b`."""


class NumberInFilter(filters.BaseInFilter, filters.NumberFilter):
    """`field__in=1,2`."""


def _integer_filter(**kwargs):
    # Bounded so a 10**30 id is a 400, not an overflow in the database (PostgreSQL bigint).
    return filters.NumberFilter(min_value=0, max_value=2**63 - 1, **kwargs)


IdFilter = _integer_filter


class StrictParamsMixin:
    """Answers an unknown or misspelled query parameter with 400 and the list of accepted ones.

    django-filter silently ignores parameters it does not know, so `?sied=russia` would return
    everything; a journalist would rather be told.
    """

    list_params = COMMON_LIST_PARAMS

    def accepted_params(self) -> list[str]:
        if getattr(self, "action", None) == "retrieve" or getattr(self, "is_detail", False):
            return list(COMMON_DETAIL_PARAMS)
        names = list(self.list_params)
        filterset_class = getattr(self, "filterset_class", None)
        if filterset_class is not None:
            names += list(filterset_class.base_filters)
        names += list(getattr(self, "extra_params", ()))
        return names

    def check_params(self, request) -> None:
        accepted = self.accepted_params()
        unknown = sorted(set(request.query_params) - set(accepted))
        if unknown:
            raise exceptions.ValidationError(
                {
                    "detail": f"Unknown query parameter(s): {', '.join(unknown)}.",
                    "accepted": sorted(accepted),
                }
            )
        for key, values in request.query_params.lists():
            if any("\x00" in value for value in values):
                raise exceptions.ValidationError({key: ["Null characters are not allowed."]})
        includes = requested_includes(request)
        if includes - {"sources"}:
            raise exceptions.ValidationError({"include": ["The only value accepted is 'sources'."]})


class SafeOrderingFilter(OrderingFilter):
    """`ordering=` with an explicit list; a field not on the list is a 400, not ignored."""

    def get_ordering(self, request, queryset, view):
        params = request.query_params.get(self.ordering_param)
        if params:
            fields = [param.strip() for param in params.split(",") if param.strip()]
            valid = self.get_valid_fields(queryset, view, {"request": request})
            allowed = {name for name, _ in valid}
            bad = [field for field in fields if field.lstrip("-") not in allowed]
            if bad:
                raise exceptions.ValidationError(
                    {
                        "ordering": [
                            f"Cannot order by {', '.join(bad)}. Use: {', '.join(sorted(allowed))}."
                        ]
                    }
                )
            # `id` last keeps pages stable when the chosen field has ties.
            return [*fields, "id"]
        return self.get_default_ordering(view)


# --- Pagination --------------------------------------------------------------------------------


class SyncCursorPagination(CursorPagination):
    """Keyset pages in (updated_at, id) order: stable while rows change, for mirrors."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE
    ordering = ("updated_at", "id")

    def __init__(self, ordering=None):
        if ordering:
            self.ordering = ordering

    def get_ordering(self, request, queryset, view):
        # Always the sync order: DRF would otherwise take the view's default `ordering`.
        return self.ordering


class LinkHeaderPagination(PageNumberPagination):
    """Numbered pages of 50 (up to 500 with `page_size`), `next`/`previous` in the body and an
    RFC 8288 `Link` header. `?cursor=` switches to keyset pages for sync."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE
    cursor = None

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        try:
            value = int(raw)
        except ValueError:
            raise exceptions.ValidationError(
                {"page_size": ["A whole number from 1 to 500."]}
            ) from None
        if value < 1:
            raise exceptions.ValidationError({"page_size": ["A whole number from 1 to 500."]})
        # Larger values are clamped to the maximum, like GitHub's per_page.
        return min(value, self.max_page_size)

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        if self.cursor_query_param_present(request):
            if request.query_params.get("ordering"):
                raise exceptions.ValidationError(
                    {"ordering": ["Cursor pages are always in (updated_at, id) order."]}
                )
            ordering = getattr(view, "cursor_ordering", None)
            self.cursor = SyncCursorPagination(ordering)
            self.cursor.page_size = self.get_page_size(request)
            try:
                return self.cursor.paginate_queryset(queryset, request, view)
            except exceptions.NotFound:
                raise exceptions.ValidationError({"cursor": ["Invalid cursor."]}) from None
        raw_page = request.query_params.get(self.page_query_param, "1")
        if not raw_page.isdecimal() or len(raw_page) > 9 or int(raw_page) < 1:
            raise exceptions.ValidationError({"page": ["A page number from 1."]})
        try:
            return super().paginate_queryset(queryset, request, view)
        except exceptions.NotFound:
            raise exceptions.ValidationError(
                {"page": ["That page is past the last one."]}
            ) from None

    def cursor_query_param_present(self, request) -> bool:
        return "cursor" in request.query_params

    def get_paginated_response(self, data):
        if self.cursor is not None:
            response = self.cursor.get_paginated_response(data)
            response.data = {"count": None, **response.data}
            next_url, previous_url = self.cursor.get_next_link(), self.cursor.get_previous_link()
            first_url = last_url = None
        else:
            response = super().get_paginated_response(data)
            next_url, previous_url = self.get_next_link(), self.get_previous_link()
            url = self.request.build_absolute_uri()
            first_url = replace_query_param(url, self.page_query_param, 1)
            last_url = replace_query_param(
                url, self.page_query_param, self.page.paginator.num_pages
            )
        links = [
            f'<{link}>; rel="{rel}"'
            for rel, link in (
                ("next", next_url),
                ("prev", previous_url),
                ("first", first_url),
                ("last", last_url),
            )
            if link
        ]
        if links:
            response["Link"] = ", ".join(links)
        return response

    def get_paginated_response_schema(self, schema):
        page = super().get_paginated_response_schema(schema)
        page["properties"]["count"]["nullable"] = True
        page["properties"]["count"]["description"] = "Total rows; null on cursor pages."
        return page

    def get_schema_operation_parameters(self, view):
        params = super().get_schema_operation_parameters(view)
        for param in params:
            if param["name"] == "page_size":
                param["schema"] = {"type": "integer", "minimum": 1}
                param["description"] = "Rows per page: 50 by default, at most 500."
            if param["name"] == "page":
                param["schema"] = {"type": "integer", "minimum": 1, "maximum": 999999999}
        params.append(
            {
                "name": "cursor",
                "required": False,
                "in": "query",
                "description": "Keyset paging in (updated_at, id) order for sync: start with an "
                "empty `cursor=` and follow `next` (or the Link header).",
                "schema": {"type": "string"},
            }
        )
        return params


# --- CSV ---------------------------------------------------------------------------------------

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value) -> str:
    """One CSV cell: ISO dates, empty for null, and spreadsheet formulas neutralised."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, int | float):
        return str(value)
    text = str(value)
    if text.startswith(FORMULA_PREFIXES):
        # A leading apostrophe makes Excel, LibreOffice and Sheets show the text, not run it.
        return "'" + text
    return text


def flatten(row: dict, prefix: str = "") -> dict:
    """Nested dicts become `parent_child` columns; lists become one `; `-separated cell."""
    flat = {}
    for key, value in row.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, f"{name}_"))
        elif isinstance(value, list):
            flat[name] = "; ".join(describe(item) for item in value)
        else:
            flat[name] = value
    return flat


def describe(item) -> str:
    if isinstance(item, dict):
        if "name" in item:
            return str(item["name"])
        return " ".join(str(value) for value in item.values() if not isinstance(value, dict | list))
    return str(item)


def csv_rows(rows):
    """Yield CSV text, header first, one line at a time (for streaming)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    header = None
    for row in rows:
        flat = flatten(row)
        if header is None:
            header = list(flat)
            writer.writerow(header)
        writer.writerow([csv_cell(flat.get(column)) for column in header])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()


class FlatCSVRenderer(BaseRenderer):
    """`?format=csv` or a `.csv` suffix: one flat row per result, ISO dates, safe cells."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if data is None:
            return b""
        if isinstance(data, dict) and "results" in data:
            rows = data["results"]
        elif isinstance(data, list):
            rows = data
        else:
            rows = [data]
        if not rows:
            # An empty result is still a sheet with its header row (and a Content-Type).
            view = (renderer_context or {}).get("view")
            return (",".join(csv_header(view)) + "\r\n").encode("utf-8")
        return "".join(csv_rows(rows)).encode("utf-8")


def csv_header(view) -> list[str]:
    """The columns a CSV of this view has, from its serializer (or its declared csv_columns)."""
    if columns := getattr(view, "csv_columns", None):
        return list(columns)
    if view is None or not hasattr(view, "get_serializer"):
        return ["id"]
    columns = []
    for name, field in view.get_serializer().fields.items():
        if isinstance(field, RefField) and not isinstance(field, RefListField):
            columns += [f"{name}_id", f"{name}_name", f"{name}_url"]
        else:
            columns.append(name)
    return columns


# --- Conditional requests, throttling, errors ------------------------------------------------


def last_modified_time() -> datetime.datetime:
    """When the content last changed; after a cold cache, from now on (never too early)."""
    value = content_last_modified()
    if value is None:
        cache.add(MODIFIED_KEY, timezone.now().replace(microsecond=0), timeout=None)
        value = cache.get(MODIFIED_KEY) or timezone.now()
    return value


def conditional_headers(request) -> tuple[str, datetime.datetime]:
    """ETag from the content version, the full URL and the negotiated format."""
    key = "|".join(
        [
            str(content_version()),
            request.get_full_path(),
            request.META.get("HTTP_ACCEPT", ""),
        ]
    )
    etag = 'W/"' + hashlib.sha256(key.encode()).hexdigest()[:32] + '"'
    return etag, last_modified_time()


class RateLimitThrottle(AnonRateThrottle):
    """Anonymous rate limit per client IP, shared across processes through the cache.

    Remembers the figures for the X-RateLimit-* headers. The rate comes from API_ANON_RATE at
    request time (not import time), so tests and deployments can change it.
    """

    def get_rate(self):
        return settings.API_ANON_RATE

    def allow_request(self, request, view):
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        allowed = super().allow_request(request, view)
        if self.key is not None:
            remaining = max(self.num_requests - len(self.history), 0)
            reset_in = self.duration - (self.now - self.history[-1]) if self.history else 0
            request.rate_limit = {
                "X-RateLimit-Limit": str(self.num_requests),
                "X-RateLimit-Remaining": str(remaining),
                "X-RateLimit-Reset": str(int(self.now + max(reset_in, 0))),
            }
        return allowed


class PublicAPIMixin(StrictParamsMixin):
    """Strict parameters, ETag/Last-Modified with 304, and rate-limit headers for any API view."""

    renderer_classes = [JSONRenderer, FlatCSVRenderer]
    throttle_classes = [RateLimitThrottle]
    pagination_class = LinkHeaderPagination
    filter_backends = [filters.DjangoFilterBackend, SafeOrderingFilter]

    def with_sources(self, queryset, prefix: str = ""):
        """Prefetch published sources only when `include=sources` asks for them (one query)."""
        if "sources" in requested_includes(self.request):
            return queryset.prefetch_related(published_sources_prefetch(prefix))
        return queryset

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.check_params(request)

    def dispatch(self, request, *args, **kwargs):
        if request.method in ("GET", "HEAD"):
            etag, modified = conditional_headers(request)
            not_modified = get_conditional_response(
                request, etag=etag, last_modified=int(modified.timestamp())
            )
            if not_modified is not None:
                # Answered before throttling and any query: a 304 costs the client nothing.
                patch_vary_headers(not_modified, ["Accept"])
                return not_modified
            self.conditional = (etag, modified)
        return super().dispatch(request, *args, **kwargs)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if response.status_code >= 400:
            # Errors are always JSON, even for a CSV request: a message, not a one-cell sheet.
            response.accepted_renderer = JSONRenderer()
            response.accepted_media_type = JSONRenderer.media_type
        for header, value in getattr(request, "rate_limit", {}).items():
            response[header] = value
        conditional = getattr(self, "conditional", None)
        if conditional and response.status_code == 200:
            response["ETag"] = conditional[0]
            response["Last-Modified"] = http_date(conditional[1].timestamp())
            response["Cache-Control"] = "public, max-age=60"
            patch_vary_headers(response, ["Accept"])
        return response


class PublicReadOnlyViewSet(PublicAPIMixin, viewsets.ReadOnlyModelViewSet):
    """A read-only resource over a model's published() rows."""

    ordering_fields: list[str] = []
    cursor_ordering = ("updated_at", "id")

    def get_serializer_context(self):
        # Item URLs stay canonical (…/rounds/2/) in a CSV, not …/rounds/2.csv.
        return {**super().get_serializer_context(), "format": None}


class PublicAPIView(PublicAPIMixin, APIView):
    """A read-only endpoint that is not a model resource (timeline, search, exports)."""

    is_detail = False  # True for one-document exports, which take no paging parameters
    # Tells drf-spectacular there is no single model behind the view; responses are declared.
    queryset = Source.objects.none()
    # Lists built in Python (not querysets) page by number only, without FilterSets; their
    # parameters are declared with extend_schema.
    list_params = ("page", "page_size", "format")
    filter_backends: list = []
    pagination_class = None

    def paginated(self, request, items: list):
        paginator = LinkHeaderPagination()
        page = paginator.paginate_queryset(items, request, view=self)
        return paginator.get_paginated_response(page)


def api_not_found(request, *args, **kwargs):
    """JSON 404 for any URL under /api/v1/ that names no endpoint (not the site's HTML page)."""
    return JsonResponse({"detail": "No such endpoint. See /api/docs/."}, status=404)


def api_exception_handler(exc, context):
    """DRF's handler, plus Django validation errors and database refusals as 400 JSON."""
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(
            exc.message_dict if hasattr(exc, "error_dict") else {"detail": exc.messages}
        )
    elif isinstance(exc, DataError | ValueError | OverflowError):
        # e.g. a value the database cannot represent; the request is at fault, not the server.
        exc = exceptions.ValidationError(
            {"detail": "A parameter value is out of range or invalid."}
        )
    response = drf_exception_handler(exc, context)
    if response is not None and isinstance(exc, exceptions.Throttled):
        request = context["request"]
        for header, value in getattr(request, "rate_limit", {}).items():
            response[header] = value
    return response


# --- Schema ------------------------------------------------------------------------------------

ERROR_SCHEMA = {
    "type": "object",
    "description": "What was wrong with the request.",
    "additionalProperties": True,
}


def document_error_responses(result, generator, request, public):
    """Adds the 304/400/404/406/429 answers every GET can give to every operation, and makes
    the `include=sources` field optional."""
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    ref = {"$ref": "#/components/schemas/Error"}
    json_error = {"application/json": {"schema": ref}}
    answers = {
        "304": {"description": "Not modified since the ETag or date you sent."},
        "400": {"description": "Bad or unknown query parameter.", "content": json_error},
        "404": {"description": "No such published item, or unknown format.", "content": json_error},
        "406": {"description": "Cannot produce the format asked for.", "content": json_error},
        "429": {
            "description": "Rate limit reached; retry after the Retry-After seconds.",
            "content": json_error,
        },
    }
    for component in result["components"]["schemas"].values():
        # `sources` appears only with include=sources, so no response is required to have it.
        if "sources" in component.get("required", []):
            component["required"].remove("sources")
    for path in result.get("paths", {}).values():
        for operation in path.values():
            responses = operation.setdefault("responses", {})
            for code, answer in answers.items():
                responses.setdefault(code, answer)
    return result


__all__ = [
    "IdFilter",
    "OpenApiTypes",
    "PublicFilterSet",
    "PublicReadOnlyViewSet",
    "RefField",
    "RefListField",
]
