"""From the site alone, a reader who knows nothing can answer the questions the project exists for.

These run on the real Istanbul record, loaded once for the module, not on factories.
"""

import re

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("istanbul_record_for_module")]

ROUNDS = [
    ("Round 1", "16 May 2025", "Dolmabahçe Palace"),
    ("Round 2", "2 June 2025", "Çırağan Palace"),
    ("Round 3", "23 July 2025", "Çırağan Palace"),
]


def plain(response) -> str:
    """The page's main text, tags stripped, as a reader sees it."""
    assert response.status_code == 200
    html = response.content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    return " ".join(re.sub(r"<[^>]+>", " ", main).split())


def test_when_and_where_each_round_was_held_and_who_led_each_delegation(client):
    text = plain(client.get("/rounds/"))
    for label, day, venue in ROUNDS:
        section = text[text.index(label + ":") :]
        assert section.index(day) < 200, label
        assert section.index(venue) < 250, label
        assert re.search(r"Ukraine: led by Rustem Umerov", section[:600]), label
        assert re.search(r"Russia: led by Vladimir Medinsky", section[:900]), label


@pytest.mark.parametrize("slug", ["ceasefire", "nato-alliances", "territory"])
def test_what_each_side_wanted_on_an_issue_in_each_round(client, slug):
    response = client.get(f"/issues/{slug}/")
    matrix = response.context["matrix"]
    assert [row["round"].number for row in matrix] == [1, 2, 3]
    # Round 2, where both sides tabled documents, has both sides' positions on each of these.
    round_2 = matrix[1]
    assert round_2["ukraine"].summary
    assert round_2["russia"].summary
    text = plain(response)
    assert round_2["ukraine"].get_stance_display().upper() in text.upper()
    # Where a side stated nothing in a round, the page says so rather than leaving a gap.
    gaps = sum(1 for row in matrix for side in ("ukraine", "russia") if side not in row)
    # (The legend under the table names "No position recorded" once more, to explain it.)
    assert text.count("The record holds nothing from this side") == gaps


def test_ceasefire_positions_in_every_round_for_both_sides(client):
    matrix = client.get("/issues/ceasefire/").context["matrix"]
    for row in matrix:
        assert row["ukraine"].stance == "demands"
        assert row["russia"].summary


def test_how_many_prisoners_each_side_got_back_and_where_numbers_differ(client):
    text = plain(client.get("/commitments/"))
    first = text[text.index("Exchange of prisoners, 1,000 for 1,000") :]
    # 880 prisoners of war and 120 civilians each way under the round 1 agreement.
    assert re.search(r"Ukraine Prisoners of war 880 per Ukraine", first)
    # Russia's own figure for stage 2, from the 2026 review (K16): Russia claims all three.
    assert re.search(r"Russia Prisoners of war 880 per Russia", first)
    assert re.search(r"Ukraine Civilians 120 per Ukraine", first)
    bodies = text[text.index("Return of bodies, 6,000 for 6,000") :]
    # June, plus the 1,000 (and 19) of 17 July under the same deal, from the 2026 review.
    assert re.search(
        r"Ukraine Bodies 7,057 per Ukraine · 7,060 per Russia ≠ ?Figures differ "
        r"Russia published no figure for 1 of the 2 exchanges; Ukraine\S*s figure is counted",
        bodies,
    )
    # Ukraine gave no figure for the bodies Russia received: said, not shown as a smaller number.
    assert re.search(
        r"Russia Bodies 97 per Russia Ukraine: not published \(no figure for any of the 2 "
        r"exchanges\)",
        bodies,
    )


def test_home_page_key_figures_come_from_the_record_with_claimants(client):
    text = plain(client.get("/"))
    assert "Rounds held 3" in text
    assert "7,057 per Ukraine · 7,060 per Russia" in text  # with 17 July (the 2026 review)
    assert "Round 3: Third round in Istanbul" in text


