"""The API's search: everything whose names, aliases or text match `q` (record.search)."""

from django import forms
from django.utils import translation
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers

from api.base import PublicAPIView
from api.fields import detail_url
from api.language import TextLanguageField, TranslationStateField
from api.views.common import PAGE_PARAMS, TypesField, checked, page_of
from record.kinds import SEARCHED
from record.search import MAX_QUERY_LENGTH, search

SEARCH_TYPES = [kind.name for kind in SEARCHED]
SEARCH_LIMIT_PER_TYPE = 500


class SearchParams(forms.Form):
    q = forms.CharField(max_length=MAX_QUERY_LENGTH)
    type__in = TypesField(SEARCH_TYPES)


class SearchView(PublicAPIView):
    """Everything whose names, aliases or text match `q`, in any script, case or accent."""

    extra_params = ("q", "type__in")
    csv_columns = ["type", "id", "name", "name_language", "translation_state", "url"]

    @extend_schema(
        operation_id="search_list",
        parameters=[
            OpenApiParameter(
                "q", str, required=True, description="Words to find, e.g. Umierov or Чирагань."
            ),
            OpenApiParameter(
                "type__in", str, description=f"Comma-separated: {', '.join(SEARCH_TYPES)}."
            ),
            *PAGE_PARAMS,
        ],
        responses=page_of(
            "SearchHit",
            {
                "type": serializers.ChoiceField(choices=SEARCH_TYPES),
                "id": serializers.IntegerField(),
                "name": serializers.CharField(),
                "name_language": TextLanguageField("name"),
                "translation_state": TranslationStateField(),
                "url": serializers.URLField(),
            },
        ),
    )
    def get(self, request, *args, **kwargs):
        params = checked(SearchParams(request.query_params))
        groups = search(params["q"], kinds=params["type__in"], per_kind=SEARCH_LIMIT_PER_TYPE)
        language = translation.get_language()
        hits = [
            {
                "type": hit.kind.name,
                "id": hit.pk,
                "name": hit.title,
                "name_language": hit.title_language(language),
                "translation_state": hit.translation_state(language),
                "url": detail_url(request, hit.kind.name, hit.pk),
            }
            for group in groups
            for hit in group.hits
        ]
        return self.paginated(request, hits)
