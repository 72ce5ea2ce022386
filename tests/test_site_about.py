"""The about page explains every label the public pages show, and the labels link to it.

Runs on the real Istanbul record, loaded once for the module (`istanbul_record_for_module`).
"""

import datetime
import re
from html.parser import HTMLParser

import pytest
from django.db.models import Count

from positions.models import CommitmentStatus, CountPrecision, Exchange, LinkStatedBy, Stance
from provenance.models import Claimant, Confidence, DatePrecision, RecordReview
from talks.models import Round, RoundStatus, Track
from tests.factories import RoundFactory

pytestmark = pytest.mark.django_db

# Every enum whose labels a reader meets on the public pages, with the anchor prefix of its
# explanations on the about page. Each choice is read from the model, so a label added to a
# model fails here until the about page explains it.
LABELS = [
    ("confidence", Confidence),  # every fact's badge; an exchange's link to its agreement
    ("stance", Stance),  # positions on round, issue and document pages
    ("claimant", Claimant),  # "per Ukraine" in totals and count tables
    ("precision", CountPrecision),  # "at least", "about" before a figure
    ("date", DatePrecision),  # "June 2025" for a date known to the month
    ("link", LinkStatedBy),  # an exchange page's "the link is stated by"
    ("status", CommitmentStatus),  # where a commitment stands, on round and commitment pages
]


# The labels the pages link to their explanation: (kind, CSS class). A class with a modifier
# (`confidence--contested`) must link to that value's anchor (`#confidence-contested`).
LINKED_LABELS = [
    ("confidence", "confidence"),
    ("stance", "stance"),
    ("claimant", "claimant-link"),
    ("not-added", "not-added"),  # an exchange shown under an agreement but not added
    ("figures-differ", "differ"),  # claimants' totals that differ
    ("status", "status"),  # a commitment's status
]


class Elements(HTMLParser):
    """Every start tag of a page, with its attributes, and the text inside each element with
    an id (its explanation, for the about page's anchors)."""

    def __init__(self, html: str):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text_by_id: dict[str, str] = {}
        self._open: list[str | None] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag not in {"br", "img", "input", "meta", "link", "hr"}:
            self._open.append(attributes.get("id"))
            if attributes.get("id"):
                self.text_by_id[attributes["id"]] = ""

    def handle_endtag(self, tag):
        if self._open and tag not in {"br", "img", "input", "meta", "link", "hr"}:
            self._open.pop()

    def handle_data(self, data):
        for element_id in self._open:
            if element_id:
                self.text_by_id[element_id] += data

    def with_class(self, name: str) -> list[tuple[str, dict]]:
        return [(t, a) for t, a in self.tags if name in (a.get("class") or "").split()]


def words(text: str) -> str:
    return " ".join(text.split())


def page_text(response) -> str:
    """The page's text as a reader sees it: tags dropped, runs of spaces as one."""
    assert response.status_code == 200
    return words(re.sub(r"<[^>]+>", "", response.content.decode()))


@pytest.fixture
def about(client, istanbul_record_for_module):
    response = client.get("/about/")
    assert response.status_code == 200
    return Elements(response.content.decode())


def test_about_page_says_how_far_the_record_reaches_and_when_each_track_met(
    client, istanbul_record_for_module
):
    review = RecordReview.objects.latest()
    text = page_text(client.get("/about/"))
    assert review.reviewed_to == datetime.date(2026, 5, 15)
    assert "Reviewed to 15 May 2026." in text
    assert "checked against public reporting up to that day, in November 2026" in text
    # Each track's first and last round held, from the rounds; a postponed round is not "held".
    assert "Istanbul direct talks: 3 rounds held, from 16 May 2025 to 23 July 2025." in text
    assert (
        "US–Ukraine consultations: 6 rounds held, from 23 November 2025 to 26 February 2026."
        in text
    )
    assert (
        "US–Russia–Ukraine trilateral talks: 3 rounds held, from 23 January 2026 "
        "to 18 February 2026; 1 postponed." in text
    )
    assert "US–Russia channel: 4 rounds held, from 15 August 2025 to 22 January 2026." in text


def test_track_spans_follow_the_published_rounds_not_the_tracks_typed_dates(
    client, istanbul_record_for_module
):
    trilateral = Track.objects.get(slug="trilateral")
    # The postponed fourth round is held after all, over five days; a draft fifth is not public.
    Round.objects.filter(track=trilateral, number=4).update(status=RoundStatus.HELD)
    RoundFactory(
        track=trilateral,
        number=5,
        held_on=datetime.date(2026, 4, 1),
        status=RoundStatus.HELD,
        publication_status="draft",
    )
    text = page_text(client.get("/about/"))
    assert (
        "US–Russia–Ukraine trilateral talks: 4 rounds held, from 23 January 2026 to 9 March 2026."
        in text
    )
    assert "1 April 2026" not in text


