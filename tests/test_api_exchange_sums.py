"""Adding up the exchange-counts CSV, filtered as the API documents, gives the totals the
commitment tracker shows: for every receiving side, category (and group) and claimant, across
the whole record (`top_level=true`) and under each track's agreements (`counted=true&track=`).

A claimant silent about an exchange gets the other side's figure filled in on the site (which
says "Russia published no figure for N of the M exchanges"); its rows add up to its own figures,
`own_quantity`, and to the figure shown whenever it gave one for every exchange.
"""

import csv
import io

import pytest

from record import tallies

pytestmark = pytest.mark.usefixtures("istanbul_record_for_module", "db")

GROUPS = {
    tallies.PEOPLE: "pows,civilians,children",
    tallies.BODIES: "bodies",
}


def csv_sum(client, query: str) -> int:
    response = client.get(f"/api/v1/exchange-counts.csv?page_size=500&{query}")
    assert response.status_code == 200, response.content
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) < 500, "one page holds every row"
    return sum(int(row["quantity"]) for row in rows)


def tracker_totals(client) -> list[tuple[str, list]]:
    """(the filter that reproduces it, its lines) for every totals table of /commitments/."""
    context = client.get("/commitments/").context
    tables = [("top_level=true", context["overall_totals"])]
    tables += [
        (f"counted=true&track={item['track'].slug}", item["totals"]) for item in context["tracks"]
    ]
    return tables


def test_every_figure_the_tracker_shows_is_the_sum_of_the_filtered_csv(client):
    checked = 0
    for query, lines in tracker_totals(client):
        assert lines, query
        for line in lines:
            for figure in line.figures:
                total = csv_sum(
                    client,
                    f"{query}&receiving_side={line.side}&category__in={GROUPS[line.category]}"
                    f"&claimed_by={figure.claimant}",
                )
                assert total == figure.own_quantity, (query, line.side, line.category, figure)
                if not figure.filled_from:  # every figure of every exchange its own
                    assert total == figure.quantity, (query, line.side, line.category, figure)
                checked += 1
    assert checked >= 10


def test_every_category_total_is_the_sum_of_the_filtered_csv(client):
    """Per category, not only per group: the same rule, one level finer."""
    from positions.models import Exchange

    every = Exchange.objects.published().top_level().prefetch_related("counts")
    for line in tallies.tally(every):
        for figure in line.figures:
            total = csv_sum(
                client,
                f"top_level=true&receiving_side={line.side}&category={line.category}"
                f"&claimed_by={figure.claimant}",
            )
            assert total == figure.own_quantity


def test_stages_are_rows_that_say_what_total_they_are_part_of(client):
    rows = list(
        csv.DictReader(io.StringIO(client.get("/api/v1/exchange-counts.csv?page_size=500").text))
    )
    stages = [row for row in rows if row["stage_of_id"]]
    assert stages
    assert all(row["counted"] == "false" for row in stages)
    top_level = client.get("/api/v1/exchange-counts/?top_level=true&page_size=500").json()
    assert top_level["count"] == len(rows) - len(stages)
    assert not any(row["stage_of"] for row in top_level["results"])


def test_bodies_ukraine_received_in_june_add_up_to_6057_not_more(client):
    """The reported fault: stages of the June repatriation were added on top of its total."""
    query = (
        "receiving_side=ukraine&category=bodies&claimed_by=ukraine"
        "&occurred_on__gte=2025-06-01&occurred_on__lte=2025-06-30"
    )
    assert csv_sum(client, f"counted=true&{query}") == 6057
    assert csv_sum(client, query) > 6057


# --- /api/v1/totals/ ---------------------------------------------------------------------------

TRACKER_SCOPES = {"top_level=true": ("record", "included")}


def totals(client, **params) -> list[dict]:
    query = "&".join(f"{key}={value}" for key, value in {"page_size": 500, **params}.items())
    page = client.get(f"/api/v1/totals/?{query}").json()
    assert page["next"] is None
    return page["results"]


def test_totals_are_the_figures_the_tracker_shows(client):
    rows = totals(client)
    shown = 0
    for query, lines in tracker_totals(client):
        scope, uncertain = TRACKER_SCOPES.get(query) or (query.rsplit("=", 1)[1], "excluded")
        mine = [r for r in rows if r["scope"] == scope and r["uncertain_links"] == uncertain]
        expected = [
            {
                "receiving_side": line.side,
                "category": line.category,
                "claimant": figure.claimant,
                "quantity": figure.quantity,
                "qualifier": figure.qualifier,
                "own_quantity": figure.own_quantity,
                "claimant_exchanges": figure.exchanges,
                "exchanges": line.exchanges,
                "figures_differ": line.sides_differ,
            }
            for line in lines
            for figure in line.figures
        ]
        assert [{k: r[k] for k in expected[0]} for r in mine] == expected, scope
        shown += len(expected)
    assert shown >= 10


def test_totals_under_every_agreement_are_the_tracker_rows_added_together(client):
    """`agreements`: every commitment's counted exchanges, as the tracker's rows list them."""
    rows = [
        r
        for r in totals(client)
        if r["scope"] == "agreements" and r["uncertain_links"] == "excluded"
    ]
    context = client.get("/commitments/").context
    counted = [x for _, progress in context["rows"] for x in progress.counted]
    expected = [
        (line.side, line.category, figure.claimant, figure.quantity)
        for line in tallies.tally(counted, grouped=True)
        for figure in line.figures
    ]
    assert expected
    key = ("receiving_side", "category", "claimant", "quantity")
    assert [tuple(r[k] for k in key) for r in rows] == expected


def test_totals_with_uncertain_links_add_what_the_tracker_leaves_out(client):
    rows = totals(client)
    for track in {r["scope"] for r in rows}:
        key = ("receiving_side", "category", "claimant")
        excluded = {
            tuple(r[k] for k in key): r["exchanges"]
            for r in rows
            if r["scope"] == track and r["uncertain_links"] == "excluded"
        }
        included = {
            tuple(r[k] for k in key): r["exchanges"]
            for r in rows
            if r["scope"] == track and r["uncertain_links"] == "included"
        }
        assert set(excluded) <= set(included)
        assert all(included[k] >= n for k, n in excluded.items())


def test_totals_csv_has_the_same_rows(client):
    rows = totals(client)
    text = client.get("/api/v1/totals/?page_size=500&format=csv").content.decode()
    assert len(list(csv.DictReader(io.StringIO(text)))) == len(rows)


def test_totals_count_published_exchanges_only(client):
    from positions.models import Exchange

    before = totals(client)
    assert before
    Exchange.objects.update(publication_status="draft")
    assert totals(client) == []


def test_a_draft_track_has_no_totals(client):
    from talks.models import Track

    track = Track.objects.get(slug=totals(client)[-1]["scope"])
    track.publication_status = "draft"
    track.save()
    assert track.slug not in {row["scope"] for row in totals(client)}


def test_totals_cost_the_same_queries_however_many_exchanges(client, django_assert_num_queries):
    with django_assert_num_queries(3):
        # 1. top-level published exchanges with their commitment, 2. their counts,
        # 3. published tracks
        client.get("/api/v1/totals/?page_size=500")
