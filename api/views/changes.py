"""The API's change feed for mirrors: what changed since a time (record.changes)."""

from django import forms
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers

from api.base import PublicAPIView
from api.fields import detail_url
from api.filters import in_utc
from api.views.common import PAGE_PARAMS, checked, page_of
from record.changes import CREATED, REMOVED, UPDATED, changes_since
from record.kinds import RESOURCES


class ChangesParams(forms.Form):
    since = forms.DateTimeField()


class ChangesView(PublicAPIView):
    """Everything that changed since a time, as a mirror up to date at `since` must apply it:
    rows to add (`created`: not public at `since`), to update, and to drop (`removed`, with no
    title). As CSV with `changes.csv` or `?format=csv`."""

    extra_params = ("since",)
    csv_columns = ["resource", "id", "change", "at", "title", "url", "page"]

    @extend_schema(
        operation_id="changes_list",
        parameters=[
            OpenApiParameter(
                "since",
                OpenApiTypes.DATETIME,
                required=True,
                description="ISO 8601 time, e.g. 2025-06-01T00:00:00Z.",
            ),
            *PAGE_PARAMS,
        ],
        responses=page_of(
            "Change",
            {
                "resource": serializers.ChoiceField(choices=[k.api_name for k in RESOURCES]),
                "id": serializers.IntegerField(),
                "change": serializers.ChoiceField(
                    choices=[CREATED, UPDATED, REMOVED],
                    help_text=(
                        "created: not public at `since` (first published after it, or shown "
                        "with a record published after it); updated: public then and now, "
                        "changed since; removed: no longer public."
                    ),
                ),
                "at": serializers.DateTimeField(),
                "title": serializers.CharField(help_text="Blank for a removed row."),
                "url": serializers.URLField(allow_null=True, help_text="The row in the API."),
                "page": serializers.URLField(
                    allow_null=True, help_text="The public page that shows it."
                ),
            },
        ),
    )
    def get(self, request, *args, **kwargs):
        params = checked(ChangesParams(request.query_params))
        items = [
            {
                "resource": change.kind.api_name,
                "id": change.pk,
                "change": change.change_type,
                "at": change.changed_at,
                "title": change.title,
                "url": (
                    None
                    if change.change_type == REMOVED
                    else detail_url(request, change.kind.name, change.pk)
                ),
                "page": request.build_absolute_uri(change.url) if change.url else None,
            }
            for change in changes_since(in_utc(params["since"]))
        ]
        return self.paginated(request, items)
