"""The data downloads page and its whole-table CSV and JSON files, streamed row by row."""

import json

from django.http import Http404, StreamingHttpResponse
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.html import _json_script_escapes
from django.utils.safestring import mark_safe
from rest_framework.request import Request
from rest_framework.utils.encoders import JSONEncoder

from api.renderers import csv_rows, view_columns
from api.urls import RESOURCES
from provenance.versioning import conditional_on_content

CHUNK_SIZE = 500
TABLES = {prefix: viewset for prefix, viewset, _ in RESOURCES}


def resource_view(request, viewset_class):
    """The API viewset for a table, set up to list (so it uses the same public queryset)."""
    return viewset_class(request=Request(request), format_kwarg=None, kwargs={}, action="list")


def table_rows(view):
    """Every public row, serialised as the API does, fetched CHUNK_SIZE at a time."""
    serializer_class = view.get_serializer_class()
    context = {"request": view.request, "view": view}
    queryset = view.get_queryset().order_by(*view.ordering)
    for obj in queryset.iterator(chunk_size=CHUNK_SIZE):
        yield serializer_class(obj, context=context).data


def json_array(rows):
    yield "[\n"
    first = True
    for row in rows:
        yield ("" if first else ",\n") + json.dumps(row, cls=JSONEncoder, ensure_ascii=False)
        first = False
    yield "\n]\n"


@conditional_on_content
def download_table(request, table: str, extension: str):
    """One whole table: `<table>.csv`, `<table>.json`, or `<table>.csv-excel` (the CSV with a
    byte order mark, for Excel), laid out as the API lays out the same resource."""
    viewset_class = TABLES.get(table)
    if viewset_class is None or extension not in ("csv", "csv-excel", "json"):
        raise Http404("No such table.")
    view = resource_view(request, viewset_class)
    rows = table_rows(view)
    if extension != "json":
        lines = csv_rows(rows, view_columns(view), byte_order_mark=extension == "csv-excel")
        response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
        extension = "csv"
    else:
        response = StreamingHttpResponse(
            json_array(rows), content_type="application/json; charset=utf-8"
        )
    response["Content-Disposition"] = f'attachment; filename="{table}.{extension}"'
    return response


def downloads(request):
    """One page linking every table as CSV and JSON, with row counts (one query per table)."""
    tables = []
    for prefix, viewset_class, basename in RESOURCES:
        view = resource_view(request, viewset_class)
        tables.append(
            {
                "name": prefix,
                "description": (viewset_class.__doc__ or "").strip(),
                "rows": view.get_queryset().count(),
                "csv": reverse("downloads:table", args=[prefix, "csv"]),
                "csv_excel": reverse("downloads:table", args=[prefix, "csv-excel"]),
                "json": reverse("downloads:table", args=[prefix, "json"]),
                "api": reverse(f"api:{basename}-list"),
            }
        )
    dataset = {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": "The Istanbul talks record",
        "description": "The sourced public record of the 2025 Russia–Ukraine direct "
        "negotiations in Istanbul: rounds, delegations, positions, commitments and exchanges.",
        "url": request.build_absolute_uri(),
        "isAccessibleForFree": True,
        "distribution": [
            {
                "@type": "DataDownload",
                "name": f"{table['name']} ({fmt.upper()})",
                "encodingFormat": "text/csv" if fmt == "csv" else "application/json",
                "contentUrl": request.build_absolute_uri(table[fmt]),
            }
            for table in tables
            for fmt in ("csv", "json")
        ],
    }
    # Escaped like json_script, for a <script type="application/ld+json"> element.
    json_ld = mark_safe(json.dumps(dataset, ensure_ascii=False).translate(_json_script_escapes))  # noqa: S308
    return render(request, "api/downloads.html", {"tables": tables, "json_ld": json_ld})


# Mounted at /data/ by config.urls.
app_name = "downloads"
urlpatterns = [
    path("", downloads, name="page"),
    path("<slug:table>.<slug:extension>", download_table, name="table"),
]
