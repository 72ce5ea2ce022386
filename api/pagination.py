"""Numbered pages with an RFC 8288 `Link` header, and keyset pages for sync.

DRF's PageNumberPagination gives the body's next/previous; the Link header (GitHub's convention)
and the switch to cursor pages on `?cursor=` are added here. Hand-written because the Link-header
packages for DRF (drf-link-header-pagination) replace the body's count/next/previous with a bare
list, which every existing client of this API reads, and none switches to cursor pages.
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext
from rest_framework import exceptions
from rest_framework.pagination import CursorPagination, PageNumberPagination
from rest_framework.utils.urls import remove_query_param, replace_query_param

MAX_PAGE_SIZE = 500


def page_url(request) -> str:
    """This request's absolute URL, its query rebuilt from the decoded parameters.

    `build_absolute_uri()` re-encodes the raw query string, which a WSGI server hands over as
    latin-1: an unencoded `q=Çırağan` came back as `q=%C3%83%C2%87…` (mojibake), and following
    `next` searched for it. Rebuilding from `query_params` percent-encodes the text as UTF-8.
    """
    query = request.query_params.urlencode()
    return request.build_absolute_uri(request.path) + (f"?{query}" if query else "")


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
                {"page_size": [gettext("A whole number from 1 to 500.")]}
            ) from None
        if value < 1:
            raise exceptions.ValidationError(
                {"page_size": [gettext("A whole number from 1 to 500.")]}
            )
        # Larger values are clamped to the maximum, like GitHub's per_page.
        return min(value, self.max_page_size)

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        raw_page = request.query_params.get(self.page_query_param, "1")
        if not raw_page.isdecimal() or len(raw_page) > 9 or int(raw_page) < 1:
            raise exceptions.ValidationError({"page": [gettext("A page number from 1.")]})
        if self.cursor_query_param_present(request):
            if request.query_params.get("ordering"):
                raise exceptions.ValidationError(
                    {"ordering": [gettext("Cursor pages are always in (updated_at, id) order.")]}
                )
            ordering = getattr(view, "cursor_ordering", None)
            self.cursor = SyncCursorPagination(ordering)
            self.cursor.page_size = self.get_page_size(request)
            try:
                page = self.cursor.paginate_queryset(queryset, request, view)
                self.cursor.base_url = page_url(request)
                return page
            except (exceptions.NotFound, DjangoValidationError, ValueError):
                # A hand-made cursor decodes to a position that is no (updated_at, id): say the
                # cursor is bad, not what the database made of its parts.
                raise exceptions.ValidationError({"cursor": [gettext("Invalid cursor.")]}) from None
        try:
            return super().paginate_queryset(queryset, request, view)
        except exceptions.NotFound:
            raise exceptions.ValidationError(
                {"page": [gettext("That page is past the last one.")]}
            ) from None

    def get_next_link(self):
        if not self.page.has_next():
            return None
        return replace_query_param(
            page_url(self.request), self.page_query_param, self.page.next_page_number()
        )

    def get_previous_link(self):
        if not self.page.has_previous():
            return None
        url = page_url(self.request)
        if self.page.previous_page_number() == 1:
            return remove_query_param(url, self.page_query_param)
        return replace_query_param(url, self.page_query_param, self.page.previous_page_number())

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
            url = page_url(self.request)
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
