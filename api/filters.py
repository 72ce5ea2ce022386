"""What every list's filters share: `q` and `updated_since`, `__in` filters, ids, strict query
parameters and ordering that refuses a field it does not know.

django-filter ignores parameters it does not know and DRF's OrderingFilter ignores fields it does
not allow; a journalist would rather be told, so StrictParamsMixin and SafeOrderingFilter say so.
Hand-written because neither library offers a strict mode, and no maintained package adds one.
"""

import datetime

from django.db.models import Q
from django_filters import rest_framework as filters
from django_filters.constants import EMPTY_VALUES
from rest_framework import exceptions
from rest_framework.filters import OrderingFilter

from api.fields import requested_includes
from api.sync import shown_by
from provenance.text import fold
from talks.models import DEFAULT_TRACK

# Parameters every list understands besides its FilterSet's; anything else is a 400.
COMMON_LIST_PARAMS = ("page", "page_size", "cursor", "ordering", "format", "include")
COMMON_DETAIL_PARAMS = ("format", "include")


def _relation(model, name: str):
    """The relation `name` (or its attname, "parent_id") of `model`, or None for a plain field."""
    for field in model._meta.get_fields():
        if field.is_relation and name in (field.name, getattr(field, "attname", None)):
            return field
    return None


def published_q(model, lookup: str, value) -> Q:
    """Q(lookup=value) where every related row the lookup passes through must be public too.

    `people__id=5` becomes `people__in=<published people with id 5>`, so a filter or a search
    never matches through a draft — a draft person's id answers like a missing one, a draft
    organization's name matches nothing — by the same published() rule as every list.
    """
    name, _, rest = lookup.partition("__")
    field = _relation(model, name)
    if field is None or rest.split("__")[0] == "isnull" or (not rest and name == field.name):
        return Q(**{lookup: value})
    if name != field.name:  # "parent_id=5": the parent's pk
        rest = f"pk__{rest}" if rest else "pk"
    related = field.related_model
    rows = (
        related.objects.published()
        if hasattr(related.objects, "published")
        else related._default_manager.all()
    )
    return Q(**{f"{field.name}__in": rows.filter(published_q(related, rest, value))})


class PublicFilterSet(filters.FilterSet):
    """Base FilterSet: full-text `q` and `updated_since` on every list.

    Every filter that reaches through a relation sees published rows only (`published_q`).
    """

    def filter_queryset(self, queryset):
        for name, value in self.form.cleaned_data.items():
            spec = self.filters[name]
            through = _relation(queryset.model, (spec.field_name or "").split("__")[0])
            own = getattr(spec, "builds_its_own_lookup", False)
            if (
                spec.method
                or own
                or value in EMPTY_VALUES
                or not through
                or spec.lookup_expr == "isnull"
            ):
                queryset = spec.filter(queryset, value)
                continue
            lookup = f"{spec.field_name}__{spec.lookup_expr}"
            condition = published_q(queryset.model, lookup, value)
            queryset = queryset.exclude(condition) if spec.exclude else queryset.filter(condition)
            if spec.distinct:
                queryset = queryset.distinct()
        return queryset

    q = filters.CharFilter(
        method="filter_q",
        help_text="Full-text search: names, aliases and Cyrillic, in any case and without accents.",
    )
    updated_since = filters.IsoDateTimeFilter(
        method="filter_updated_since",
        help_text="Only rows changed at or after this ISO 8601 time, for incremental sync.",
    )

    # Related rows whose folded search_text `q=` matches instead of the row's own (published
    # related rows only); each FilterSet that searches through a relation names them here.
    search_through: tuple[str, ...] = ()

    def filter_q(self, queryset, name, value):
        if not fold(value):
            return queryset
        if self.search_through:
            return folded_search(queryset, value, *self.search_through)
        return queryset.search(value)

    def filter_updated_since(self, queryset, name, value):
        model = queryset.model
        if any(field.name == "updated_at" for field in model._meta.fields):
            return queryset.filter(updated_at__gte=in_utc(value))
        # Rows without a timestamp of their own (participants, exchange counts): their history
        # records every change, and the rows they show (their delegation, its round, the
        # person) have times that move with whatever those show (api.sync).
        since = in_utc(value)
        changed = Q(id__in=model.history.filter(history_date__gte=since).values("id"))
        for path, related in shown_by(model).items():
            if any(field.name == "updated_at" for field in related._meta.concrete_fields):
                shown = model._default_manager.filter(**{f"{path}__updated_at__gte": since})
                changed |= Q(id__in=shown.values("id"))
        return queryset.filter(changed)


