"""What every list's filters share: `q` and `updated_since`, `__in` filters, ids, strict query
parameters and ordering that refuses a field it does not know.

django-filter ignores parameters it does not know and DRF's OrderingFilter ignores fields it does
not allow; a journalist would rather be told, so StrictParamsMixin and SafeOrderingFilter say so.
Hand-written because neither library offers a strict mode, and no maintained package adds one.
"""

import datetime
from urllib.parse import unquote_to_bytes

from django import forms
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django_filters import rest_framework as filters
from django_filters.constants import EMPTY_VALUES
from django_filters.fields import BaseCSVField
from django_filters.utils import get_model_field
from django_filters.widgets import BaseCSVWidget
from rest_framework import exceptions
from rest_framework.filters import OrderingFilter

from api.fields import requested_includes
from api.language import LANGUAGE_PARAM, check_language
from api.sync import shown_by
from provenance.models import search_variants
from provenance.text import fold
from provenance.translated import english_lookup
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


# --- Values a filter understands, and nothing else ------------------------------------------
# django-filter reads `?top_level=maybe` as no filter, `?round=2.9` as round 2, `?side__in=bogus`
# as a side no row has and `?issue=nato` as an issue no row has; each answer is a list the reader
# takes for the truth. PublicFilterSet.get_filters makes every filter of every FilterSet refuse
# such a value with a 400 saying what it accepts, from the model field it reads.


class UnknownValue:
    """`at_table=unknown` on a yes/no field that may be blank: the rows where it is not known."""

    def __repr__(self) -> str:
        return "unknown"


UNKNOWN = UnknownValue()
THREE_VALUED_SCHEMA = {
    "type": "string",
    "enum": ["true", "false", "unknown"],
    "description": "true, false, or unknown for the rows where it is not known.",
}
TRUE_WORDS = ("true",)
FALSE_WORDS = ("false",)
UNKNOWN_WORDS = ("unknown",)
# An error lists the values that exist up to this many; beyond, it names the list to read.
LISTED_VALUES = 40


class StrictBooleanField(forms.Field):
    """true/false (in any case), and `unknown` where the field may be blank; anything
    else is an error, where django-filter's field reads it as no filter at all."""

    widget = forms.TextInput

    def __init__(self, *args, allow_unknown: bool = False, **kwargs):
        self.allow_unknown = allow_unknown
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        word = str(value).strip().lower()
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS:
            return False
        if self.allow_unknown and word in UNKNOWN_WORDS:
            return UNKNOWN
        # The value goes in params: django-filter formats the message with them, and a "%" in
        # the value itself would otherwise break that formatting (a 500).
        if self.allow_unknown:
            message = gettext("'%(value)s' is not a yes/no value: use true, false or unknown.")
        else:
            message = gettext("'%(value)s' is not a yes/no value: use true or false.")
        raise forms.ValidationError(message, params={"value": value})


class ListedChoiceField(forms.ChoiceField):
    """A choice whose error lists the valid choices."""

    def __init__(self, *args, **kwargs):
        for key in ("null_label", "null_value", "empty_label"):
            kwargs.pop(key, None)
        super().__init__(*args, **kwargs)
        valid = ", ".join(str(key) for key, _ in self.choices if key not in EMPTY_VALUES)
        self.valid_choices = valid

    def validate(self, value):
        try:
            super().validate(value)
        except forms.ValidationError as error:
            if error.code != "invalid_choice":
                raise
            # Worded when raised, in the request's language: the field itself may have been
            # built once for every request (django-filter copies its filters' fields).
            raise forms.ValidationError(
                gettext("'%(value)s' is not one of: %(valid)s."),
                code="invalid_choice",
                params={"value": value, "valid": self.valid_choices},
            ) from None


class StrictCSVWidget(BaseCSVWidget, forms.TextInput):
    """`a,b`, and `x=a&x=b` as pandas and requests send a list: every value given, not the
    last one only."""

    def value_from_datadict(self, data, files, name):
        if hasattr(data, "getlist"):
            values = data.getlist(name)
            value = ",".join(values) if values else None
        else:
            value = data.get(name)
        if value is None:
            return None
        return value.split(",") if value != "" else []


