"""What the API's cross-kind endpoints share: page parameters in the schema, and form checks."""

from django import forms
from django.utils.translation import gettext
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, inline_serializer
from rest_framework import exceptions, serializers

from api.filters import NamesARow, published_rows

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
    """Cleaned parameters, or a 400 naming what is wrong, in the lists' shape:
    `{"parameter": ["message", …]}`."""
    if not form.is_valid():
        raise exceptions.ValidationError(
            {name: list(messages) for name, messages in form.errors.items()}
        )
    return form.cleaned_data


class RepeatedAsCommas(forms.TextInput):
    """Reads `a,b` and `x=a&x=b` (as pandas and requests send lists) alike, as "a,b"."""

    def value_from_datadict(self, data, files, name):
        if hasattr(data, "getlist"):
            values = data.getlist(name)
            return ",".join(values) if values else None
        return super().value_from_datadict(data, files, name)


class TypesField(forms.CharField):
    """`type__in`: comma-separated names out of `known`, or the parameter repeated; a list
    (empty for none). An unknown name or an empty item ("a,,b") is an error naming the known
    ones, as the lists' `__in` filters answer."""

    widget = RepeatedAsCommas

    def __init__(self, known: list[str], **kwargs):
        self.known = known
        super().__init__(required=False, **kwargs)

    def clean(self, value) -> list[str]:
        value = super().clean(value)
        if not value:
            return []
        types = value.split(",")
        if any(not part.strip() for part in types):
            raise forms.ValidationError(
                gettext("An empty value in the list: separate values with single commas, e.g. a,b.")
            )
        if unknown := set(types) - set(self.known):
            raise forms.ValidationError(
                gettext("Unknown: %(unknown)s. Known: %(known)s.")
                % {"unknown": ", ".join(sorted(unknown)), "known": ", ".join(self.known)}
            )
        return types


class PublishedSlugField(forms.CharField):
    """A slug naming a published row of `model`: the row, or None when not given. A slug no
    published row has (a draft's included) is an error listing the known ones, as the lists'
    slug filters answer (api.filters.NamesARow)."""

    def __init__(self, model, **kwargs):
        self.model = model
        super().__init__(required=False, validators=[NamesARow(model, "slug")], **kwargs)

    def clean(self, value):
        value = super().clean(value)
        return published_rows(self.model).get(slug=value) if value else None
