"""A round's page a reader finishes: what happened first, a contents list, delegations collapsed
to their leaders, sources as numbered notes per section; and on issue pages, a change of stance
told apart from a change of wording, and "no position recorded" from "no stated position"."""

import re

import pytest

from positions.models import Document, Issue, Position, Stance
from provenance.models import Confidence, Side
from talks.models import Delegation, Event, Participant, Round
from tests.page_html import main

pytestmark = pytest.mark.django_db


@pytest.fixture
def record(istanbul_record_for_module, db):
    return list(Round.objects.published().select_related("track"))


def page(client, round_):
    return main(client.get(round_.get_absolute_url()))


def round_two(record):
    return next(r for r in record if r.track.slug == "istanbul" and r.number == 2)


def test_every_round_page_has_a_contents_list_whose_links_reach_its_sections(client, record):
    for round_ in record:
        body = page(client, round_)
        contents = body.find("nav", aria_label="Contents")
        links = [a.attrs["href"] for a in contents.find_all("a")]
        assert "#when-where" in links, round_
        assert "#delegations-heading" in links, round_
        ids = [e.attrs.get("id") for e in body.iter()]
        for href in links:
            assert href[1:] in ids, (round_, href)
        # Near the top: before the first section it lists.
        order = [e for e in body.iter() if e is contents or e.attrs.get("id") == "when-where"]
        assert order[0] is contents, round_


def test_round_two_leads_with_its_outcomes_before_everything_else(client, record):
    body = page(client, round_two(record))
    sections = [e.attrs.get("aria-labelledby") for e in body.find_all("section")]
    assert sections[0] == "what-happened"
    lead = body.find("section", aria_labelledby="what-happened")
    assert lead.find(cls="round-lead__label").text().startswith("Outcomes")
    items = [li.text() for li in lead.find_all("li")]
    assert len(items) == 5
    assert "return of 6,000 bodies for 6,000;" in items
    # Moved, not repeated: the outcomes are not printed again under "Background".
    background = body.find("section", aria_labelledby="when-where").find(cls="summary").text()
    assert "6,000 bodies for 6,000" not in background
    assert "Proposed by Lavrov on 28 May." in background


def test_every_round_with_outcomes_shows_them_as_list_items(client, record):
    with_outcomes = [r for r in record if "\n- " in r.summary]
    assert len(with_outcomes) == 3  # the three Istanbul rounds
    for round_ in with_outcomes:
        lead = page(client, round_).find("section", aria_labelledby="what-happened")
        assert len(lead.find_all("li")) == round_.summary.count("\n- "), round_


def test_a_round_without_an_outcomes_list_leads_with_its_summary(client, record):
    round_ = next(r for r in record if r.track.slug == "us-russia" and r.number == 1)
    lead = page(client, round_).find("section", aria_labelledby="what-happened")
    assert "Trump and President Vladimir Putin met in Anchorage" in lead.text()


def test_delegations_are_collapsed_to_their_leaders_and_open_to_all_members(client, record):
    round_ = round_two(record)
    body = page(client, round_)
    for side, head in ((Side.UKRAINE, "Rustem Umerov"), (Side.RUSSIA, "Vladimir Medinsky")):
        section = body.find("section", aria_labelledby=f"delegation-{side}")
        details = section.find("details")
        summary = details.find("summary")
        listed = Participant.objects.published().filter(
            delegation__round=round_, delegation__side=side
        )
        assert f"Led by {head}" in summary.text()
        assert f"All {listed.count()} people listed" in summary.text()
        # Nothing to tap inside the summary but the summary itself.
        assert summary.find_all("a") == []
        members = details.find("ol", cls="members")
        assert {p.person.name for p in listed} == {
            li.find("a").text() for li in members.find_all("li")
        }


def _note_links(body):
    return [a for a in body.find_all("a") if a.attrs.get("href", "").startswith("#note-")]


def test_every_note_number_links_to_a_listed_source(client, record):
    for round_ in record:
        body = page(client, round_)
        notes = {li.attrs["id"]: li for li in body.find_all("li") if "id" in li.attrs}
        links = _note_links(body)
        assert links, round_
        for a in links:
            note = notes.get(a.attrs["href"][1:])
            assert note is not None, (round_, a.attrs["href"])
            assert note.attrs["value"] == a.attrs["href"].removeprefix("#note-")
            assert note.find("a", cls="source-code").attrs["href"].startswith("/sources/")
        # A source is listed once on the page, however many facts cite it.
        # (By the source's page: the link reads "about", not the facts files' code.)
        codes = [a.attrs["href"] for a in body.find_all("a", cls="source-code")]
        assert len(codes) == len(set(codes)), round_


def test_every_fact_on_round_two_has_its_published_sources_in_the_notes(client, record):
    round_ = round_two(record)
    body = page(client, round_)
    listed = {a.attrs["href"] for a in body.find_all("a", cls="source-code")}
    facts = [
        round_,
        round_.venue,
        *Delegation.objects.published().filter(round=round_),
        *Participant.objects.published().filter(delegation__round=round_),
        *Document.objects.published().filter(round=round_),
        *Position.objects.published().filter(round=round_),
        *round_.commitments.published(),
        *Event.objects.published().filter(round=round_),
    ]
    cited = {s.get_absolute_url() for fact in facts for s in fact.sources.published()}
    assert cited
    assert cited == listed
    # No badge row under each fact any more.
    assert body.find_all(cls="provenance--compact") == []


