"""The base views every API endpoint is built on: read-only, published rows only, strict
parameters, conditional requests, rate-limit headers and JSON errors.

Pagination, filter backends, renderers and the throttle are DRF defaults named in
settings.REST_FRAMEWORK; what is decided here is how an answer is finished.
"""

from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers
from rest_framework import viewsets
from rest_framework.renderers import JSONRenderer
from rest_framework.views import APIView

from api.fields import published_sources_prefetch, requested_includes
from api.filters import StrictParamsMixin
from api.language import requested_language
from api.pagination import LinkHeaderPagination
from provenance.models import Source
from provenance.versioning import conditional_on_content


class PublicAPIMixin(StrictParamsMixin):
    """Strict parameters, ETag/Last-Modified with 304, and rate-limit headers for any API view."""

    def with_sources(self, queryset, prefix: str = ""):
        """Prefetch published sources only when `include=sources` asks for them (one query)."""
        if "sources" in requested_includes(self.request):
            return queryset.prefetch_related(published_sources_prefetch(prefix))
        return queryset

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        # A method the view does not answer is a 405 whatever its parameters say.
        if hasattr(self, request.method.lower()):
            self.check_params(request)

    def dispatch(self, request, *args, **kwargs):
        # The whole answer, its ETag included, is made in the language asked for (api.language).
        with translation.override(requested_language(request)):
            # A 304 is answered before throttling and any query: it costs the client nothing.
            response = conditional_on_content(super().dispatch)(request, *args, **kwargs)
            # A 304 never reaches finalize_response; it names what it varies on all the same.
            self.say_language(response)
            return response

    @staticmethod
    def say_language(response) -> None:
        response["Content-Language"] = translation.get_language()
        patch_vary_headers(response, ["Accept", "Accept-Language"])

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if response.status_code >= 400:
            # Errors are always JSON, even for a CSV request: a message, not a one-cell sheet.
            response.accepted_renderer = JSONRenderer()
            response.accepted_media_type = JSONRenderer.media_type
        for header, value in getattr(request, "rate_limit", {}).items():
            response[header] = value
        if response.status_code == 200 and request.method in ("GET", "HEAD"):
            # Rate-limit figures belong to this client: a shared cache must not replay them to
            # another (settings.PER_CLIENT_HEADERS), while the browser may keep its own copy.
            per_client = any(header in response for header in settings.PER_CLIENT_HEADERS)
            response["Cache-Control"] = f"{'private' if per_client else 'public'}, max-age=60"
        self.say_language(response)
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
