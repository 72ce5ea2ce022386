"""The data downloads page and its whole-table CSV and JSON files, streamed row by row.

Mounted in each language as the public site is (/data/, /uk/data/, /ru/data/): a file holds the
record's texts in its address's language, with the English where a text has no translation
yet, and says which in its `…_language` columns, exactly as the API's `?lang=` answer does.
"""

import json

from django.conf import settings
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import render
from django.urls import path, reverse
from django.utils import translation
from django.utils.html import _json_script_escapes
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from rest_framework.request import Request
from rest_framework.utils.encoders import JSONEncoder

from api.filters import in_english
from api.renderers import csv_rows, view_columns
from api.urls import RESOURCES
from provenance.versioning import conditional_on_content
from record.languages import api_url_in

CHUNK_SIZE = 500
TABLES = {prefix: viewset for prefix, viewset, _name in RESOURCES}
# What each table holds, for the downloads page in every language (the viewsets' docstrings say
# it in English for the API's schema). A table of a new kind needs its line here: the page's
# test asks for one per table.
DESCRIPTIONS = {
    "organizations": _("States, bodies inside them, and international organizations."),
    "people": _("People who negotiated, hosted, mediated or shaped the talks."),
    "memberships": _("A person's post in an organization over time."),
    "sources": _("Articles, statements, decrees and transcripts cited by the record."),
    "venues": _("Places where rounds and side meetings were held."),
    "tracks": _(
        "Negotiation tracks, each with its parties, mediators and its own round numbering."
    ),
    "rounds": _("Rounds of every track, numbered within their track."),
    "standing-delegations": _(
        "Delegations appointed for a whole track by one act, with the head and members the act "
        "names."
    ),
    "delegations": _("Each side's delegation at each round, with its members."),
    "participants": _(
        "Who was in each delegation, in what role, and whether they sat at the table."
    ),
    "events": _("Announcements, side meetings, statements and context on the timeline."),
    "issues": _("The agenda: ceasefire, prisoners, NATO, territory…"),
    "documents": _(
        "Memoranda, frameworks and lists each side tabled, with their provisions by issue."
    ),
    "positions": _("Each side's stance on each issue as of each round."),
    "commitments": _(
        "What the rounds agreed or one side announced, and how far it was carried out."
    ),
    "exchanges": _(
        "Prisoner exchanges and repatriations, with each side's counts as each claimant reports them."
    ),
    "exchange-counts": _(
        "Every count of every exchange as its own row: one per side, category and claimant."
    ),
    "reviews": _("Checks of the whole record against public reporting: the latest first."),
}


def resource_view(request, viewset_class):
    """The API viewset for a table, set up to list (so it uses the same public queryset)."""
    return viewset_class(request=Request(request), format_kwarg=None, kwargs={}, action="list")


def table_rows(view, language: str):
    """Every public row, serialised as the API does in `language`, fetched CHUNK_SIZE at a time.

    The language is made active around each row, not once: the server reads a streamed answer
    after the request's middleware has finished, with whatever language its thread has then."""
    serializer_class = view.get_serializer_class()
    context = {"request": view.request, "view": view}
    # In the English order whatever the language (as the API's lists): the rows are fetched
    # with the language active, where modeltranslation would order "name" by `name_uk`.
    queryset = view.get_queryset()
    queryset = queryset.order_by(*in_english(view.ordering, queryset.model))
    rows = queryset.iterator(chunk_size=CHUNK_SIZE)
    while True:
        with translation.override(language):
            obj = next(rows, None)
            if obj is None:
                return
            yield serializer_class(obj, context=context).data


def file_name(table: str, extension: str, language: str) -> str:
    """`rounds.csv` in English, `rounds-uk.csv` in Ukrainian: the same table downloaded in two
    languages does not overwrite itself (as the API's CSV, api.renderers.csv_filename)."""
    if language != settings.LANGUAGE_CODE:
        table = f"{table}-{language}"
    return f"{table}.{extension}"


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
    language = translation.get_language()
    rows = table_rows(view, language)
    if extension != "json":
        lines = csv_rows(rows, view_columns(view), byte_order_mark=extension == "csv-excel")
        response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
        extension = "csv"
    else:
        response = StreamingHttpResponse(
            json_array(rows), content_type="application/json; charset=utf-8"
        )
    response["Content-Disposition"] = (
        f'attachment; filename="{file_name(table, extension, language)}"'
    )
    response["Content-Language"] = language
    return response


def downloads(request):
    """One page linking every table as CSV and JSON, with row counts (one query per table), in
    the page's language: its files and its API links give the texts in that language."""
    language = translation.get_language()
    tables = []
    for prefix, viewset_class, basename in RESOURCES:
        view = resource_view(request, viewset_class)
        tables.append(
            {
                "name": prefix,
                "description": DESCRIPTIONS[prefix],
                "rows": view.get_queryset().count(),
                "csv": reverse("downloads:table", args=[prefix, "csv"]),
                "csv_excel": reverse("downloads:table", args=[prefix, "csv-excel"]),
                "json": reverse("downloads:table", args=[prefix, "json"]),
                "api": api_url_in(reverse(f"api:{basename}-list"), language),
            }
        )
    dataset = {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "inLanguage": language,
        "name": gettext("The Istanbul talks record"),
        "description": gettext(
            "The sourced public record of the Russia–Ukraine negotiations that began in Istanbul "
            "in 2025: rounds, delegations, positions, commitments and exchanges."
        ),
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
    # The other formats' and the totals' links ask for the page's language too.
    other_urls = {
        f"{name}_url": api_url_in(reverse(f"api:{name}"), language)
        for name in ("timelinejs", "popolo", "totals")
    }
    return render(
        request, "api/downloads.html", {"tables": tables, "json_ld": json_ld, **other_urls}
    )


# Mounted at /data/ by config.urls.
app_name = "downloads"
urlpatterns = [
    path("", downloads, name="page"),
    path("<slug:table>.<slug:extension>", download_table, name="table"),
]
