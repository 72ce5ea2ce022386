"""The API's timeline: every dated item of the record in one list (record.timeline)."""

from django import forms
from django.utils import translation
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers

from api.base import PublicAPIView
from api.fields import detail_url
from api.filters import ROUND_HELP, TRACK_HELP
from api.language import TextLanguageField, TranslationStateField
from api.views.common import PAGE_PARAMS, PublishedSlugField, TypesField, checked, page_of
from positions.models import Issue
from provenance.models import Side
from record.kinds import TIMELINE
from record.timeline import entries, listing
from talks.models import Track

TIMELINE_TYPES = [kind.name for kind in TIMELINE]


class TimelineParams(forms.Form):
    date__gte = forms.DateField(required=False)
    date__lte = forms.DateField(required=False)
    type__in = TypesField(TIMELINE_TYPES)
    round = forms.IntegerField(required=False, min_value=0, max_value=32767)
    track = PublishedSlugField(Track)
    side = forms.ChoiceField(
        choices=[("", ""), *Side.choices],
        required=False,
        error_messages={
            "invalid_choice": f"Unknown side '%(value)s'. Known: {', '.join(Side.values)}."
        },
    )
    issue = PublishedSlugField(Issue)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date__gte"), cleaned.get("date__lte")
        if start and end and end < start:
            # As the site's timeline form says it: an empty answer would look like no events.
            self.add_error("date__lte", "The end date is before the start date.")
        return cleaned


def timeline_entries(params: dict, *, paged: bool = False):
    """The entries the parameters ask for: a list of every one, or with `paged` a Listing that
    reads only the page asked for (record.timeline)."""
    return (listing if paged else entries)(
        kinds=params["type__in"],
        side=params["side"],
        issue=params["issue"],
        date_from=params["date__gte"],
        date_to=params["date__lte"],
        round_number=params["round"],
        track=params["track"],
    )


TIMELINE_ITEM = {
    "type": serializers.ChoiceField(choices=TIMELINE_TYPES),
    "id": serializers.IntegerField(),
    "date": serializers.DateField(),
    "date_precision": serializers.CharField(),
    "title": serializers.CharField(),
    "title_language": TextLanguageField("title"),
    "side": serializers.CharField(),
    "round_number": serializers.IntegerField(allow_null=True),
    "track": serializers.CharField(allow_null=True),
    "summary": serializers.CharField(),
    "summary_language": TextLanguageField("summary"),
    "translation_state": TranslationStateField(),
    "url": serializers.URLField(),
}

TIMELINE_PARAMS = [
    OpenApiParameter("date__gte", OpenApiTypes.DATE, description="On or after this date."),
    OpenApiParameter("date__lte", OpenApiTypes.DATE, description="On or before this date."),
    OpenApiParameter(
        "type__in", str, description=f"Comma-separated types: {', '.join(TIMELINE_TYPES)}."
    ),
    OpenApiParameter("track", str, description=TRACK_HELP),
    OpenApiParameter("round", OpenApiTypes.INT, description=ROUND_HELP),
    OpenApiParameter(
        "side",
        str,
        enum=Side.values,
        description="What this side did or said, and everything both sides did.",
    ),
    OpenApiParameter("issue", str, description="An issue's slug, e.g. ceasefire."),
]


class TimelineView(PublicAPIView):
    """Rounds, events, documents, commitments and exchanges in one dated list, oldest first."""

    extra_params = ("date__gte", "date__lte", "type__in", "track", "round", "side", "issue")
    csv_columns = list(TIMELINE_ITEM)

    @extend_schema(
        operation_id="timeline_list",
        parameters=TIMELINE_PARAMS + PAGE_PARAMS,
        responses=page_of("TimelineItem", TIMELINE_ITEM),
    )
    def get(self, request, *args, **kwargs):
        rows = timeline_entries(checked(TimelineParams(request.query_params)), paged=True)
        return self.paginated(request, Items(rows, lambda entry: timeline_item(request, entry)))


def timeline_item(request, entry) -> dict:
    """An entry as the API gives it, its texts in the active language (api.language) and
    saying which language each came in, as every resource's items do."""
    language = translation.get_language()
    return {
        "type": entry.kind.name,
        "id": entry.pk,
        "date": entry.date,
        "date_precision": entry.precision,
        "title": entry.title,
        "title_language": entry.title_language(language),
        "side": entry.side,
        "round_number": entry.round_number,
        "track": entry.track.slug if entry.track and entry.track.is_published else None,
        "summary": entry.summary,
        "summary_language": entry.summary_language(language),
        "translation_state": entry.translation_state(language),
        "url": detail_url(request, entry.kind.name, entry.pk),
    }


class Items:
    """A Listing's entries as API items, made only for the page read (what pagination slices)."""

    def __init__(self, rows, item):
        self.rows, self.item = rows, item

    def count(self) -> int:
        return self.rows.count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index):
        return [self.item(entry) for entry in self.rows[index]]
