"""The busiest pages cost the same number of queries however many rows they show."""

import pytest

from positions.models import ExchangeKind
from provenance.models import Claimant, Side
from tests.factories import ExchangeCountFactory, ExchangeFactory
from tests.record_builder import build_record

pytestmark = pytest.mark.django_db

# Small and large records: rounds, members per delegation and exchanges per commitment all grow.
SIZES = [(1, 2, 1), (4, 9, 6)]


def _record(rounds, members, exchanges):
    made = build_record(rounds, members=members, exchanges=exchanges)
    # A swap outside the Istanbul agreements, so the tracker's "outside" section is never empty.
    outside = ExchangeFactory(commitment=None, kind=ExchangeKind.POW_SWAP)
    ExchangeCountFactory(exchange=outside, receiving_side=Side.RUSSIA, claimed_by=Claimant.RUSSIA)
    return made


@pytest.mark.parametrize(("rounds", "members", "exchanges"), SIZES)
def test_timeline_queries_do_not_grow_with_entries(
    client, django_assert_num_queries, rounds, members, exchanges
):
    _record(rounds, members, exchanges)
    # 1. issues, for the issue <select> of the filter form
    # 2. the issue named in ?issue= (form validation)
    # 3. how many entries there are (one COUNT of a UNION of the five kinds' keys on the issue)
    # 4.-8. those entries, one query per kind, all of them, as the graphic draws every entry up
    #     to timeline.CHART_DOTS, and the page is cut from them: rounds with positions or
    #     commitments on the issue, events tagged with it, documents with provisions on it,
    #     commitments on it and exchanges whose commitment is on it
    # 9.-13. sources of the rounds, events, documents, commitments and exchanges on this page
    # 14. tracks, for the track <select> of the filter form
    # 15. the record's review date (footer)
    # 16. when the record last changed ("Cite this page": a page about no one row)
    # Past CHART_DOTS entries, 3.-8. are counts per month and kind, then the page's keys and
    # rows (tests/test_timeline_listing.py).
    with django_assert_num_queries(16):
        response = client.get("/timeline/?issue=prisoners")
    assert response.status_code == 200
    assert len(response.context["page"].object_list) > rounds


@pytest.mark.parametrize(("rounds", "members", "exchanges"), SIZES)
def test_round_page_queries_do_not_grow_with_members_or_exchanges(
    client, django_assert_num_queries, rounds, members, exchanges
):
    made = _record(rounds, members, exchanges)
    url = made["rounds"][-1].get_absolute_url()
    # 1. the round with venue and chair
    # 2. its hosts  3. its sources  4. its venue's sources
    # 5. delegations  6. their sources  7. participants with person  8. participants' sources
    # 9. positions with issue and document  10. their sources
    # 11. commitments with issue  12. their sources  13. their exchanges  14. exchange counts
    # 15. documents tabled  16. their sources
    # 17. events at this round  18. their sources
    # 19. the record's review date (footer)
    with django_assert_num_queries(19):
        response = client.get(url)
    assert response.status_code == 200
    assert len(response.context["sides"][0].members_head_first) == members + 1


@pytest.mark.parametrize(("rounds", "members", "exchanges"), SIZES)
def test_issue_page_queries_do_not_grow_with_rounds(
    client, django_assert_num_queries, rounds, members, exchanges
):
    _record(rounds, members, exchanges)
    # 1. the issue
    # 2. positions on it with their document  3. their sources  4. published rounds, one row each
    # 5. commitments on it with round and issue  6. their sources
    # 7. their exchanges  8. exchange counts
    # 9. documents with provisions on it  10. those provisions
    # 11. events tagged with it  12. their sources
    # 13. the record's review date (footer)
    with django_assert_num_queries(13):
        response = client.get("/issues/prisoners/")
    assert len(response.context["matrix"]) == rounds


@pytest.mark.parametrize(("rounds", "members", "exchanges"), SIZES)
def test_commitment_tracker_queries_do_not_grow_with_commitments(
    client, django_assert_num_queries, rounds, members, exchanges
):
    _record(rounds, members, exchanges)
    # 1. commitments with round, track and issue  2. their sources
    # 3. their exchanges  4. exchange counts
    # 5. every exchange that is not a stage, with its mediator  6. their counts
    # 7. the tracks, for the totals per track
    # 8. the record's review date (footer)
    # 9. when the record last changed ("Cite this page": a page about no one row)
    with django_assert_num_queries(9):
        response = client.get("/commitments/")
    assert len(response.context["rows"]) == rounds


@pytest.mark.parametrize(("rounds", "members", "exchanges"), SIZES)
def test_home_queries_do_not_grow_with_the_record(
    client, django_assert_num_queries, rounds, members, exchanges
):
    _record(rounds, members, exchanges)
    # 1. the first HOME_TRACKS tracks  2. their latest rounds with venue and track
    # 3. those rounds' delegations  4. the heads in them  5. each track's rounds held and in all
    # 6. exchanges under agreements made at rounds of those tracks  7. their counts
    # 8. how many tracks are not shown  9. the latest round taking place  10. rounds held in all
    # 11.-15. the latest developments: the newest few rounds, events, documents, commitments and
    #     exchanges, each kind with its track, at most 8 rows each
    # 16. the record's review date  17. when the record last changed (the citation's date)
    with django_assert_num_queries(17):
        response = client.get("/")
    assert response.status_code == 200
    developments = response.context["developments"]
    assert len(developments) == 8
    assert developments[0].date == max(e.date for e in developments)