def test_review_date_on_every_page_links_to_what_the_record_covers(
    client, about, istanbul_record_for_module
):
    page = Elements(client.get("/rounds/2/").content.decode())
    footer_links = [
        a["href"] for t, a in page.tags if t == "a" and "#coverage" in a.get("href", "")
    ]
    assert footer_links == ["/about/#coverage"]
    assert "Reviewed to 15 May 2026" in about.text_by_id["coverage"]


@pytest.mark.parametrize(("kind", "enum"), LABELS, ids=[kind for kind, _ in LABELS])
def test_every_label_the_pages_show_is_explained_under_its_own_anchor(about, kind, enum):
    for value, label in enum.choices:
        label = str(label)  # a lazy translation, in English here
        explanation = about.text_by_id.get(f"{kind}-{value}")
        assert explanation is not None, f"{kind} {value!r} has no explanation on /about/"
        assert label in explanation, f"{kind} {value!r}: its label is not shown"
        # More than the label itself: a sentence that says what it means.
        assert len(words(explanation.replace(label, ""))) > 25, f"{kind} {value!r} unexplained"


def test_no_position_recorded_is_explained_apart_from_no_stated_position(about):
    recorded = words(about.text_by_id["stance-none"])
    stated = words(about.text_by_id["stance-no_position"])
    assert recorded.startswith("No position recorded")
    assert stated.startswith("No stated position")
    assert recorded.replace("No position recorded", "") != stated.replace("No stated position", "")


def _exchange_with_claims() -> Exchange:
    """An exchange whose page shows a link confidence and both sides' own counts."""
    return (
        Exchange.objects.published()
        .exclude(linkage_confidence="")
        .annotate(claimants=Count("counts__claimed_by", distinct=True))
        .filter(claimants__gte=2)
        .order_by("occurred_on")
        .first()
    )


@pytest.mark.parametrize("page", ["round 2", "ceasefire issue", "exchange"])
def test_every_badge_stance_and_claimant_links_to_its_explanation(client, about, page):
    if page == "exchange":
        url = _exchange_with_claims().get_absolute_url()
    else:
        url = {"round 2": "/rounds/2/", "ceasefire issue": "/issues/ceasefire/"}[page]
    html = client.get(url).content.decode()
    main = Elements(html[html.index("<main") : html.index("</main>")])
    seen = {}
    for kind, css in LINKED_LABELS:
        labels = main.with_class(css)
        seen[kind] = len(labels)
        for tag, attributes in labels:
            # A link, so the explanation is a tap away, never only a hover (title) away.
            assert tag == "a", f"{page}: a {kind} label that is not a link: {attributes}"
            path, _, anchor = attributes["href"].partition("#")
            assert path == "/about/"
            assert anchor in about.text_by_id, f"{page}: #{anchor} is not on /about/"
            # The anchor explains this very label: a stance never points at a confidence.
            value = re.search(rf"\b{css}--(\w+)", attributes["class"])
            if value:
                assert anchor == f"{kind}-{value.group(1)}"
            elif kind == "claimant":
                assert anchor.split("-", 1)[0] == "claimant"
            else:
                assert anchor == kind
    expected = {
        "round 2": {"confidence", "stance", "status"},
        "ceasefire issue": {"confidence", "stance"},
        "exchange": {"confidence", "claimant"},
    }[page]
    assert {kind for kind, count in seen.items() if count} >= expected, seen


def test_a_claimant_link_says_whose_figure_it_is(client, about, istanbul_record_for_module):
    html = client.get(_exchange_with_claims().get_absolute_url()).content.decode()
    links = re.findall(r'<a class="claimant-link" href="/about/#claimant-(\w+)">([^<]+)</a>', html)
    assert ("ukraine", "per Ukraine") in links
    assert ("russia", "per Russia") in links or ("russia", "Russia") in links
    assert "per Ukraine" in about.text_by_id["claimant-ukraine"]


def test_the_about_page_says_how_to_cite_and_where_to_send_a_correction(
    client, settings, istanbul_record_for_module
):
    settings.CORRECTIONS_EMAIL = "fixes@talks.example.org"
    html = client.get("/about/").content.decode()
    assert '<a href="mailto:fixes@talks.example.org">fixes@talks.example.org</a>' in html
    page = Elements(html)
    cite = words(page.text_by_id["cite"])
    # What the citation every page carries holds, as the page's own "Cite this page" shows it.
    assert "“Last modified”" in cite
    assert "?as_of=" in cite
    totals = words(page.text_by_id["totals"])
    # What is left out of the totals, in the terms of record.tallies and /api/v1/totals/.
    assert "is contested or uncertain is shown beside it but not added" in totals
    assert "never added again" in totals
    assert "/api/v1/totals/" in totals


def test_the_about_page_is_in_the_site_navigation(client, istanbul_record_for_module):
    page = Elements(client.get("/").content.decode())
    nav = [a for t, a in page.tags if t == "a" and a.get("href") == "/about/"]
    assert nav, "no link to /about/ in the header"
    here = Elements(client.get("/about/").content.decode())
    assert {"href": "/about/", "aria-current": "page"} in [a for t, a in here.tags if t == "a"]
