"""The timeline lists everything in date order and filters by kind, side, issue and dates."""

import datetime

import pytest

from positions.models import Stance
from provenance.models import Side
from talks.models import EventKind, EventSide
from tests.factories import (
    CommitmentFactory,
    DocumentFactory,
    EventFactory,
    ExchangeFactory,
    IssueFactory,
    PositionFactory,
    ProvisionFactory,
    RoundFactory,
    TrackFactory,
)

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    return [entry.title for entry in response.context["page"].object_list]


@pytest.fixture
def record():
    ceasefire = IssueFactory(slug="ceasefire", name="Ceasefire")
    nato = IssueFactory(slug="nato", name="NATO")
    first = RoundFactory(number=1, title="First meeting", held_on=datetime.date(2025, 5, 16))
    second = RoundFactory(number=2, title="Second meeting", held_on=datetime.date(2025, 6, 2))
    third = RoundFactory(number=3, title="Third meeting", held_on=datetime.date(2025, 7, 23))
    PositionFactory(round=first, issue=ceasefire, stance=Stance.DEMANDS)
    PositionFactory(round=third, issue=nato)
    tagged = EventFactory(
        title="Drone strike on airbases",
        occurred_on=datetime.date(2025, 6, 1),
        side=EventSide.UKRAINE,
    )
    tagged.issues.add(ceasefire)
    EventFactory(
        title="Kremlin statement", occurred_on=datetime.date(2025, 5, 20), side=EventSide.RUSSIA
    )
    EventFactory(
        title="Joint announcement",
        occurred_on=datetime.date(2025, 7, 1),
        side=EventSide.BOTH,
        kind=EventKind.ANNOUNCEMENT,
    )
    memo = DocumentFactory(title="Russian memorandum", round=second, author_side=Side.RUSSIA)
    ProvisionFactory(document=memo).issues.add(ceasefire)
    DocumentFactory(title="Ukrainian framework", round=second, author_side=Side.UKRAINE)
    swap = CommitmentFactory(
        title="Ceasefire swap agreed", round=second, issue=ceasefire, announced_on=None
    )
    ExchangeFactory(
        title="Ceasefire-linked swap", commitment=swap, occurred_on=datetime.date(2025, 6, 9)
    )
    ExchangeFactory(
        title="Unrelated swap",
        commitment=CommitmentFactory(
            title="NATO swap agreed", round=first, issue=nato, announced_on=None
        ),
        occurred_on=datetime.date(2025, 5, 23),
    )


def test_timeline_lists_all_kinds_in_date_order(client, record):
    response = client.get("/timeline/")
    assert titles(response) == [
        "Round 1: First meeting",
        # A commitment without an announcement date is placed on its round's day.
        "NATO swap agreed",
        "Kremlin statement",
        "Unrelated swap",
        "Drone strike on airbases",
        "Round 2: Second meeting",
        "Russian memorandum",
        "Ukrainian framework",
        "Ceasefire swap agreed",
        "Ceasefire-linked swap",
        "Joint announcement",
        "Round 3: Third meeting",
    ]
    assert "<svg" in response.content.decode()


def test_filter_by_ceasefire_issue_shows_everything_related_to_it(client, record):
    response = client.get("/timeline/?issue=ceasefire")
    assert titles(response) == [
        # round 1 has a position on the ceasefire; round 2 made a ceasefire commitment
        "Round 1: First meeting",
        "Drone strike on airbases",  # tagged with the issue
        "Round 2: Second meeting",
        "Russian memorandum",  # has a provision on it
        "Ceasefire swap agreed",  # a commitment on it
        "Ceasefire-linked swap",  # its commitment is on it
    ]


def test_filter_by_kind_keeps_only_those_kinds(client, record):
    response = client.get("/timeline/?kind=document&kind=exchange")
    assert titles(response) == [
        "Unrelated swap",
        "Russian memorandum",
        "Ukrainian framework",
        "Ceasefire-linked swap",
    ]


def test_filter_by_side_keeps_that_sides_events_and_documents(client, record):
    response = client.get("/timeline/?side=russia&kind=event&kind=document")
    assert titles(response) == ["Kremlin statement", "Russian memorandum", "Joint announcement"]


