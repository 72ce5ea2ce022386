"""Every CSV the API and /data/ give holds exactly what the JSON of the same rows holds: every
value, in a column named after where it sits in the JSON, whatever the first row lacks; and a
spreadsheet opens it right.

The layout checked here, stated independently of api/renderers.py: `a: {b: 1}` is column `a_b`;
a list of plain values is one cell joined by `; `; a list of objects is one column per field,
each cell the items' values joined by `; ` (a list inside an item joined by `, `).
"""

import csv
import io
import json

import pytest

from api.urls import RESOURCES
from record.kinds import RESOURCES as KINDS

pytestmark = pytest.mark.usefixtures("istanbul_record_for_module", "db")

# Every list of the router, and the lists built in Python that offer CSV too.
LISTS = [f"/api/v1/{prefix}/" for prefix, _, _ in RESOURCES] + [
    "/api/v1/timeline/",
    "/api/v1/search/?q=istanbul",
    "/api/v1/changes/?since=2000-01-01T00:00:00Z",
    "/api/v1/totals/",
]
TABLES = [prefix for prefix, _, _ in RESOURCES]


def with_params(path: str, **params) -> str:
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return f"{path}{'&' if '?' in path else '?'}{query}"


def text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ", ".join(text(item) for item in value)
    return str(value)


def expected_cells(row: dict, prefix: str = "", *, in_item: bool = False) -> dict[str, str]:
    """Each JSON value of a row under the CSV column it belongs in (before formula escaping)."""
    cells = {}
    separator = ", " if in_item else "; "
    for key, value in row.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            cells.update(expected_cells(value, f"{name}_", in_item=in_item))
        elif isinstance(value, list) and any(isinstance(item, dict) for item in value):
            per_item = [expected_cells(item, in_item=True) for item in value]
            for column in {column for item in per_item for column in item}:
                parts = [item.get(column, "") for item in per_item]
                if any(parts):
                    cells[f"{name}_{column}"] = "; ".join(parts)
        elif isinstance(value, list):
            if value:
                cells[name] = separator.join(text(item) for item in value)
        elif value is not None:
            cells[name] = text(value)
    return cells


def escaped(value: str) -> str:
    if value.lstrip(" \t\r\n").startswith(("=", "+", "-", "@")) or value.startswith(("\t", "\r")):
        return "'" + value
    return value


def assert_same_values(json_rows: list[dict], csv_text: str) -> None:
    reader = csv.DictReader(io.StringIO(csv_text))
    csv_rows = list(reader)
    assert len(csv_rows) == len(json_rows)
    for json_row, csv_row in zip(json_rows, csv_rows, strict=True):
        cells = expected_cells(json_row)
        missing = set(cells) - set(reader.fieldnames)
        assert not missing, f"values of {sorted(missing)} have no column (row {json_row['id']})"
        for column in reader.fieldnames:
            # A column the JSON has no value for (a null, an empty list) is an empty cell.
            expected = escaped(cells[column]) if column in cells else ""
            assert csv_row[column] == expected, (column, json_row["id"])


@pytest.mark.parametrize("path", LISTS)
@pytest.mark.parametrize("include", [None, "sources"])
def test_csv_of_every_list_holds_every_value_of_its_json(client, path, include):
    if include and not path.startswith(tuple(f"/api/v1/{t}/" for t in TABLES)):
        pytest.skip("include=sources is for resources")
    params = {"page_size": 500, **({"include": include} if include else {})}
    page = client.get(with_params(path, **params)).json()
    assert page["results"], "every list has rows in the record"
    response = client.get(with_params(path, format="csv", **params))
    assert response.status_code == 200
    assert_same_values(page["results"], response.content.decode())


@pytest.mark.parametrize("prefix", TABLES)
def test_csv_of_every_detail_holds_every_value_of_its_json(client, prefix):
    first = client.get(f"/api/v1/{prefix}/?page_size=1").json()["results"][0]
    item = client.get(f"/api/v1/{prefix}/{first['id']}/").json()
    assert_same_values([item], client.get(f"/api/v1/{prefix}/{first['id']}.csv").content.decode())


def streamed(response) -> str:
    return b"".join(response.streaming_content).decode("utf-8")


