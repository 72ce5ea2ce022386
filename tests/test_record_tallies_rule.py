"""What adds up is decided once (record.tallies) and reads the same in the API: for every
combination of linkage confidence, stage or not, and linked or not, the exchange-counts rows that
`counted=true` gives (and their `counted` column) are exactly the exchanges the commitment tracker
adds, and `top_level=true` leaves out exactly the stages."""

import itertools

import pytest

from positions.models import Commitment
from provenance.models import Confidence
from record import tallies
from tests import factories

pytestmark = pytest.mark.django_db

LINKAGES = ["", *Confidence.values]


@pytest.fixture
def every_kind_of_exchange():
    commitment = factories.CommitmentFactory()
    total = factories.ExchangeFactory(commitment=commitment, linkage_confidence="confirmed")
    factories.ExchangeCountFactory(exchange=total)
    for linkage, stage in itertools.product(LINKAGES, (False, True)):
        exchange = factories.ExchangeFactory(
            commitment=commitment,
            linkage_confidence=linkage,
            part_of=total if stage else None,
        )
        factories.ExchangeCountFactory(exchange=exchange)
    for stage in (False, True):
        unlinked = factories.ExchangeFactory(commitment=None, part_of=total if stage else None)
        factories.ExchangeCountFactory(exchange=unlinked)


def exchange_ids(client, query: str) -> list[int]:
    page = client.get(f"/api/v1/exchange-counts/?page_size=500&{query}").json()
    return sorted(row["exchange"]["id"] for row in page["results"])


@pytest.mark.usefixtures("every_kind_of_exchange")
def test_counted_rows_are_the_exchanges_the_tracker_adds(client):
    commitment = Commitment.objects.prefetch_related(tallies.exchanges_with_counts()).get()
    added = sorted(x.pk for x in tallies.progress(commitment).counted)
    assert added, "some exchanges are added"
    assert exchange_ids(client, "counted=true") == added
    rows = client.get("/api/v1/exchange-counts/?page_size=500").json()["results"]
    assert sorted(r["exchange"]["id"] for r in rows if r["counted"]) == added


@pytest.mark.usefixtures("every_kind_of_exchange")
def test_top_level_rows_leave_out_exactly_the_stages(client):
    rows = client.get("/api/v1/exchange-counts/?page_size=500").json()["results"]
    not_stages = sorted(r["exchange"]["id"] for r in rows if r["stage_of"] is None)
    assert exchange_ids(client, "top_level=true") == not_stages
    assert len(not_stages) < len(rows)
    stages = sorted(r["exchange"]["id"] for r in rows if r["stage_of"] is not None)
    assert exchange_ids(client, "top_level=false") == stages


@pytest.mark.parametrize(
    "silent_on", [c for c in tallies.CATEGORY_GROUPS if tallies.CATEGORY_GROUPS[c] == "people"]
)
def test_a_side_silent_on_one_category_is_filled_in_for_that_category_only(silent_on):
    """Like the 24 Aug 2025 swap: Ukraine gave a figure for some of the people it received but
    not for `silent_on`; Russia gave both. Ukraine's total counts Russia's figure for the
    category it was silent on and its own for the rest, so the two totals agree and nothing
    reads as a smaller count; the same on the commitment charts' lines."""
    exchange = factories.ExchangeFactory()
    other = next(c for c in tallies.CATEGORY_GROUPS if c not in (silent_on, "bodies"))
    for claimant in ("ukraine", "russia"):
        factories.ExchangeCountFactory(
            exchange=exchange, category=other, quantity=8, claimed_by=claimant
        )
    factories.ExchangeCountFactory(
        exchange=exchange, category=silent_on, quantity=146, claimed_by="russia"
    )
    exchange = type(exchange).objects.prefetch_related("counts").get(pk=exchange.pk)
    (line,) = tallies.tally([exchange], grouped=True)
    figures = {f.claimant: f for f in line.figures}
    assert figures["ukraine"].quantity == figures["russia"].quantity == 154
    assert figures["ukraine"].own_quantity == 8
    assert figures["ukraine"].filled_from == ["russia"]
    assert not line.sides_differ
    ends = {s.claimant: s.total for s in tallies.claimed_series([exchange], "people")}
    assert ends == {"ukraine": 154, "russia": 154}
