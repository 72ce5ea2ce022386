"""The /data/ page lists every table with its row count, and streams each as CSV and JSON."""

import csv
import io
import json
import re

import pytest
from django.http import StreamingHttpResponse
from django.urls import reverse

from tests import factories
from tests.record_builder import build_record

pytestmark = pytest.mark.django_db


def test_downloads_page_links_every_table_with_counts_and_json_ld(client):
    build_record()
    response = client.get(reverse("downloads:page"))
    page = response.content.decode()
    for table in ("rounds", "people", "positions", "exchanges", "exchange-counts"):
        assert f'href="/data/{table}.csv"' in page
        assert f'href="/data/{table}.json"' in page
    json_ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    dataset = json.loads(json_ld.group(1))
    assert dataset["@type"] == "Dataset"
    assert {d["encodingFormat"] for d in dataset["distribution"]} == {
        "text/csv",
        "application/json",
    }


def test_whole_table_csv_streams_every_row(client):
    factories.PersonFactory.create_batch(1203, aliases="=cmd|' /C calc'!A0")
    response = client.get("/data/people.csv")
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Disposition"] == 'attachment; filename="people.csv"'
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == 1203  # more than two chunks of 500, none lost at the seams
    assert rows[0]["aliases"].startswith("'=")


def test_whole_table_json_is_one_valid_array(client):
    build_record()
    response = client.get("/data/exchanges.json")
    data = json.loads(b"".join(response.streaming_content))
    assert [e["title"] for e in data] == [
        "Prisoner exchange 1 after round 1",
        "Prisoner exchange 2 after round 1",
        "Prisoner exchange 3 after round 1",
        "Repatriation of bodies after round 1",
        "Prisoner exchange 1 after round 2",
        "Prisoner exchange 2 after round 2",
        "Prisoner exchange 3 after round 2",
        "Repatriation of bodies after round 2",
    ]
    assert data[1]["counts"]


def test_unknown_table_or_format_is_404(client):
    assert client.get("/data/users.csv").status_code == 404
    assert client.get("/data/people.xlsx").status_code == 404


def test_streamed_csv_uses_constant_queries_per_chunk(client, django_assert_max_num_queries):
    factories.PersonFactory.create_batch(1100)
    # One query per chunk of 500 rows: three, however many people there are below 1,500.
    with django_assert_max_num_queries(3):
        b"".join(client.get("/data/people.csv").streaming_content)


def test_unchanged_table_download_is_304(client):
    build_record()
    first = client.get("/data/rounds.csv")
    assert client.get("/data/rounds.csv", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