@pytest.mark.parametrize("table", TABLES)
def test_every_data_table_csv_holds_every_value_of_its_json_laid_out_as_the_api(client, table):
    json_rows = json.loads(streamed(client.get(f"/data/{table}.json")))
    csv_text = streamed(client.get(f"/data/{table}.csv"))
    assert_same_values(json_rows, csv_text)
    api_csv = client.get(f"/api/v1/{table}.csv?page_size=1").content.decode()
    assert csv_text.splitlines()[0] == api_csv.splitlines()[0]


def test_links_that_row_one_lacks_are_kept_in_every_row(client):
    """The reported fault: row 1 of exchanges has no commitment and is not a stage."""
    rows = list(csv.DictReader(io.StringIO(client.get("/api/v1/exchanges.csv?page_size=500").text)))
    assert rows[0]["commitment_id"] == ""
    assert sum(bool(row["commitment_id"]) for row in rows) >= 21
    assert sum(bool(row["part_of_id"]) for row in rows) >= 13
    positions = client.get("/api/v1/positions.csv?page_size=500").text
    assert sum(bool(r["document_id"]) for r in csv.DictReader(io.StringIO(positions))) >= 21


def test_a_delegation_row_names_each_participant_with_their_role(client):
    rows = csv.DictReader(io.StringIO(client.get("/api/v1/delegations.csv?page_size=500").text))
    ukraine_round_1 = next(
        row
        for row in rows
        if row["side"] == "ukraine" and row["round_name"].startswith("Round 1: First round")
    )
    names = ukraine_round_1["participants_person_name"].split("; ")
    roles = ukraine_round_1["participants_role"].split("; ")
    assert dict(zip(names, roles, strict=True))["Rustem Umerov"] == "head"


# --- what a spreadsheet needs ------------------------------------------------------------------


@pytest.mark.parametrize("path", [*LISTS, "/api/v1/"])
def test_every_api_csv_names_its_file(client, path):
    response = client.get(with_params(path, format="csv"))
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment; filename=")
    assert disposition.endswith('.csv"')


@pytest.mark.parametrize("path", [*LISTS, "/api/v1/"])
def test_a_csv_in_another_language_is_another_file(client, path):
    """Ukrainian and Russian downloads of one table do not overwrite the English one."""
    names = {
        client.get(with_params(path, format="csv", lang=language))["Content-Disposition"]
        for language in ("en", "uk", "ru")
    }
    assert len(names) == 3, names
    assert any(name.endswith('-uk.csv"') for name in names), names


@pytest.mark.parametrize("table", TABLES)
def test_every_data_csv_names_its_file(client, table):
    for extension in ("csv", "csv-excel"):
        response = client.get(f"/data/{table}.{extension}")
        assert response["Content-Disposition"] == f'attachment; filename="{table}.csv"'


@pytest.mark.parametrize("path", LISTS)
def test_excel_variant_is_the_same_csv_with_a_byte_order_mark(client, path):
    plain = client.get(with_params(path, format="csv")).content
    excel = client.get(with_params(path, format="csv-excel"))
    assert excel["Content-Type"].startswith("text/csv")
    assert excel.content == b"\xef\xbb\xbf" + plain


@pytest.mark.parametrize("table", TABLES)
def test_data_excel_variant_is_the_same_csv_with_a_byte_order_mark(client, table):
    plain = b"".join(client.get(f"/data/{table}.csv").streaming_content)
    excel = b"".join(client.get(f"/data/{table}.csv-excel").streaming_content)
    assert excel == b"\xef\xbb\xbf" + plain


@pytest.mark.parametrize(
    "value",
    ["=1+1", "+1", "-1", "@SUM(A1)", "  =1+1", "\t=1+1", '\n=HYPERLINK("x")', " \r\n@x", "\tx"],
)
def test_a_cell_that_a_spreadsheet_would_run_is_shown_as_text(value):
    from api.renderers import csv_cell
    from provenance.text import clean_text

    # Cleaned as every text is (a carriage return becomes a line break), then neutralised.
    assert csv_cell(value) == "'" + clean_text(value)


def test_a_cell_starting_with_spaces_then_a_formula_is_escaped_in_api_and_data(client):
    from provenance.models import Source

    source = Source.objects.published().first()
    source.title = '  =HYPERLINK("http://evil")'
    source.save()
    api = client.get(f"/api/v1/sources.csv?code={source.code}").text
    data = streamed(client.get("/data/sources.csv"))
    for text_ in (api, data):
        assert "'  =HYPERLINK" in text_


def test_kinds_and_router_agree():
    """The lists above come from the router; every public kind is on it."""
    assert len(TABLES) == len(KINDS)
