"""Each public page answers the reader's questions from the record, with sources."""

import datetime
import re

import pytest
from django.db.models import Max

from positions.models import Exchange, Stance
from provenance.models import Claimant, Confidence, DatePrecision, PublicationStatus, Side
from talks.models import DelegationSide, ParticipantRole, Round
from tests.factories import (
    CommitmentFactory,
    EventFactory,
    ExchangeCountFactory,
    ExchangeFactory,
    OrganizationFactory,
    ParticipantFactory,
    PersonFactory,
    PositionFactory,
    RecordReviewFactory,
    RoundFactory,
    SourceFactory,
    TrackFactory,
)
from tests.record_builder import build_record

pytestmark = pytest.mark.django_db


@pytest.fixture
def record():
    return build_record(2)


def text(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def test_home_shows_rounds_latest_marked_key_figures_with_claimants_and_developments(
    client, record
):
    page = text(client.get("/"))
    latest = record["rounds"][-1]
    assert str(latest) in page
    # Every round in order in the rounds list, the latest marked as such.
    body = page[page.index('id="rounds-heading"') :]
    first = body.index(str(record["rounds"][0]))
    assert first < body.index(str(latest)) < body.index("Latest</span>")
    assert "led by" in body
    assert "Rustem Umerov" in body
    # Two rounds × three swaps of 100 each way; bodies 6,057 per Ukraine vs 6,060 per Russia.
    assert (
        '<strong>600</strong> <span class="claimant"><a class="claimant-link" href="/about/#claimant-ukraine">per Ukraine</a>'
        in body
    )
    assert "12,114" in body
    assert "12,120" in body
    assert "Figures differ" in body
    assert "Latest developments" in page
    # Write times are the change log's business, not home's.
    assert 'id="changes-heading"' not in page
    assert 'href="/changes/">Change log' in page
    assert "Prisoner exchange" in page
    assert page.count("<h1") == 1


def test_home_leads_with_what_happened_last_by_its_date_not_by_when_it_was_entered(client):
    trilateral = TrackFactory(slug="trilateral", name="Trilateral talks", short_name="Trilateral")
    RecordReviewFactory(reviewed_to=datetime.date(2026, 5, 15))
    # Entered newest first: the database's write order is the reverse of the days they happened.
    EventFactory(
        title="Ceasefire announced", occurred_on=datetime.date(2026, 5, 8), track=trilateral
    )
    CommitmentFactory(
        title="Swap of 1,000 for 1,000",
        announced_on=datetime.date(2026, 5, 8),
        round=None,
        track=trilateral,
    )
    EventFactory(
        title="Talks resume",
        occurred_on=datetime.date(2026, 4, 1),
        occurred_on_precision=DatePrecision.MONTH,
    )
    first = RoundFactory(title="First round in Istanbul", held_on=datetime.date(2025, 5, 16))
    EventFactory(
        title="Draft: not yet checked",
        occurred_on=datetime.date(2026, 5, 14),
        publication_status=PublicationStatus.DRAFT,
    )
    page = text(client.get("/"))
    section = page[page.index('id="developments-heading"') : page.index('id="rounds-heading"')]
    order = [
        section.index(title)
        for title in (
            "Ceasefire announced",
            "Swap of 1,000 for 1,000",
            "Talks resume",
            "First round in Istanbul",
        )
    ]
    assert order == sorted(order)
    assert "Draft: not yet checked" not in page
    # Each with its day as precise as known, its track and a link.
    assert '<time datetime="2026-05-08">8 May 2026</time>' in section
    assert '<time datetime="2026-04">April 2026</time>' in section
    assert '<a class="track-label" href="/tracks/trilateral/">Trilateral</a>' in section
    assert f'<a class="developments__title" href="{first.get_absolute_url()}">' in section
    assert "the record is reviewed to <strong>15 May 2026</strong>" in section
    # The rest is on the timeline, newest first; what changed in the database, on the change log.
    assert 'href="/timeline/?order=newest">The whole timeline, newest first</a>' in section
    assert '<a href="/changes/">Change log' in section


def test_round_list_names_date_venue_and_heads(client, record):
    body = text(client.get("/rounds/"))
    for round_ in record["rounds"]:
        assert round_.get_absolute_url() in body
        assert round_.venue.name in body
    assert "Vladimir Medinsky" in body


def test_round_page_shows_timing_delegations_documents_positions_and_commitments(client, record):
    round_ = record["rounds"][0]
    body = text(client.get(round_.get_absolute_url()))
    assert "13:00 Istanbul time" in body
    assert "14:40 Istanbul time" in body
    assert "1 h 40 min late" in body
    assert "lasted 1 h 10 min" in body
    assert "Working language" in body
    assert "Russian" in body
    # Heads first in each delegation, both sides side by side.
    ukraine = body.index('id="delegation-ukraine"')
    russia = body.index('id="delegation-russia"')
    assert ukraine < body.index("Rustem Umerov", ukraine) < russia < body.index("Vladimir Medinsky")
    assert "Reported size 12; 4 named here." in body
    assert "Partners present in Istanbul" in body
    assert "not at the negotiating table" in body
    assert "In Istanbul, not at the table" in body
    # Both sides demand on prisoners; on NATO Russia demands and Ukraine rejects.
    assert body.count('class="stance stance--demands"') == 3
    assert body.count('class="stance stance--rejects"') == 1
    assert "Exchange" in body
    assert "Target:" in body
    assert "1,000 prisoners of war per side" in body
    assert "6,057" in body
    assert "6,060" in body
    assert "per Russia" in body
    # Provenance: state media and mirror badges, contested label.
    assert "Russian state or state-aligned outlet" in body
    assert "Mirror or repost" in body
    assert "confidence--contested" in body


def test_round_page_at_table_unknown_is_said_so(client, record):
    round_ = record["rounds"][0]
    ParticipantFactory(
        delegation=round_.delegations.get(side=DelegationSide.RUSSIA),
        person=PersonFactory(name="Unclear expert"),
        at_table=None,
    )
    body = text(client.get(round_.get_absolute_url()))
    assert "At the table: not known" in body


def test_unknown_round_is_404(client, record):
    assert client.get("/rounds/999/").status_code == 404


def test_issue_page_highlights_what_moved_between_rounds(client, record):
    first, second = record["rounds"]
    prisoners = record["prisoners"]
    moved = second.positions.get(issue=prisoners, side=Side.RUSSIA)
    moved.stance = Stance.PROPOSES
    moved.save()
    reworded = second.positions.get(issue=prisoners, side=Side.UKRAINE)
    reworded.summary = "Now an exchange of the wounded first"
    reworded.save()
    body = text(client.get("/issues/prisoners/"))
    assert "Moved: stance was “Demands”" in body
    # New words for the same stance are said so, and are not movement.
    assert "Same stance, new wording" in body
    assert "Now an exchange of the wounded first" in body
    assert body.count('class="moved"') == 1
    assert "Documents with provisions on this issue" in body
    assert "Provision" in body


def test_issue_list_shows_latest_stance_per_side(client, record):
    body = text(client.get("/issues/"))
    assert "/issues/prisoners/" in body
    assert "/issues/nato/" in body
    assert f"round {record['rounds'][-1].number}" in body


def test_unknown_issue_is_404(client, record):
    assert client.get("/issues/no-such-thing/").status_code == 404


def test_commitment_tracker_shows_totals_chart_and_table(client, record):
    body = text(client.get("/commitments/"))
    assert body.count('class="commitment card"') == 2
    assert "<svg" in body
    assert "People returned to Ukraine over time, running total per claimant" in body
    assert "The numbers behind this chart" in body
    assert "running totals per claimant" in body


def test_uncertain_link_is_shown_but_not_added(client, record):
    commitment = record["rounds"][0].commitments.get()
    doubtful = ExchangeFactory(
        commitment=commitment,
        title="Swap linked by some outlets",
        linkage_confidence=Confidence.UNCERTAIN,
    )
    ExchangeCountFactory(exchange=doubtful, quantity=84)
    body = text(client.get(commitment.get_absolute_url()))
    assert "Swap linked by some outlets" in body
    assert "Shown, not added" in body
    assert "<strong>300</strong>" in body  # 3 × 100 counted; the 84 is not added


def test_stage_of_a_total_is_not_added_twice(client, record):
    commitment = record["rounds"][0].commitments.get()
    total = Exchange.objects.filter(commitment=commitment, kind="bodies").get()
    stage = ExchangeFactory(commitment=commitment, part_of=total, title="Bodies, first day")
    ExchangeCountFactory(exchange=stage, category="bodies", quantity=1212)
    body = text(client.get(commitment.get_absolute_url()))
    assert "Bodies, first day" in body
    assert "not added again" in body
    assert "6,057" in body
    assert "7,269" not in body


def test_exchange_page_shows_both_claimants(client, record):
    exchange = Exchange.objects.filter(kind="bodies").first()
    body = text(client.get(exchange.get_absolute_url()))
    assert "6,057" in body
    assert "6,060" in body
    assert "Figures differ" in body
    assert exchange.commitment.title in body


def test_person_page_lists_posts_rounds_and_aliases(client, record):
    body = text(client.get("/people/rustem-umerov/"))
    assert "Minister of Defence" in body
    assert "Umierov" in body
    assert "Umyerov" in body
    for round_ in record["rounds"]:
        assert f"Round {round_.number}</a>" in body
    assert "Head of delegation" in body


def test_people_list_links_every_published_person(client, record):
    body = text(client.get("/people/"))
    assert "/people/vladimir-medinsky/" in body


def test_organization_page_shows_hierarchy_and_members(client, record):
    ministry = record["umerov"].memberships.get().organization
    body = text(client.get(ministry.get_absolute_url()))
    assert 'aria-label="Part of"' in body
    assert "Ukraine" in body
    assert "Rustem Umerov" in body
    parent = text(client.get(ministry.parent.get_absolute_url()))
    assert "Bodies within it" in parent
    assert ministry.name in parent


def test_document_page_groups_provisions_by_section_with_issues(client, record):
    document = record["rounds"][0].documents.first()
    provision = document.provisions.get()
    provision.section = "II. Prisoners of war"
    provision.save()
    body = text(client.get(document.get_absolute_url()))
    assert "<h3>II. Prisoners of war</h3>" in body
    assert 'class="tag" href="/issues/prisoners/"' in body
    assert "TASS" in body


def test_event_page_shows_round_and_issues(client, record):
    event = record["rounds"][0].events.get()
    body = text(client.get(event.get_absolute_url()))
    assert event.title in body
    assert "/issues/prisoners/" in body
    assert record["rounds"][0].get_absolute_url() in body


def test_source_page_lists_what_cites_it(client, record):
    source = SourceFactory(publisher="Kyiv Independent")
    PositionFactory(round=record["rounds"][0], side=Side.UKRAINE).sources.add(source)
    record["rounds"][1].sources.add(source)
    body = text(client.get(source.get_absolute_url()))
    assert "What cites it" in body
    assert str(record["rounds"][1]) in body
    assert "Ukraine on Issue" in body


def test_partner_adviser_is_shown_with_the_state_they_represent(client, record):
    round_ = record["rounds"][0]
    partners = round_.delegations.get(side=DelegationSide.PARTNERS)
    ParticipantFactory(
        delegation=partners,
        person=PersonFactory(name="Jonathan Powell"),
        role=ParticipantRole.ADVISER,
        represents=OrganizationFactory(name="United Kingdom"),
        at_table=False,
    )
    body = text(client.get(round_.get_absolute_url()))
    assert "Jonathan Powell" in body
    assert "for United Kingdom" in body


def test_every_page_has_landmarks_one_h1_skip_link_and_search_form(client, record):
    for url in ["/", "/timeline/", "/rounds/", "/issues/", "/commitments/", "/people/"]:
        body = text(client.get(url))
        assert body.count("<h1") == 1, url
        assert '<a class="skip-link" href="#main">' in body
        assert (
            '<form class="site-search" role="search" aria-label="Site search" action="/search/" method="get">'
            in body
        )
        assert '<label for="site-search-q">' in body
        assert 'name="q"' in body
        for landmark in ("<header", "<nav", '<main id="main"', "<footer"):
            assert landmark in body, (url, landmark)


def test_russia_receiving_counts_claimed_by_russia_are_labelled(client, record):
    commitment = record["rounds"][0].commitments.get()
    # The record holds Ukraine's count of the 78 bodies Russia received; make it Russia's own.
    count = record["repatriations"][0].counts.get(receiving_side=Side.RUSSIA)
    count.claimed_by = Claimant.RUSSIA
    count.save()
    body = text(client.get(commitment.get_absolute_url()))
    assert (
        '<strong>78</strong> <span class="claimant"><a class="claimant-link" href="/about/#claimant-russia">per Russia</a>'
        in body
    )
    assert (
        '<strong>78</strong> <span class="claimant"><a class="claimant-link" href="/about/#claimant-ukraine">per Ukraine</a>'
        not in body
    )


def test_issue_matrix_has_a_row_for_a_round_where_nobody_stated_a_position(client, record):
    # The last round of all, whatever numbers factories used earlier in the session.
    last = Round.objects.aggregate(last=Max("number"))["last"]
    RoundFactory(number=last + 1, title="Quiet round")
    response = client.get("/issues/prisoners/")
    quiet = response.context["matrix"][-1]
    assert quiet["round"].number == last + 1
    assert "ukraine" not in quiet
    assert "russia" not in quiet
    # Both cells say the record holds nothing (the legend above the table names it once more).
    assert text(response).count("The record holds nothing from this side") == 2


def test_round_page_cites_the_venue_and_hides_its_draft_sources(client):
    round_ = RoundFactory(number=2)
    round_.venue.sources.add(
        SourceFactory(code="S28", publisher="Reuters"),
        SourceFactory(code="S99", publisher="Draft Daily", publication_status="draft"),
    )
    round_.venue.confidence = Confidence.CONFIRMED
    round_.venue.save()
    body = text(client.get(round_.get_absolute_url()))
    venue = body[body.index("<dt>Venue</dt>") : body.index("</dd>", body.index("<dt>Venue</dt>"))]
    # The venue carries the number of its note; the note, under "When and where", cites it.
    number = re.search(r'<a href="#note-(\d+)">', venue).group(1)
    note = body[body.index(f'<li id="note-{number}"') :]
    note = note[: note.index("</li>")]
    assert "Reuters" in note
    # A link to the source's own page, named by its publisher, not by the facts files' code.
    source = round_.venue.sources.get(code="S28")
    assert f'href="{source.get_absolute_url()}" aria-label="About this source: Reuters"' in note
    assert "S28" not in note
    assert body.index(f'<li id="note-{number}"') < body.index('id="delegations-heading"')
    # Confirmed is the rule: only the other labels are shown.
    assert "Confirmed" not in venue
    assert "Draft Daily" not in body
