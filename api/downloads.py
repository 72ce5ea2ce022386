"""The data downloads page and its whole-table CSV and JSON files, streamed row by row."""

import json

from django.http import Http404, StreamingHttpResponse
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.html import _json_script_escapes
from django.utils.safestring import mark_safe
from rest_framework.request import Request
from rest_framework.utils.encoders import JSONEncoder

from api.renderers import csv_rows
from api.urls import RESOURCES
from provenance.versioning import conditional_on_content

CHUNK_SIZE = 500
TABLES = {prefix: viewset for prefix, viewset, _ in RESOURCES}


def resource_view(request, viewset_class):
    """The API viewset for a table, set up to list (so it uses the same public queryset)."""
    return viewset_class(request=Request(request), format_kwarg=None, kwargs={}, action="list")


def table_rows(request, viewset_class):
    """Every public row, serialised as the API does, fetched CHUNK_SIZE at a time."""
    view = resource_view(request, viewset_class)
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
    viewset_class = TABLES.get(table)
    if viewset_class is None or extension not in ("csv", "json"):
        raise Http404("No such table.")
    rows = table_rows(request, viewset_class)
    if extension == "csv":
        response = StreamingHttpResponse(csv_rows(rows), content_type="text/csv; charset=utf-8")
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