def in_utc(value: datetime.datetime) -> datetime.datetime:
    """The time in UTC. PostgreSQL refuses offsets beyond ±15:59 that Python accepts ("+20:52"),
    and a refused query would abort the transaction; converting here avoids sending them."""
    try:
        return value.astimezone(datetime.UTC)
    except OverflowError:
        raise exceptions.ValidationError({"detail": "That time is out of range."}) from None


def folded_search(queryset, value: str, *fields: str):
    """Rows whose folded `search_text` columns (of this or published related rows) contain
    `value`."""
    folded = fold(value)
    if not folded:
        return queryset
    condition = Q()
    for field in fields:
        condition |= published_q(queryset.model, f"{field}__contains", folded)
    return queryset.filter(condition)


class CharInFilter(filters.BaseInFilter, filters.CharFilter):
    """`field__in=a,b`."""


class NumberInFilter(filters.BaseInFilter, filters.NumberFilter):
    """`field__in=1,2`."""


def _integer_filter(**kwargs):
    # Bounded so a 10**30 id is a 400, not an overflow in the database (PostgreSQL bigint).
    return filters.NumberFilter(min_value=0, max_value=2**63 - 1, **kwargs)


IdFilter = _integer_filter

TRACK_HELP = "A track's slug: istanbul, us-ukraine, trilateral, us-russia (see /api/v1/tracks/)."
ROUND_HELP = (
    "A round's number within the track named by `track`; without `track`, within the Istanbul "
    "talks, as before there were tracks (round=2 is 2 June 2025)."
)


class TrackFilter(filters.CharFilter):
    """`track=trilateral`: rows that belong to that track, through any of `paths` (each a path
    to a Track, e.g. "round__track")."""

    builds_its_own_lookup = True  # through published rows (published_q), like every filter

    def __init__(self, *paths: str, **kwargs):
        # The first path names what the filter reads, for the schema and the tests that walk
        # every filter; filter() looks along every path.
        kwargs.setdefault("field_name", f"{paths[0]}__slug")
        super().__init__(help_text=TRACK_HELP, max_length=100, **kwargs)
        self.paths = paths

    def filter(self, queryset, value):
        if value in EMPTY_VALUES:
            return queryset
        condition = Q()
        for path in self.paths:
            condition |= published_q(queryset.model, f"{path}__slug", value)
        return queryset.filter(condition)


class RoundNumberFilter(filters.NumberFilter):
    """`round=2`: rows of round 2 of the track named by the FilterSet's `track` parameter, or of
    the Istanbul talks when none is named, so a `round=2` written before tracks still means the
    2 June 2025 round. `round_path` is the path to the Round, e.g. "delegation__round"."""

    builds_its_own_lookup = True  # through published rows (published_q), like every filter

    def __init__(self, round_path: str, **kwargs):
        # field_name says what the filter reads, for the schema and the tests that walk every
        # filter; filter() also reads the track.
        kwargs.setdefault("field_name", f"{round_path}__number")
        super().__init__(min_value=0, max_value=32767, help_text=ROUND_HELP, **kwargs)
        self.round_path = round_path

    def filter(self, queryset, value):
        if value in EMPTY_VALUES:
            return queryset
        track = self.parent.form.cleaned_data.get("track") or DEFAULT_TRACK
        model, path = queryset.model, self.round_path
        return queryset.filter(
            published_q(model, f"{path}__number", value)
            & published_q(model, f"{path}__track__slug", track)
        )


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