def test_filter_by_date_range(client, record):
    response = client.get("/timeline/?date_from=2025-06-01&date_to=2025-06-30")
    assert titles(response) == [
        "Drone strike on airbases",
        "Round 2: Second meeting",
        "Russian memorandum",
        "Ukrainian framework",
        "Ceasefire swap agreed",
        "Ceasefire-linked swap",
    ]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("date_from=2025-07-01&date_to=2025-06-01", "The end date is before the start date."),
        ("date_from=not-a-date", "Enter a valid date."),
        ("issue=no-such-issue", "Select a valid choice."),
        ("kind=meteor", "Select a valid choice."),
        ("side=turkey", "Select a valid choice."),
        ("order=sideways", "Select a valid choice. sideways is not one of the available choices."),
        ("group=side", "Select a valid choice. side is not one of the available choices."),
        ("month=2025-13", "Enter a month as year and month, e.g. 2025-06."),
        ("month=June", "Enter a month as year and month, e.g. 2025-06."),
        # The calendar's edges: year 0 does not exist.
        ("month=0000-01", "Enter a month as year and month, e.g. 2025-06."),
        ("month=0000-12", "Enter a month as year and month, e.g. 2025-06."),
    ],
)
def test_bad_filter_input_shows_a_form_error_not_a_500(client, record, query, message):
    response = client.get(f"/timeline/?{query}")
    assert response.status_code == 200
    assert message in response.content.decode()
    assert titles(response) == []


def test_pagination_links_keep_the_filters(client):
    for day in range(30):
        EventFactory(occurred_on=datetime.date(2025, 5, 1) + datetime.timedelta(days=day))
    response = client.get("/timeline/?kind=event")
    page = response.content.decode()
    assert len(titles(response)) == 25
    assert "?kind=event&amp;page=2" in page
    second = client.get("/timeline/?kind=event&page=2")
    assert len(titles(second)) == 5


def test_a_page_number_out_of_range_shows_the_last_page(client, record):
    response = client.get("/timeline/?page=999")
    assert response.status_code == 200
    assert titles(response)[-1] == "Round 3: Third meeting"


def test_newest_first_lists_the_latest_day_first_and_keeps_a_days_own_order(client, record):
    response = client.get("/timeline/?order=newest")
    assert titles(response) == [
        "Round 3: Third meeting",
        "Joint announcement",
        "Ceasefire-linked swap",
        # The round of 2 June, then what was tabled and agreed at it, as on the oldest-first list.
        "Round 2: Second meeting",
        "Russian memorandum",
        "Ukrainian framework",
        "Ceasefire swap agreed",
        "Drone strike on airbases",
        "Unrelated swap",
        "Kremlin statement",
        "Round 1: First meeting",
        "NATO swap agreed",
    ]
    assert "12 entries, newest first" in response.content.decode()


def test_month_jump_opens_the_page_holding_that_months_first_entry(client, record):
    # 30 events in April push May to July onto the second page.
    for day in range(30):
        EventFactory(
            title=f"April event {day}",
            occurred_on=datetime.date(2025, 4, 1) + datetime.timedelta(days=day),
        )
    page = client.get("/timeline/").content.decode()
    assert '<a href="/timeline/?page=2#month-2025-07" aria-label="July 2025">Jul</a>' in page

    response = client.get("/timeline/?kind=event&kind=round&month=2025-07")
    assert response.status_code == 302
    assert response["Location"] == "/timeline/?kind=event&kind=round&page=2#month-2025-07"
    landed = client.get(response["Location"])
    assert titles(landed)[-2:] == ["Joint announcement", "Round 3: Third meeting"]
    assert '<li class="timeline__entry timeline__entry--event" id="month-2025-07">' in (
        landed.content.decode()
    )


def test_month_jump_follows_the_order_asked_for(client, record):
    for day in range(30):
        EventFactory(
            title=f"April event {day}",
            occurred_on=datetime.date(2025, 4, 1) + datetime.timedelta(days=day),
        )
    # Newest first, July is on the first page and April reaches onto the second.
    july = client.get("/timeline/?order=newest&month=2025-07")
    assert july["Location"] == "/timeline/?order=newest&page=1#month-2025-07"
    april = client.get("/timeline/?order=newest&month=2025-04")
    assert april["Location"] == "/timeline/?order=newest&page=1#month-2025-04"
    landed = client.get("/timeline/?order=newest&page=2")
    assert titles(landed)[-1] == "April event 0"