class StrictCSVField(BaseCSVField):
    """A list in which an empty value (`a,,b`, `,`) is an error, not a value no row has."""

    base_widget_class = StrictCSVWidget

    def clean(self, value):
        if value and any(not str(item).strip() for item in value):
            raise forms.ValidationError(
                gettext("An empty value in the list: separate values with single commas, e.g. a,b.")
            )
        return super().clean(value)


def published_rows(model):
    """The rows of `model` the public sees (all of them for kinds without a draft state)."""
    if hasattr(model.objects, "published"):
        return model.objects.published()
    return model._default_manager.all()


class NamesARow:
    """Validator: the value names a published row of `model` by its unique `attribute` (a slug,
    a code, a name). A draft row's value gets the same answer as a value no row has."""

    def __init__(self, model, attribute: str):
        self.model, self.attribute = model, attribute

    def __call__(self, value):
        rows = published_rows(self.model)
        if rows.filter(**{self.attribute: value}).exists():
            return
        known = list(
            rows.order_by(self.attribute).values_list(self.attribute, flat=True)[
                : LISTED_VALUES + 1
            ]
        )
        listed = ", ".join(str(name) for name in known[:LISTED_VALUES])
        if len(known) > LISTED_VALUES:
            listed += ", …"
        raise forms.ValidationError(
            gettext("No %(kind)s has the %(attribute)s '%(value)s'. Known: %(known)s."),
            params={
                "kind": self.model._meta.verbose_name,
                "attribute": self.attribute,
                "value": value,
                "known": listed,
            },
        )


class WholeNumberField(forms.IntegerField):
    """Django's IntegerField, except that "2.0" is refused like "2.9": the API's integers are
    written as digits only (Django strips a trailing ".0" and reads 2)."""

    def to_python(self, value):
        if value not in self.empty_values and not str(value).strip().lstrip("+-").isdecimal():
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return super().to_python(value)


def _is_integer(field) -> bool:
    if isinstance(field, models.ForeignKey):
        field = field.target_field
    return isinstance(field, models.IntegerField | models.AutoField)


def make_strict(model, spec) -> None:
    """Give `spec` (a filter of a FilterSet over `model`) a form field that refuses what it
    does not understand, read from the model field it filters."""
    if getattr(spec, "made_strict", False):
        return
    spec.made_strict = True
    is_list = isinstance(spec, filters.BaseCSVFilter)
    try:
        field = get_model_field(model, spec.field_name) if spec.field_name else None
    except FieldDoesNotExist:
        field = None
    if isinstance(spec, filters.BooleanFilter):
        spec.field_class = StrictBooleanField
        spec.extra["widget"] = forms.TextInput  # not DRF's, which reads "maybe" as no filter
        three_valued = bool(field is not None and field.null and spec.lookup_expr == "exact")
        spec.extra["allow_unknown"] = three_valued
        if three_valued:  # drf-spectacular reads this as the parameter's schema
            spec._spectacular_annotation = {"field": THREE_VALUED_SCHEMA}
        return
    if field is None or spec.method or spec.lookup_expr not in ("exact", "in"):
        return
    element = None
    if getattr(field, "choices", None) and isinstance(
        spec, filters.CharFilter | filters.ChoiceFilter
    ):
        element = ListedChoiceField
        spec.extra["choices"] = [(key, label) for key, label in field.flatchoices if key]
    elif isinstance(spec, filters.NumberFilter) and _is_integer(field):
        element = WholeNumberField
    elif (
        isinstance(spec, filters.CharFilter)
        and getattr(field, "unique", False)
        and not field.is_relation
    ):
        spec.extra["validators"] = [NamesARow(field.model, field.name)]
    if element is not None:
        spec.field_class = (
            type(f"Strict{element.__name__}", (StrictCSVField, element), {}) if is_list else element
        )


