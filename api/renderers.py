"""CSV for every resource: one flat row per result, its columns taken from the serializer, ISO
dates, and cells a spreadsheet cannot run.

One layout, shared by the API (`?format=csv`, `.csv`) and the whole-table files under /data/:

- a field is a column of its own name; a reference `{id, name, url}` is three columns,
  `round_id`, `round_name`, `round_url`;
- a list of plain values (aliases) is one cell, its values separated by `; `;
- a list of objects (an exchange's counts, a delegation's participants, a track's parties) is
  one column per field of the object, `participants_person_name`, `participants_role`…, each cell
  holding the objects' values in the same order, separated by `; ` (a list inside one of those
  objects, such as a provision's issues, by `, `).

The columns come from the serializer, never from the rows, so a relation that happens to be
empty in the first row is not dropped from every row.
"""

import csv
import datetime
import io

from django.conf import settings
from rest_framework import serializers
from rest_framework.renderers import BaseRenderer

from api.fields import RefField, RefListField
from provenance.text import clean_text

EACH = "*"  # in a column's path: every item of the list found here
ITEM_SEPARATOR = "; "
INNER_SEPARATOR = ", "
REF_PARTS = ("id", "name", "url")
FORMULA_PREFIXES = ("=", "+", "-", "@")
# Excel reads a file as UTF-8 only when it starts with a byte order mark.
BYTE_ORDER_MARK = "\ufeff"


def plain_text(value) -> str:
    """A value as text: ISO dates (UTC as `Z`), `true`/`false`, empty for null; a list joined
    by `, `; no control characters (provenance.text.clean_text: rows may predate the cleaning)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.datetime | datetime.date):
        # As DRF's JSON encoder writes it, so the CSV and the JSON of a row agree.
        text = value.isoformat()
        return text[:-6] + "Z" if text.endswith("+00:00") else text
    if isinstance(value, list | tuple):
        return INNER_SEPARATOR.join(plain_text(item) for item in value)
    return clean_text(str(value))


def csv_cell(value) -> str:
    """One CSV cell: `plain_text`, with spreadsheet formulas neutralised."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return neutralised(plain_text(value))


def neutralised(text: str) -> str:
    """Text a spreadsheet shows instead of running: a cell that starts with `= + - @`, even
    after spaces, tabs or line breaks (which spreadsheets skip), or with a tab or a carriage
    return, gets a leading apostrophe, which Excel, LibreOffice and Sheets hide."""
    if text.lstrip(" \t\r\n").startswith(FORMULA_PREFIXES) or text.startswith(("\t", "\r")):
        return "'" + text
    return text


def serializer_columns(serializer) -> list[tuple[str, tuple[str, ...]]]:
    """The CSV columns of a serializer's rows: (column name, path to the value in the row)."""
    columns = []
    for name, field in serializer.fields.items():
        if isinstance(field, RefListField):
            columns += [(f"{name}_{part}", (name, EACH, part)) for part in REF_PARTS]
        elif isinstance(field, RefField):
            columns += [(f"{name}_{part}", (name, part)) for part in REF_PARTS]
        elif isinstance(field, serializers.ListSerializer) and isinstance(
            field.child, serializers.Serializer
        ):
            columns += [
                (f"{name}_{sub}", (name, EACH, *path))
                for sub, path in serializer_columns(field.child)
            ]
        elif isinstance(field, serializers.Serializer):
            columns += [(f"{name}_{sub}", (name, *path)) for sub, path in serializer_columns(field)]
        else:
            columns.append((name, (name,)))
    return columns


def view_columns(view, rows=()) -> list[tuple[str, tuple[str, ...]]]:
    """The CSV columns of a view: its declared `csv_columns`, else its serializer's. A view with
    neither (the API's front page, one document) gets the columns of its one row."""
    if names := getattr(view, "csv_columns", None):
        return [(name, (name,)) for name in names]
    if hasattr(view, "get_serializer"):
        return serializer_columns(view.get_serializer())
    return row_columns(rows[0]) if rows else []


def row_columns(row: dict, path: tuple[str, ...] = ()) -> list[tuple[str, tuple[str, ...]]]:
    columns = []
    for key, value in row.items():
        if isinstance(value, dict):
            columns += row_columns(value, (*path, key))
        else:
            columns.append(("_".join((*path, key)), (*path, key)))
    return columns


def _dig(value, path: tuple[str, ...]):
    """The value at `path` in a row; below an EACH, the list of the items' values."""
    for position, key in enumerate(path):
        if value is None:
            return None
        if key == EACH:
            return [_dig(item, path[position + 1 :]) for item in value]
        value = value.get(key)
    return value


def cell_at(row: dict, path: tuple[str, ...]) -> str:
    """The cell of one column in one row."""
    value = _dig(row, path)
    if isinstance(value, list):
        parts = [plain_text(item) for item in value]
        # Items stay aligned across a list's columns; a column empty for every item is empty.
        return neutralised(ITEM_SEPARATOR.join(parts)) if any(parts) else ""
    return csv_cell(value)


def csv_rows(rows, columns, *, byte_order_mark: bool = False):
    """Yield CSV text, the header first, one line at a time (for streaming)."""
    buffer = io.StringIO()
    if byte_order_mark:
        buffer.write(BYTE_ORDER_MARK)
    writer = csv.writer(buffer)
    writer.writerow([name for name, _ in columns])
    yield buffer.getvalue()
    for row in rows:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow([cell_at(row, path) for _, path in columns])
        yield buffer.getvalue()


def csv_filename(path: str, language: str) -> str:
    """A file name for the CSV of an API path in the answer's language: /api/v1/rounds/2.csv
    → rounds-2.csv in English, rounds-2-uk.csv in Ukrainian, so the same table downloaded in
    two languages does not overwrite itself."""
    parts = path.split("/api/v1/", 1)[-1].strip("/").split("/")
    stem = "-".join(part.split(".", 1)[0] for part in parts if part) or "api"
    if language and language != settings.LANGUAGE_CODE:
        stem = f"{stem}-{language}"
    return f"{stem}.csv"


class FlatCSVRenderer(BaseRenderer):
    """`?format=csv` or a `.csv` suffix: one flat row per result, ISO dates, safe cells."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"
    byte_order_mark = False

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if data is None:
            return b""
        context = renderer_context or {}
        if isinstance(data, dict) and "results" in data:
            rows = data["results"]
        elif isinstance(data, list):
            rows = data
        else:
            rows = [data]
        response, request = context.get("response"), context.get("request")
        if response is not None and request is not None and response.status_code < 400:
            # Rendered after the view has returned: the answer's language is its header's.
            name = csv_filename(request.path, response.get("Content-Language", ""))
            response["Content-Disposition"] = f'attachment; filename="{name}"'
        columns = view_columns(context.get("view"), rows)
        text = "".join(csv_rows(rows, columns, byte_order_mark=self.byte_order_mark))
        return text.encode("utf-8")


class ExcelCSVRenderer(FlatCSVRenderer):
    """`?format=csv-excel`: the same CSV, starting with a UTF-8 byte order mark so that Excel
    reads Cyrillic and Turkish names right when the file is opened by double-click."""

    format = "csv-excel"
    byte_order_mark = True
