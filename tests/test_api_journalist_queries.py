"""The questions a journalist asks the API with curl alone, each answered end to end."""

import csv
import io

import pytest
from django.utils import timezone

from tests.record_builder import build_record

pytestmark = pytest.mark.django_db


@pytest.fixture
def record():
    return build_record()


def test_every_exchange_after_1_june_2025_with_counts_per_side_as_csv(client, record):
    response = client.get("/api/v1/exchange-counts.csv?occurred_on__gte=2025-06-02&page_size=500")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert {row["exchange_name"] for row in rows} == {
        "2025-06-09: Prisoner exchange 1 after round 2",
        "2025-06-10: Prisoner exchange 2 after round 2",
        "2025-06-11: Prisoner exchange 3 after round 2",
        "2025-06-11: Repatriation of bodies after round 2",
    }
    # Both sides' figures for the same bodies, side by side: Ukraine's 6,057 and Russia's 6,060.
    claims = {(r["receiving_side"], r["claimed_by"], r["quantity"]) for r in rows}
    assert ("ukraine", "ukraine", "6057") in claims
    assert ("ukraine", "russia", "6060") in claims
    assert ("russia", "ukraine", "78") in claims
    assert all(row["occurred_on"] >= "2025-06-02" for row in rows)


def test_russia_and_ukraine_positions_on_nato_across_rounds(client, record):
    body = client.get(
        "/api/v1/positions/?issue=nato&side__in=russia,ukraine&ordering=round__number,side"
    ).json()
    table = [(p["round_number"], p["side"], p["stance"]) for p in body["results"]]
    assert table == [
        (1, "russia", "demands"),
        (1, "ukraine", "rejects"),
        (2, "russia", "demands"),
        (2, "ukraine", "rejects"),
    ]


def test_everything_changed_since_a_timestamp(client, record):
    since = timezone.now()
    rnd = record["rounds"][1]
    rnd.title = "Round 2, corrected"
    rnd.save()
    record["umerov"].biography = "Secretary of the NSDC from July 2025."
    record["umerov"].save()
    changes = client.get("/api/v1/changes/", {"since": since.isoformat()}).json()["results"]
    found = {(c["resource"], c["id"], c["change"]) for c in changes}
    assert {("rounds", rnd.pk, "updated"), ("people", record["umerov"].pk, "updated")} <= found
    # The rows that show the round or the person (its delegations, his posts) changed with them.
    assert {change for _, _, change in found} == {"updated"}
    rounds = client.get("/api/v1/rounds/", {"updated_since": since.isoformat()}).json()
    assert [r["title"] for r in rounds["results"]] == ["Round 2, corrected"]


def test_sync_gets_304_when_nothing_changed(client, record):
    first = client.get("/api/v1/rounds/?updated_since=2025-01-01T00:00:00Z")
    again = client.get(
        "/api/v1/rounds/?updated_since=2025-01-01T00:00:00Z", HTTP_IF_NONE_MATCH=first["ETag"]
    )
    assert again.status_code == 304
    assert again.content == b""


@pytest.mark.parametrize("alias", ["Umierov", "Umyerov", "Умєров"])
def test_people_found_by_an_alias(client, record, alias):
    people = client.get("/api/v1/people/", {"q": alias}).json()["results"]
    assert [p["slug"] for p in people] == ["rustem-umerov"]