class PublicFilterSet(filters.FilterSet):
    """Base FilterSet: full-text `q` and `updated_since` on every list.

    Every filter that reaches through a relation sees published rows only (`published_q`).
    """

    @classmethod
    def get_filters(cls):
        found = super().get_filters()
        if cls._meta.model is not None:
            for spec in found.values():
                make_strict(cls._meta.model, spec)
        return found

    def filter_queryset(self, queryset):
        for name, value in self.form.cleaned_data.items():
            spec = self.filters[name]
            if value is UNKNOWN:  # a yes/no field left blank
                queryset = queryset.filter(**{f"{spec.field_name}__isnull": True})
                continue
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
        raise exceptions.ValidationError(
            {"detail": gettext("That time is out of range.")}
        ) from None


def folded_search(queryset, value: str, *fields: str):
    """Rows whose folded `search_text` columns (of this or published related rows) contain
    `value` or another spelling of a name in it (provenance.models.search_variants)."""
    variants = search_variants(value)
    if not variants:
        return queryset
    condition = Q()
    for field in fields:
        for variant in variants:
            condition |= published_q(queryset.model, f"{field}__contains", variant)
    return queryset.filter(condition)


def text_search(queryset, value: str, *fields: str):
    """Case-insensitive match on plain text columns (for models without a folded column): the
    query as typed, folded ("PRİSONERS", "Ukraineʼs" as "prisoners", "Ukraine's") and in the
    other spellings of names in it. Accents and Cyrillic are not folded here, as the column is
    not."""
    variants = search_variants(value)
    if not variants:
        return queryset
    condition = Q()
    for field in fields:
        for variant in dict.fromkeys((value, *variants)):
            condition |= Q(**{f"{field}__icontains": variant})
    return queryset.filter(condition)


IN_HELP = "Several values separated by commas (a,b), or the parameter given once for each."


class CharInFilter(filters.BaseInFilter, filters.CharFilter):
    """`field__in=a,b`, or `field__in=a&field__in=b`."""

    base_field_class = StrictCSVField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("help_text", IN_HELP)
        super().__init__(*args, **kwargs)


class NumberInFilter(filters.BaseInFilter, filters.NumberFilter):
    """`field__in=1,2`, or `field__in=1&field__in=2`."""

    base_field_class = StrictCSVField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("help_text", IN_HELP)
        super().__init__(*args, **kwargs)


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

    def list_valued_params(self) -> set[str]:
        """The parameters that take several values (the `__in` filters)."""
        own = {name for name in getattr(self, "extra_params", ()) if name.endswith("__in")}
        filterset_class = getattr(self, "filterset_class", None)
        if filterset_class is None:
            return own
        return own | {
            name
            for name, spec in filterset_class.base_filters.items()
            if isinstance(spec, filters.BaseCSVFilter)
        }

    def params_taking_an_empty_value(self) -> set[str]:
        """`cursor=` (the first keyset page) and free text, where an empty value means "from the
        start" or "anything"; elsewhere (a list included) it says nothing and is a 400."""
        names = {"cursor", "q", "include"}
        filterset_class = getattr(self, "filterset_class", None)
        for name, spec in getattr(filterset_class, "base_filters", {}).items():
            free_text = isinstance(spec, filters.CharFilter) and not (
                spec.extra.get("choices") or spec.extra.get("validators")
            )
            if free_text and not isinstance(spec, filters.BaseCSVFilter):
                names.add(name)
        return names

    def check_params(self, request) -> None:
        # Every answer has texts, so every endpoint takes the language (api.language).
        accepted = [*self.accepted_params(), LANGUAGE_PARAM]
        unknown = sorted(set(request.query_params) - set(accepted))
        if unknown:
            raise exceptions.ValidationError(
                {
                    "detail": gettext("Unknown query parameter(s): %(names)s.")
                    % {"names": ", ".join(unknown)},
                    "accepted": sorted(accepted),
                }
            )
        check_query_encoding(request)
        lists = self.list_valued_params()
        for key, values in request.query_params.lists():
            if any("\x00" in value for value in values):
                raise exceptions.ValidationError(
                    {key: [gettext("Null characters are not allowed.")]}
                )
            if "" in values and key not in self.params_taking_an_empty_value():
                raise exceptions.ValidationError(
                    {key: [gettext("An empty value: give one, or leave the parameter out.")]}
                )
            if key not in lists and len(set(values)) > 1:
                # Keeping the last value would answer a question the reader did not ask.
                raise exceptions.ValidationError(
                    {
                        key: [
                            gettext(
                                "Given more than once with different values (%(values)s); it "
                                "takes one value. Lists go in a filter ending in __in."
                            )
                            % {"values": ", ".join(values)}
                        ]
                    }
                )
        check_language(request.query_params)
        includes = requested_includes(request)
        if includes - {"sources"}:
            raise exceptions.ValidationError(
                {"include": [gettext("The only value accepted is 'sources'.")]}
            )