@pytest.mark.parametrize(("rounds", "members", "exchanges"), SIZES)
def test_about_page_queries_do_not_grow_with_tracks_or_rounds(
    client, django_assert_num_queries, rounds, members, exchanges
):
    _record(rounds, members, exchanges)
    # 1. the tracks  2. their published rounds, for each track's first and last round
    # 3. the record's review date ("reviewed to" on the page and in the footer)
    # 4. when the record last changed (the citation's date)
    with django_assert_num_queries(4):
        response = client.get("/about/")
    assert sum(len(span.held) for span in response.context["spans"]) == rounds


def _with_long_history(made, edits: int) -> None:
    """`edits` more versions of the rows the dated pages show, so history grows with the size."""
    for number in range(edits):
        for row, field in [
            (made["rounds"][-1], "summary"),
            (made["umerov"], "biography"),
            (made["prisoners"], "description"),
            (made["repatriations"][-1], "summary"),
        ]:
            setattr(row, field, f"Version {number}")
            row.save()


# ?as_of= pages, as the record stood at the end of today: every row's history is older.
AS_OF_PAGES = [
    # 1. the track by its address  2. the round then  3. its track then  4. its venue then
    # 5. the venue's city then  6. its delegations then  7. their participants then
    # 8. those people then  9. its positions then  10. their issues then
    ("round", lambda made: made["rounds"][-1].get_absolute_url(), 10),
    # 1. the person then  2. their posts then  3. those organizations then
    # 4. their participations then  5. those delegations then  6. those rounds then
    # 7. the rounds' tracks, for links
    ("person", lambda made: "/people/rustem-umerov/", 7),
    # 1. the issue then  2. positions on it then  3. their rounds then  4. the rounds' tracks
    ("issue", lambda made: "/issues/prisoners/", 4),
    # 1. the exchange then  2. its commitment then  3. the commitment's round then  4. its counts
    ("exchange", lambda made: made["repatriations"][-1].get_absolute_url(), 4),
]


@pytest.mark.parametrize(("rounds", "members", "exchanges"), SIZES)
@pytest.mark.parametrize(("kind", "url", "queries"), AS_OF_PAGES)
def test_as_of_pages_queries_do_not_grow_with_history(
    client, django_assert_num_queries, rounds, members, exchanges, kind, url, queries
):
    from django.utils import timezone

    made = _record(rounds, members, exchanges)
    _with_long_history(made, rounds * 3)
    # + the record's review date (footer); the citation is dated from the rows shown
    with django_assert_num_queries(queries + 1):
        response = client.get(f"{url(made)}?as_of={timezone.localdate().isoformat()}")
    assert response.status_code == 200, kind
    assert "You are looking at the record as it stood on" in response.content.decode()


@pytest.mark.parametrize(("rounds", "members", "exchanges"), SIZES)
def test_totals_page_queries_do_not_grow_with_exchanges(
    client, django_assert_num_queries, rounds, members, exchanges
):
    _record(rounds, members, exchanges)
    # 1. published exchanges that are not a stage, with their commitment  2. their counts
    # 3. published tracks  4. the record's review date (lede and footer)
    # 5. when the record last changed (the citation's date)
    with django_assert_num_queries(5):
        response = client.get("/totals/")
    assert len(response.context["record"]["exchanges"]) > rounds * exchanges
    assert response.context["record"]["lines"]


def test_home_shows_the_first_tracks_and_their_latest_rounds_whatever_the_size_of_the_record(
    client, django_assert_max_num_queries
):
    """A record with more tracks and rounds than home lists costs home at most the same 17
    queries (16 here: no delegations, so no heads to read); the rest is one link away, with how
    many were left out."""
    from public.views.home import HOME_ROUNDS, HOME_TRACKS
    from tests.factories import RoundFactory, TrackFactory

    istanbul = TrackFactory()  # the Istanbul talks, first in the editors' order
    tracks = [TrackFactory(slug=f"track-{k}", order=100 + k) for k in range(HOME_TRACKS + 2)]
    rounds = [RoundFactory(track=istanbul, number=n + 1) for n in range(HOME_ROUNDS + 3)]
    with django_assert_max_num_queries(17):
        response = client.get("/")
    shown = response.context["tracks"]
    assert [item["track"] for item in shown] == [istanbul, *tracks[: HOME_TRACKS - 1]]
    # The latest rounds of the first track, oldest of them first; the 3 before them are linked.
    assert shown[0]["rounds"] == rounds[-HOME_ROUNDS:]
    page = response.content.decode()
    assert f"3 earlier rounds of the {istanbul.name}</a>" in page
    assert "3 more tracks: every track and its rounds</a>" in page
    assert response.context["latest"] == rounds[-1]