def test_each_section_ends_with_its_notes_and_says_which_earlier_ones_it_cites(client, record):
    body = page(client, round_two(record))
    for key in ("when-where", "delegations", "documents", "positions", "commitments"):
        heading = f"{key}-heading" if key != "when-where" else key
        section = body.find("section", aria_labelledby=heading)
        notes = section.find(cls="notes")
        assert notes.attrs["id"] == f"{key}-notes"
        # At the end of the section.
        assert [c for c in section.children if hasattr(c, "tag")][-1] is notes, key
        numbers = {
            a.attrs["href"] for a in _note_links(section) if not set(a.ancestors()) & {notes}
        }
        listed = {f"#{li.attrs['id']}" for li in notes.find_all("li")}
        # "Also cited …: 5–7, 10": runs are written first–last, each number one of the notes.
        also = {
            f"#note-{n}"
            for first, last in re.findall(
                r"(\d+)(?:–(\d+))?", " ".join(p.text() for p in notes.find_all(cls="notes__also"))
            )
            for n in range(int(first), int(last or first) + 1)
        }
        # Every number the section's facts carry is in its notes, listed or named as "also".
        assert numbers <= listed | also, key


def test_the_confidence_label_is_shown_only_where_it_is_not_confirmed(client, record):
    round_ = round_two(record)
    body = page(client, round_)
    assert body.find_all(cls="confidence--confirmed") == []
    contested = Document.objects.published().get(
        round=round_, confidence=Confidence.CONTESTED, title__startswith="List of abducted"
    )
    item = next(
        li for li in body.find("ul", cls="documents").find_all("li") if contested.title in li.text()
    )
    assert "Contested" in item.find(cls="confidence--contested").text()


def test_no_round_page_says_none_or_doubles_the_appointing_words(client, record):
    doubled = re.compile(r"\b(\w+ed) by (\w+ed) by\b", re.IGNORECASE)
    for round_ in record:
        text = page(client, round_).text()
        assert not re.search(r"\bNone\b", text), round_
        assert not doubled.search(text), (round_, doubled.search(text))
    first = page(client, next(r for r in record if r.track.slug == "istanbul" and r.number == 1))
    russia = first.find("section", aria_labelledby="delegation-russia").text()
    assert "Named by the Kremlin on 14 May 2025." in russia
    assert "(14 May 2025)" not in russia
    ukraine = first.find("section", aria_labelledby="delegation-ukraine").text()
    assert "Appointed by Decree of the President of Ukraine No. 306/2025 (" in ukraine


def test_a_change_of_wording_is_not_shown_as_movement_on_the_ceasefire_issue(client, record):
    body = main(client.get("/issues/ceasefire/"))
    cells = {side: body.find_all("td", data_side=side.capitalize()) for side in Side.values}
    positions = {
        side: list(
            Position.objects.published()
            .filter(issue__slug="ceasefire", side=side)
            .order_by("round__held_on")
        )
        for side in Side.values
    }
    # Ukraine demanded a full ceasefire at every round, in other words each time: no movement.
    assert {p.stance for p in positions[Side.UKRAINE]} == {Stance.DEMANDS}
    ukraine = [c for c in cells[Side.UKRAINE] if c.find_all(cls="stance")]
    assert not any("moved" in c.classes or c.find_all(cls="moved-flag") for c in ukraine)
    assert sum("Same stance, new wording" in c.text() for c in ukraine) == 2
    assert "wording changed" not in body.text()
    # Russia's stance changed at rounds 2 and 3: that is movement, flagged.
    moved = [c for c in cells[Side.RUSSIA] if "moved" in c.classes]
    assert len(moved) == 2
    assert "Moved: stance was “Demands”" in moved[0].text()


def test_what_moved_never_reads_none(client, record):
    assert Issue.objects.get(slug="territory").movement_summary == "None."
    text = main(client.get("/issues/territory/")).text()
    assert "What moved: No change recorded." in text
    assert not re.search(r"\bNone\b", text)
    assert not re.search(r"\bNone\b", main(client.get("/issues/")).text())


def test_no_position_recorded_and_no_stated_position_look_and_read_differently(client, record):
    body = main(client.get("/issues/elections-politics/"))
    cells = [c for c in body.find_all("td") if c.find_all(cls="stance")]
    declined = [c for c in cells if c.find_all(cls="stance--no_position")]
    unknown = [c for c in cells if c.find_all(cls="stance--none")]
    assert declined
    assert unknown
    for cell in declined:
        assert "No stated position" in cell.text()
        assert "The sources show this side taking no position" in cell.text()
        assert "stance--none" not in {k for e in cell.iter() for k in e.classes}
    for cell in unknown:
        assert "No position recorded" in cell.text()
        assert "The record holds nothing from this side" in cell.text()
    # The legend says what each means, in words.
    legend = body.find(cls="stance-help").text()
    assert "No stated position means the sources show the side taking no position" in legend
    assert "No position recorded means the record holds nothing from that side" in legend