def test_a_month_with_nothing_in_it_says_so_and_keeps_the_list(client, record):
    response = client.get("/timeline/?month=2024-01")
    assert response.status_code == 200
    assert "Nothing on the timeline in January 2024 with these filters." in (
        response.content.decode()
    )
    assert titles(response)[0] == "Round 1: First meeting"


def test_group_by_track_puts_each_tracks_entries_under_its_heading(client, record):
    geneva = TrackFactory(slug="geneva", name="Geneva consultations", order=5)
    RoundFactory(track=geneva, number=1, title="Geneva meeting", held_on=datetime.date(2025, 6, 5))
    response = client.get("/timeline/?group=track&kind=round&kind=event")
    content = response.content.decode()
    page = content[content.index('<h2 class="count">') :]  # the list, after the graphic
    istanbul = page.index('<h3 class="timeline__track"><a href="/tracks/istanbul/">')
    other = page.index('<h3 class="timeline__track"><a href="/tracks/geneva/">')
    none = page.index('<h3 class="timeline__track">No track</h3>')
    assert istanbul < page.index("Round 3: Third meeting") < other
    assert other < page.index("Geneva meeting") < none < page.index("Drone strike on airbases")
    assert titles(response) == [
        "Round 1: First meeting",
        "Round 2: Second meeting",
        "Round 3: Third meeting",
        "Round 1: Geneva meeting",
        "Kremlin statement",
        "Drone strike on airbases",
        "Joint announcement",
    ]


def test_graphic_starts_at_the_talks_and_links_earlier_background(client, record):
    EventFactory(title="Full-scale invasion", occurred_on=datetime.date(2022, 2, 24))
    response = client.get("/timeline/?order=newest")
    chart = response.context["chart"]
    assert chart["start"] == datetime.date(2025, 5, 1)
    assert [tick["label"] for tick in chart["x_ticks"]][0] == "May 2025"
    page = response.content.decode()
    # The 2022 entry is on the last page when newest comes first; the link opens it there.
    assert (
        '<a class="timeline-chart__earlier" href="/timeline/?order=newest&amp;page=1#month-2022-02">'
        in page
    )
    assert "1 earlier entry, from 24 February 2022" in page
    # Every entry on the scale is a link with its date and title, none hidden behind another.
    assert len(chart["markers"]) == 12
    assert page.count('<a class="timeline-chart__dot"') == 12
    assert '<a class="timeline-chart__dot" href="/rounds/2/"' in page
    assert "<title>2 June 2025: Round 2: Second meeting</title>" in page
    spots = {(m["x"], m["y"]) for m in chart["markers"]}
    assert len(spots) == 12


EARLIER_IN_THE_GRAPHICS_TITLE = {
    # Ukrainian and Russian have three plural forms: 1, 2–4, 5 and more.
    ("en", 1): "and 1 earlier entry",
    ("en", 2): "and 2 earlier entries",
    ("uk", 1): "і ще 1 давніший запис",
    ("uk", 2): "і ще 2 давніші записи",
    ("uk", 5): "і ще 5 давніших записів",
    ("ru", 1): "и ещё 1 более ранняя запись",
    ("ru", 2): "и ещё 2 более ранние записи",
    ("ru", 5): "и ещё 5 более ранних записей",
}


@pytest.mark.parametrize(("language", "earlier"), list(EARLIER_IN_THE_GRAPHICS_TITLE))
def test_the_graphics_title_counts_earlier_entries_in_the_languages_plural(
    client, record, language, earlier
):
    for day in range(1, earlier + 1):
        EventFactory(title=f"Background {day}", occurred_on=datetime.date(2022, 2, day))
    # Entries far before the rest are linked as "earlier" while they are a tenth of all at most.
    for day in range(1, 10 * earlier + 1):
        EventFactory(title=f"Statement {day}", occurred_on=datetime.date(2025, 8, 1 + day % 28))
    prefix = "" if language == "en" else f"/{language}"
    page = client.get(f"{prefix}/timeline/").content.decode()
    title = page[
        page.index('<title id="tl-title">') : page.index("</title>", page.index("tl-title"))
    ]
    assert EARLIER_IN_THE_GRAPHICS_TITLE[language, earlier] in title


@pytest.mark.parametrize("month", ["0001-01", "9999-12"])
def test_a_month_at_the_calendars_edges_is_read_not_a_500(client, record, month):
    response = client.get(f"/timeline/?month={month}")
    assert response.status_code == 200
    assert "Nothing on the timeline in" in response.content.decode()