def check_query_encoding(request) -> None:
    """A query string whose bytes are not UTF-8 is a 400: Django would read each bad byte as
    U+FFFD and the filter would look for text nobody typed."""
    raw = request.META.get("QUERY_STRING", "")
    try:
        # WSGI gives the raw bytes as a latin-1 string; percent-escapes decode to bytes too.
        unquote_to_bytes(raw.encode("latin-1").replace(b"+", b" ")).decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        raise exceptions.ValidationError(
            {
                "detail": gettext(
                    "The query string is not valid UTF-8: percent-encode its text as UTF-8."
                )
            }
        ) from None


class PublicFilterBackend(filters.DjangoFilterBackend):
    """django-filter's backend, except that a request naming none of the FilterSet's filters (the
    plain first page most readers ask for) skips the FilterSet: with no value, no filter applies,
    and building its form and fields costs about an eighth of such a page (measured, issue 14).
    Every name a request may give was already checked by `StrictParamsMixin`."""

    def filter_queryset(self, request, queryset, view):
        filterset_class = self.get_filterset_class(view, queryset)
        if filterset_class is not None and not any(
            name in request.query_params for name in filterset_class.base_filters
        ):
            return queryset
        return super().filter_queryset(request, queryset, view)


def in_english(ordering: list[str], model) -> list[str]:
    """`ordering` with each translated field named by its English column ("-name" ->
    "-name_en", "person__name" -> "person__name_en"): the rows come in one order whatever the
    language asked for, so a client paging in Ukrainian sees the pages an English one does, and
    a row without a translation is not sorted apart (modeltranslation would order by `name_uk`)."""
    return [
        ("-" if key.startswith("-") else "") + english_lookup(model, key.removeprefix("-"))
        for key in ordering
    ]


class SafeOrderingFilter(OrderingFilter):
    """`ordering=` with an explicit list; a field not on the list is a 400, not ignored."""

    def get_ordering(self, request, queryset, view):
        params = request.query_params.get(self.ordering_param)
        if params:
            fields = [param.strip() for param in params.split(",")]
            valid = self.get_valid_fields(queryset, view, {"request": request})
            allowed = {name for name, _ in valid}
            # One leading "-" means descending; "--number" is no field (and no longer a 500);
            # an empty item ("a,,b") is refused like every other list's.
            bad = [
                field or gettext("an empty item")
                for field in fields
                if field.removeprefix("-") not in allowed
            ]
            if bad or not fields:
                named = ", ".join(bad) if bad else repr(params)
                raise exceptions.ValidationError(
                    {
                        "ordering": [
                            gettext(
                                "Cannot order by %(named)s. Use one of %(allowed)s, each with a "
                                "leading - for descending order, separated by commas."
                            )
                            % {"named": named, "allowed": ", ".join(sorted(allowed))}
                        ]
                    }
                )
            # `id` last keeps pages stable when the chosen field has ties.
            return in_english([*fields, "id"], queryset.model)
        return in_english(self.get_default_ordering(view) or [], queryset.model) or None
