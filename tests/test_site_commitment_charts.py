"""The commitment charts: one per group and receiving side, a line per side that claims figures
(told apart by dash and marker shape as well as colour), axis titles, the whole period up to the
day the record is reviewed to, and a side that published nothing said in words."""

import datetime
import re

import pytest

from positions.models import Exchange
from record import tallies

pytestmark = pytest.mark.usefixtures("istanbul_record_for_module", "db")


@pytest.fixture
def tracker(client):
    response = client.get("/commitments/")
    assert response.status_code == 200
    return response


def test_each_chart_has_axis_titles_and_a_line_per_claimant(tracker):
    items = {item["key"]: item for item in tracker.context["charts"]}
    assert set(items) == {"people-ukraine", "people-russia", "bodies-ukraine", "bodies-russia"}
    people = items["people-ukraine"]
    # Both sides claim figures for the people Ukraine received: a line each.
    assert [line["claimant"] for line in people["chart"]["lines"]] == ["ukraine", "russia"]
    html = tracker.content.decode()
    figure = html[html.index('aria-labelledby="chart-people-ukraine-title') :]
    figure = figure[: figure.index("</figure>")]
    assert ">People, running total</text>" in figure
    assert ">Date of the exchange</text>" in figure
    # Told apart without colour: Ukraine's line has circles, Russia's squares and a dash.
    assert 'class="chart__line chart__line--ukraine"' in figure
    assert re.search(r'<rect class="chart__dot chart__dot--russia', figure)
    assert re.search(r'<circle class="chart__dot chart__dot--ukraine', figure)
    # Each line ends at the total the tables show for the same exchanges (record.tallies).
    under_agreements = (
        Exchange.objects.published()
        .filter(tallies.counted_q(), commitment__round__isnull=False)
        .prefetch_related("counts")
    )
    lines = {
        (line.side, line.category, f.claimant): f.quantity
        for line in tallies.tally(under_agreements, grouped=True)
        for f in line.figures
    }
    assert f"per Ukraine: {lines['ukraine', 'people', 'ukraine']:,}" in figure
    assert f"per Russia: {lines['ukraine', 'people', 'russia']:,}" in figure


def test_chart_totals_are_the_totals_the_tables_show(tracker):
    """Each line ends at the figure the tracker's tables show for that claimant."""
    counted = [
        x
        for commitment, progress in tracker.context["rows"]
        if commitment.round_id
        for x in progress.counted
    ]
    expected = {
        (line.side, line.category, figure.claimant): figure.quantity
        for line in tallies.tally(counted, grouped=True)
        for figure in line.figures
        if figure.claimant in tallies.SIDE_ORDER
    }
    drawn = {
        (item["side"], item["group"], s.claimant): s.total
        for item in tracker.context["charts"]
        for s in item["series"]
    }
    assert drawn == expected


def test_charts_run_to_the_day_the_record_is_reviewed_to(tracker):
    for item in tracker.context["charts"]:
        chart = item["chart"]
        assert chart["until"] == datetime.date(2026, 5, 15)
        # The last month labelled is in 2026, not July 2025.
        assert chart["x_ticks"][-1].position > (chart["left"] + chart["right"]) / 2
        assert chart["x_ticks"][-1].label in {"Mar 2026", "Apr", "Mar", "Jan 2026"}


def test_a_side_that_published_nothing_is_named_under_its_chart(tracker):
    items = {item["key"]: item for item in tracker.context["charts"]}
    assert items["people-russia"]["silent"] == ["Ukraine"]
    assert [s.claimant for s in items["people-russia"]["series"]] == ["russia"]
    html = tracker.content.decode()
    assert "Ukraine: not published (no figure for any of these exchanges)." in html


def test_a_filled_in_point_is_marked_as_not_the_claimants_own(tracker):
    items = {item["key"]: item for item in tracker.context["charts"]}
    russia = next(s for s in items["bodies-ukraine"]["series"] if s.claimant == "russia")
    # Russia gave no figure for the 17 July 2025 repatriation: that step is Ukraine's 1,000.
    assert [(total, own) for _, total, own in russia.points] == [(6060, True), (7060, False)]


@pytest.mark.parametrize(("language", "separator"), [("", ","), ("uk", "\xa0"), ("ru", "\xa0")])
def test_axis_numbers_are_grouped_as_the_page_writes_numbers(client, language, separator):
    """The y axis reads "1,000" in English and "1 000" in Ukrainian and Russian, like the
    figures in the text beside it; the coordinates stay plain numbers."""
    page = client.get(f"/{language}/commitments/" if language else "/commitments/")
    html = page.content.decode()
    labels = re.findall(r'text-anchor="end" dominant-baseline="middle">([^<]+)</text>', html)
    thousands = [label for label in labels if len(re.sub(r"\D", "", label)) > 3]
    assert thousands, "charts with thousands on their axis"
    for label in thousands:
        assert re.fullmatch(rf"\d{{1,3}}({re.escape(separator)}\d{{3}})+", label), label
    coordinates = re.findall(r'y1="([^"]+)"', html)
    assert coordinates
    assert all(re.fullmatch(r"-?[\d.]+", value) for value in coordinates)
