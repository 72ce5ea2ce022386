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
