"""A draft is invisible to the API by every route: detail, lists, counts, filters, search, exports."""

import pytest

from tests.record_builder import build_record

pytestmark = pytest.mark.django_db

RESOURCES = [
    "source", "round", "person", "organization", "event", "document", "position",
    "commitment", "exchange", "delegation", "participant", "membership", "exchange-count",
]  # fmt: skip
PLURAL = {
    "person": "people", "exchange-count": "exchange-counts",
}  # fmt: skip
SECRETS = ["Secret", "Hiddenov", "SDRAFT"]


@pytest.fixture
def record():
    return build_record()


def plural(name: str) -> str:
    return PLURAL.get(name, f"{name}s")


@pytest.mark.parametrize("resource", RESOURCES)
def test_draft_is_404_by_id(client, record, resource):
    draft = record["drafts"][resource]
    assert client.get(f"/api/v1/{plural(resource)}/{draft.pk}/").status_code == 404


@pytest.mark.parametrize("resource", RESOURCES)
def test_draft_is_absent_from_list_count_and_csv(client, record, resource):
    draft = record["drafts"][resource]
    body = client.get(f"/api/v1/{plural(resource)}/?page_size=500").json()
    assert draft.pk not in [row["id"] for row in body["results"]]
    assert body["count"] == len(body["results"])
    csv_text = client.get(f"/api/v1/{plural(resource)}.csv?page_size=500").content.decode()
    data_csv = b"".join(client.get(f"/data/{plural(resource)}.csv").streaming_content).decode()
    data_json = b"".join(client.get(f"/data/{plural(resource)}.json").streaming_content).decode()
    for text in (csv_text, data_csv, data_json, str(body)):
        for secret in SECRETS:
            assert secret not in text


def test_drafts_do_not_match_filters_or_search(client, record):
    assert client.get("/api/v1/people/?q=Hiddenov").json()["count"] == 0
    assert client.get("/api/v1/search/?q=secret").json()["count"] == 0
    assert client.get("/api/v1/rounds/?number=9").json()["count"] == 0
    assert client.get("/api/v1/positions/?round=9").json()["count"] == 0
    assert client.get("/api/v1/exchanges/?occurred_on__gte=2025-06-15").json()["count"] == 0
    assert (
        client.get(
            "/api/v1/exchange-counts/?exchange=" + str(record["drafts"]["exchange"].pk)
        ).json()["count"]
        == 0
    )


def test_drafts_stay_out_of_the_timeline_and_exports(client, record):
    for path in ("/api/v1/timeline/?page_size=500", "/api/v1/timeline.json", "/api/v1/popolo.json"):
        text = client.get(path).content.decode()
        for secret in SECRETS:
            assert secret not in text, path


def test_draft_sources_are_not_embedded(client, record):
    text = client.get("/api/v1/rounds/?include=sources").content.decode()
    assert "SDRAFT" not in text
    assert "S1" in text


def test_a_draft_that_was_never_published_is_not_in_the_changes_feed(client, record):
    changes = client.get("/api/v1/changes/?since=2000-01-01T00:00:00Z&page_size=500").json()
    listed = {(c["resource"], c["id"]) for c in changes["results"]}
    assert ("rounds", record["drafts"]["round"].pk) not in listed
    assert ("people", record["drafts"]["person"].pk) not in listed


def test_downloads_page_counts_published_rows_only(client, record):
    page = client.get("/data/").content.decode()
    # Two published rounds; the draft round 9 is not counted.
    assert '<a href="/api/v1/rounds/">rounds</a></th>' in page
    row = page.split('<a href="/api/v1/rounds/">rounds</a></th>')[1].split("</tr>")[0]
    assert '<td data-label="Rows">2</td>' in row
