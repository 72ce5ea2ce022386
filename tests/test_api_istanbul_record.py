"""The named journalist queries, run against the real Istanbul record (load_istanbul)."""

import csv
import io

import pytest
from django.utils import timezone

from positions.models import Exchange
from talks.models import Round

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def record(istanbul_record_for_module, db):
    """The record is loaded once for the module; each test runs in its own savepoint."""


def test_every_exchange_after_1_june_2025_with_counts_per_side_as_csv(client):
    response = client.get("/api/v1/exchange-counts.csv?occurred_on__gte=2025-06-02&page_size=500")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    expected = Exchange.objects.published().filter(
        occurred_on__gte="2025-06-02", counts__isnull=False
    )
    assert {int(row["exchange_id"]) for row in rows} == set(expected.values_list("id", flat=True))
    assert min(row["occurred_on"] for row in rows) >= "2025-06-02"
    bodies = {
        (row["claimed_by"], int(row["quantity"]))
        for row in rows
        if row["category"] == "bodies" and row["receiving_side"] == "ukraine"
    }
    # The June repatriation as each side tells it: Ukraine received 6,057; Russia says 6,060.
    assert {("ukraine", 6057), ("russia", 6060)} <= bodies
    assert {row["receiving_side"] for row in rows} == {"ukraine", "russia"}


def test_russia_and_ukraine_positions_on_nato_across_rounds(client):
    body = client.get(
        "/api/v1/positions/?issue=nato-alliances&side__in=russia,ukraine&ordering=round__number,side"
    ).json()
    table = [(p["round_number"], p["side"], p["stance"]) for p in body["results"]]
    assert (2, "russia", "demands") in table
    assert (2, "ukraine", "rejects") in table
    assert table == sorted(table)
    assert len({p["issue"]["id"] for p in body["results"]}) == 1


def test_everything_changed_since_a_timestamp(client):
    since = timezone.now()
    round3 = Round.objects.get(track__slug="istanbul", number=3)
    round3.timing_note = "Corrected after the transcript."
    round3.save()
    changes = client.get("/api/v1/changes/", {"since": since.isoformat()}).json()["results"]
    found = {(c["resource"], c["id"], c["change"]) for c in changes}
    assert ("rounds", round3.pk, "updated") in found
    # Rows that show the round (its delegations, documents, commitments) are touched with it
    # (api.sync), as updated, never created or removed.
    assert {change for _, _, change in found} == {"updated"}
    rounds = client.get("/api/v1/rounds/", {"updated_since": since.isoformat()}).json()
    assert [r["number"] for r in rounds["results"]] == [3]


@pytest.mark.parametrize(
    ("alias", "name"),
    [("Umierov", "Rustem Umerov"), ("Умеров", "Rustem Umerov"), ("Kislitsa", "Serhiy Kyslytsia")],
)
def test_people_found_by_an_alias(client, alias, name):
    people = client.get("/api/v1/people/", {"q": alias}).json()["results"]
    assert [p["name"] for p in people] == [name]


def test_venue_found_in_cyrillic_across_the_record(client):
    hits = client.get("/api/v1/search/", {"q": "Чирагань"}).json()["results"]
    assert ("venue", "Çırağan Palace, Istanbul") in [(h["type"], h["name"]) for h in hits]


def test_every_table_lists_and_exports_the_record(client):
    for table in ("rounds", "delegations", "participants", "positions", "exchanges", "sources"):
        listed = client.get(f"/api/v1/{table}/?page_size=500").json()
        assert listed["count"] > 0
        streamed = b"".join(client.get(f"/data/{table}.csv").streaming_content).decode()
        assert len(list(csv.DictReader(io.StringIO(streamed)))) == listed["count"]


def test_posts_that_ended_on_an_unknown_date_are_marked_and_filterable(client):
    body = client.get("/api/v1/memberships/?ended_date_unknown=true").json()
    ended = [(m["person"]["name"], m["post"], m["end_on"]) for m in body["results"]]
    # Umerov's end date was established by the 2026 review (17 July 2025); Kyslytsia's Foreign
    # Ministry post ended by January 2026, on a day the sources do not give.
    assert ("Serhiy Kyslytsia", "First Deputy Minister of Foreign Affairs", None) in ended
    held = client.get("/api/v1/memberships/?ended_date_unknown=false&end_on__isnull=true").json()
    assert "Minister of Defence" not in [
        m["post"] for m in held["results"] if m["person"]["name"] == "Rustem Umerov"
    ]
