"""What the API's cross-kind endpoints share: page parameters in the schema, and form checks."""

from django import forms
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, inline_serializer
from rest_framework import exceptions, serializers

PAGE_PARAMS = [
    OpenApiParameter("page", OpenApiTypes.INT, description="Page number, from 1."),
    OpenApiParameter("page_size", OpenApiTypes.INT, description="Rows per page, at most 500."),
    OpenApiParameter(
        "format",
        str,
        enum=["json", "csv", "csv-excel"],
        description="json (default), csv, or csv-excel (CSV with a UTF-8 byte order mark).",
    ),
]


def page_of(schema_name: str, fields: dict):
    item = inline_serializer(schema_name, fields)
    return inline_serializer(
        f"Paginated{schema_name}List",
        {
            "count": serializers.IntegerField(),
            "next": serializers.URLField(allow_null=True),
            "previous": serializers.URLField(allow_null=True),
            "results": serializers.ListField(child=item),
        },
    )


def checked(form: forms.Form) -> dict:
    """Cleaned parameters, or a 400 naming what is wrong."""
    if not form.is_valid():
        raise exceptions.ValidationError(form.errors.get_json_data())
    return form.cleaned_data
