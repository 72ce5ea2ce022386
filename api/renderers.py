"""CSV for every resource: one flat row per result, ISO dates, cells a spreadsheet cannot run."""

import csv
import datetime
import io

from rest_framework.renderers import BaseRenderer

from api.fields import RefField, RefListField
from provenance.text import clean_text

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value) -> str:
    """One CSV cell: ISO dates, empty for null, no control characters (provenance.text), and
    spreadsheet formulas neutralised."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, int | float):
        return str(value)
    text = clean_text(str(value))
    if text.startswith(FORMULA_PREFIXES):
        # A leading apostrophe makes Excel, LibreOffice and Sheets show the text, not run it.
        return "'" + text
    return text


def flatten(row: dict, prefix: str = "") -> dict:
    """Nested dicts become `parent_child` columns; lists become one `; `-separated cell."""
    flat = {}
    for key, value in row.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, f"{name}_"))
        elif isinstance(value, list):
            flat[name] = "; ".join(describe(item) for item in value)
        else:
            flat[name] = value
    return flat


def describe(item) -> str:
    if isinstance(item, dict):
        if "name" in item:
            return str(item["name"])
        return " ".join(str(value) for value in item.values() if not isinstance(value, dict | list))
    return str(item)


def csv_rows(rows):
    """Yield CSV text, header first, one line at a time (for streaming)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    header = None
    for row in rows:
        flat = flatten(row)
        if header is None:
            header = list(flat)
            writer.writerow(header)
        writer.writerow([csv_cell(flat.get(column)) for column in header])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()


class FlatCSVRenderer(BaseRenderer):
    """`?format=csv` or a `.csv` suffix: one flat row per result, ISO dates, safe cells."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if data is None:
            return b""
        if isinstance(data, dict) and "results" in data:
            rows = data["results"]
        elif isinstance(data, list):
            rows = data
        else:
            rows = [data]
        if not rows:
            # An empty result is still a sheet with its header row (and a Content-Type).
            view = (renderer_context or {}).get("view")
            return (",".join(csv_header(view)) + "\r\n").encode("utf-8")
        return "".join(csv_rows(rows)).encode("utf-8")


def csv_header(view) -> list[str]:
    """The columns a CSV of this view has, from its serializer (or its declared csv_columns)."""
    if columns := getattr(view, "csv_columns", None):
        return list(columns)
    if view is None or not hasattr(view, "get_serializer"):
        return ["id"]
    columns = []
    for name, field in view.get_serializer().fields.items():
        if isinstance(field, RefField) and not isinstance(field, RefListField):
            columns += [f"{name}_id", f"{name}_name", f"{name}_url"]
        else:
            columns.append(name)
    return columns