def test_umerovs_posts_read_as_they_stand_today(client):
    # He headed rounds 1 and 2 as Minister of Defence and left that post on 17 July 2025 (the
    # 2026 review); the people list must not still call him Minister of Defence.
    html = client.get("/people/").content.decode()
    entry = re.search(r'<li><a href="/people/rustem-umerov/">.*?</li>', html, re.DOTALL).group()
    assert "Secretary of the National Security and Defence Council" in entry
    assert "Minister of Defence" not in entry
    page = plain(client.get("/people/rustem-umerov/"))
    assert re.search(r"Minister of Defence ?, Ministry of Defence of Ukraine to 17 July 2025", page)


# --- Answered from the rendered pages alone (issue 13's reader questions) ---

HEADS = {"Ukraine": "Rustem Umerov", "Russia": "Vladimir Medinsky"}


def cells(html: str, row_start: str) -> list[list[str]]:
    """The text of each cell of each table row whose first cell starts with `row_start`."""
    rows = []
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", html, flags=re.S):
        texts = [
            " ".join(re.sub(r"<[^>]+>", " ", cell).split())
            for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, flags=re.S)
        ]
        if texts and texts[0].startswith(row_start):
            rows.append(texts)
    return rows


@pytest.mark.parametrize("number", [1, 2, 3])
def test_a_round_page_says_when_and_where_it_was_and_who_led_each_side(client, number):
    label, day, venue = ROUNDS[number - 1]
    text = plain(client.get(f"/rounds/{number}/"))
    # In the page's opening, where a reader who landed from a search looks first.
    opening = text[:2000]
    assert day in opening, label
    assert venue in opening, label
    for side, head in HEADS.items():
        assert head in text, f"{label}: {side}'s head"


def test_each_side_on_the_ceasefire_in_each_round_read_off_the_issue_page(client):
    html = client.get("/issues/ceasefire/").content.decode()
    # The first three "Round n" rows are the Istanbul talks' (the table groups by track, in
    # the order the tracks began).
    rows = cells(html, "Round ")[:3]
    # (round, Ukraine's stance, Russia's stance), as the record has them (data/istanbul).
    expected = [
        ("Round 1", "Demands", "Demands"),
        ("Round 2", "Demands", "Accepts with conditions"),
        ("Round 3", "Demands", "Proposes"),
    ]
    for row, (label, ukraine, russia) in zip(rows, expected, strict=True):
        assert row[0].startswith(label)
        assert ukraine in row[1], f"{label}: Ukraine's cell reads {row[1][:80]!r}"
        assert russia in row[2], f"{label}: Russia's cell reads {row[2][:80]!r}"
        # Each cell says what the side wanted, not just a label.
        assert len(row[1]) > 40, label
        assert len(row[2]) > 40, label


def test_how_many_people_and_bodies_came_home_each_way_and_according_to_whom(client):
    # The page must give the same numbers as the API's totals (/api/v1/totals/), which add up
    # every exchange in the record once (scope `record`, uncertain links included).
    totals = client.get("/api/v1/totals/?page_size=500").json()["results"]
    record = [t for t in totals if t["scope"] == "record" and t["uncertain_links"] == "included"]
    assert record
    text = plain(client.get("/totals/"))
    for side in ("Ukraine", "Russia"):
        for category in ("people", "bodies"):
            assert re.search(
                rf"{category}\b.{{0,80}}\b{side}|{side}\b.{{0,80}}{category}", text, re.I | re.S
            )
    for total in record:
        claimant = {"ukraine": "Ukraine", "russia": "Russia"}.get(total["claimant"])
        if claimant is None or total["claimant_exchanges"] == 0:
            continue  # a mediator's figures, or a claimant that published none of its own
        figure = f"{total['quantity']:,} per {claimant}"
        assert figure in text, (total["receiving_side"], total["category"], figure)


def test_what_happened_most_recently_leads_the_home_page(client):
    text = plain(client.get("/"))
    latest = text[text.index("Latest developments") :]
    # The newest dated item in the record (reviewed to 15 May 2026): the 205-for-205 POW swap
    # of 15 May 2026, then Trump's 8 May ceasefire announcement.
    swap = latest.index("POW swap, 205 for 205")
    assert latest.index("15 May 2026") < swap < 400
    assert swap < latest.index("Trump announces a three-day ceasefire")
