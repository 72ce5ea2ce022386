"""Data floors: the rows an API list's first page shows, fetched as plainly as Django can.

`/_bench/floor/<name>/` answers, as a JsonResponse, `{"count": N, "results": [...]}` where the
results are the first `page_size` (default 50) rows of the API list named `name` (a router
basename: `round`, `participant`…), in the same order and after the same filters (query
parameters are read by the API's own FilterSet, and refused by its own check, so a misspelt
filter fails loudly instead of measuring another list). Each row is `.values()` of the columns
the API item shows (`columns(name)`), following each `{id, name, url}` reference with a `__`
join; many-valued fields (nested lists) are left out, so the floor is a lower bound of the work.
`timeline` is the timeline's floor: the first 50 dated rows of every kind, merged by day.

Bench only (scripts/bench_site/__init__.py): production never routes here.
"""

import heapq

from django.core.exceptions import FieldDoesNotExist
from django.http import Http404, JsonResponse
from rest_framework import exceptions, serializers
from rest_framework.request import Request

from api.fields import RefField, RefListField
from api.urls import router
from record.kinds import TIMELINE
from record.timeline import _dated

VIEWSETS = {basename: viewset for _prefix, viewset, basename in router.registry}
NAME_FIELDS = ("name", "title", "slug")


def _field_path(model, dotted: str):
    """The model field at the end of `a.b.c` and the model it is on, or (None, None)."""
    field = None
    for part in dotted.split("."):
        if model is None:
            return None, None
        try:
            field = model._meta.get_field(part)
        except FieldDoesNotExist:
            return None, None
        if field.many_to_many or field.one_to_many:
            return None, None
        last_model, model = model, field.related_model
    return field, last_model


def columns(name: str) -> list[str]:
    """The `.values()` columns of API list `name`'s items, in the serializer's field order."""
    viewset = VIEWSETS[name]
    model = viewset.queryset.model if viewset.queryset is not None else None
    serializer = viewset.serializer_class(context={"request": None})
    model = model or serializer.Meta.model
    result = []
    for field in serializer.fields.values():
        if isinstance(field, RefListField | serializers.ListSerializer | serializers.Serializer):
            continue  # many-valued: not a flat row
        if field.source == "*" or isinstance(field, serializers.HyperlinkedIdentityField):
            continue  # the item's own URL, built from its id
        path = field.source.replace(".", "__")
        target, _on = _field_path(model, field.source)
        if target is None:
            continue  # a property or method: no column to read
        if isinstance(field, RefField) or target.is_relation:
            related = target.related_model
            result.append(f"{path}__pk")
            names = [getattr(field, "name_attr", ""), *NAME_FIELDS]
            for attr in names:
                try:
                    if attr and not related._meta.get_field(attr).is_relation:
                        result.append(f"{path}__{attr}")
                        break
                except FieldDoesNotExist:
                    continue
        else:
            result.append(path)
    return result


def _api_rows(name: str, request, size: int):
    viewset = VIEWSETS[name]
    drf_request = Request(request)
    view = viewset(request=drf_request, args=(), kwargs={}, format_kwarg=None, action="list")
    view.check_params(drf_request)
    queryset = view.filter_queryset(view.get_queryset()).prefetch_related(None)
    return queryset.count(), list(queryset.values(*columns(name))[:size])


def _timeline_rows(size: int):
    """The timeline's first `size` entries oldest first: one query per kind, then a merge."""
    count, per_kind = 0, []
    for kind in TIMELINE:
        queryset = _dated(kind)
        count += queryset.count()
        rows = queryset.order_by("day", "pk").values("pk", "day", kind.dated.summary)[:size]
        per_kind.append([(row["day"], kind.name, row) for row in rows])
    merged = heapq.merge(*per_kind, key=lambda item: (item[0], item[1]))
    return count, [dict(row, kind=kind) for _day, kind, row in list(merged)[:size]]


def floor(request, name: str):
    size = int(request.GET.get("page_size", 50))
    if name == "timeline":
        count, rows = _timeline_rows(size)
    elif name in VIEWSETS:
        try:
            count, rows = _api_rows(name, request, size)
        except exceptions.ValidationError as error:
            return JsonResponse(error.detail, status=400)
    else:
        raise Http404(name)
    return JsonResponse({"count": count, "results": rows})
