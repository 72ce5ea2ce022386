"""The talks after Istanbul and the 2026 review's corrections, as a reader and a journalist find
them: through the pages and the API, on the loaded record (data/istanbul/record-update-2026.md).
"""

import html
import re

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def record(istanbul_record_for_module):
    """Read-only tests: the record is loaded once for the module."""


def plain(response) -> str:
    """The page's main text, tags stripped, as a reader sees it."""
    assert response.status_code == 200, response.status_code
    page = response.content.decode()
    main = page[page.index("<main") : page.index("</main>")]
    return html.unescape(" ".join(re.sub(r"<[^>]+>", " ", main).split()))


def api(client, path, **params):
    response = client.get(path, params)
    assert response.status_code == 200, response.content
    return response.json()


def heads(client, track, number) -> dict[str, list[str]]:
    """Who the API says led each side at a round: {side: [names]}."""
    delegations = api(client, "/api/v1/delegations/", track=track, round=number)["results"]
    return {
        d["side"]: [p["person"]["name"] for p in d["participants"] if p["role"] == "head"]
        for d in delegations
    }


def test_first_trilateral_round_in_abu_dhabi_with_kostyukov_for_russia_and_witkoff_and_kushner(
    client,
):
    text = plain(client.get("/tracks/trilateral/rounds/1/"))
    assert "US–Russia–Ukraine trilateral talks · Round 1" in text
    assert "23–24 January 2026" in text
    assert "Emirates Palace" in text
    assert "Abu Dhabi" in text
    russia = text[text.index("Russian Federation") :]
    assert re.match(r"Russian Federation .{0,40}Led by Igor Kostyukov , Head of", russia)
    us = text[re.search(r"United States .{0,40}Mediator", text).start() :]
    assert "Steve Witkoff" in us[:300]
    assert "Jared Kushner" in us[:400]

    assert heads(client, "trilateral", 1) == {
        "ukraine": ["Rustem Umerov"],
        "russia": ["Igor Kostyukov"],
        "mediator": [],
    }
    rounds = api(client, "/api/v1/rounds/", track="trilateral", number=1)["results"]
    assert [(r["held_on"], r["ended_on"], r["format"]) for r in rounds] == [
        ("2026-01-23", "2026-01-24", "trilateral")
    ]
    us_delegation = api(
        client, "/api/v1/delegations/", track="trilateral", round=1, side="mediator"
    )
    (delegation,) = us_delegation["results"]
    assert delegation["organization"]["name"] == "United States"
    assert {p["person"]["name"] for p in delegation["participants"]} == {
        "Steve Witkoff",
        "Jared Kushner",
    }


def test_medinsky_heads_russias_delegation_again_in_geneva(client):
    text = plain(client.get("/tracks/trilateral/rounds/3/"))
    assert "17–18 February 2026" in text
    assert "Geneva" in text
    assert re.search(r"Russian Federation .{0,40}Led by Vladimir Medinsky , ", text)
    # Kostyukov headed it in Abu Dhabi in between: Medinsky → Kostyukov → Medinsky.
    led = [
        heads(client, track, number)["russia"]
        for track, number in (
            ("istanbul", 3),
            ("trilateral", 1),
            ("trilateral", 2),
            ("trilateral", 3),
        )
    ]
    assert led == [
        ["Vladimir Medinsky"],
        ["Igor Kostyukov"],
        ["Igor Kostyukov"],
        ["Vladimir Medinsky"],
    ]


def test_yermak_heads_ukraines_delegation_22_to_28_november_and_umerov_from_28_november(client):
    def head_on(day):
        appointed = api(client, "/api/v1/standing-delegations/", in_force_on=day, side="ukraine")
        return [
            (d["appointing_act"], m["person"]["name"])
            for d in appointed["results"]
            for m in d["members"]
            if m["role"] == "head"
        ]

    assert head_on("2025-11-22") == [
        ("Decree of the President of Ukraine No. 854/2025", "Andriy Yermak")
    ]
    assert head_on("2025-11-25") == [
        ("Decree of the President of Ukraine No. 854/2025", "Andriy Yermak")
    ]
    assert ("Decree of the President of Ukraine No. 869/2025", "Rustem Umerov") in head_on(
        "2025-11-28"
    )
    assert head_on("2025-11-29") == [
        ("Decree of the President of Ukraine No. 869/2025", "Rustem Umerov")
    ]
    assert head_on("2025-11-21") == []

    text = plain(client.get("/tracks/us-ukraine/"))
    assert re.search(
        r"Decree of the President of Ukraine No\. 854/2025 In force from 22 November 2025 to "
        r"28 November 2025\..*Andriy Yermak Head of delegation",
        text,
    )
    assert re.search(
        r"No\. 869/2025 In force from 28 November 2025; no later act recorded\..*"
        r"Rustem Umerov Head of delegation",
        text,
    )
    # At the rounds: Yermak led in Geneva on 23 November, Umerov from Florida on.
    assert heads(client, "us-ukraine", 1)["ukraine"] == ["Andriy Yermak"]
    assert heads(client, "us-ukraine", 2)["ukraine"] == ["Rustem Umerov"]
    yermak = plain(client.get("/people/andriy-yermak/"))
    assert re.search(
        r"Head of Ukraine's delegation appointed for the US–Ukraine consultations by Decree of "
        r"the President of Ukraine No\. 854/2025 from 22 November 2025 to 28 November 2025",
        yermak,
    )


def test_the_13_june_stage_makes_the_june_body_total_exactly_6057(client):
    june = api(
        client,
        "/api/v1/exchanges/",
        kind="bodies",
        occurred_on__gte="2025-06-11",
        occurred_on__lte="2025-06-16",
        page_size=50,
    )["results"]
    total = next(x for x in june if x["title"] == "Repatriation of bodies, 11–16 June")
    stages = [x for x in june if x["part_of"] and x["part_of"]["id"] == total["id"]]
    assert [x["occurred_on"] for x in stages] == [
        "2025-06-11", "2025-06-13", "2025-06-14", "2025-06-15", "2025-06-16"
    ]  # fmt: skip

    def ukraines_own(exchange):
        return sum(
            c["quantity"]
            for c in exchange["counts"]
            if c["receiving_side"] == "ukraine" and c["claimed_by"] == "ukraine"
        )

    assert sum(ukraines_own(x) for x in stages) == 6057 == ukraines_own(total)
    page = plain(client.get(f"/exchanges/{total['id']}/"))
    assert "Bodies, 13 June" in page
    assert "do not add up" not in page
    assert "1,200 on 13" not in page or "6,057" in page


def test_the_14_august_swap_returned_33_servicemen_and_51_civilians_to_ukraine(client):
    (swap,) = api(client, "/api/v1/exchanges/", occurred_on="2025-08-14")["results"]
    received = {
        (c["receiving_side"], c["category"], c["claimed_by"]): c["quantity"] for c in swap["counts"]
    }
    assert received == {
        ("ukraine", "pows", "ukraine"): 33,
        ("ukraine", "civilians", "ukraine"): 51,
        ("russia", "pows", "russia"): 84,
    }
    assert (swap["mediator"]["name"], swap["mediator_ordinal"], swap["mediator_running_total"]) == (
        "United Arab Emirates",
        16,
        4349,
    )
    page = plain(client.get(f"/exchanges/{swap['id']}/"))
    assert "Ukraine received prisoners of war: 33 per Ukraine" in page
    assert "Ukraine received civilians: 51 per Ukraine" in page


def test_umerov_is_nsdc_secretary_from_18_july_2025_by_decree_496(client):
    page = plain(client.get("/people/rustem-umerov/"))
    assert re.search(
        r"Secretary of the National Security and Defence Council , National Security and "
        r"Defence Council of Ukraine from 18 July 2025",
        page,
    )
    assert "decree 496/2025" in page
    umerov = api(client, "/api/v1/people/", q="Umerov")["results"][0]
    posts = api(client, "/api/v1/memberships/", person=umerov["id"])["results"]
    nsdc = next(p for p in posts if p["post"].startswith("Secretary of the National Security"))
    assert (nsdc["start_on"], nsdc["start_precision"]) == ("2025-07-18", "day")
    assert "496/2025" in nsdc["note"]
    defence = next(p for p in posts if p["post"] == "Minister of Defence")
    assert (defence["end_on"], defence["ended_date_unknown"]) == ("2025-07-17", False)


def test_the_24_april_2026_swap_of_193_each_is_the_uaes_claim(client):
    (swap,) = api(client, "/api/v1/exchanges/", occurred_on="2026-04-24")["results"]
    assert {(c["receiving_side"], c["quantity"], c["claimed_by"]) for c in swap["counts"]} == {
        ("ukraine", 193, "mediator"),
        ("russia", 193, "mediator"),
    }
    page = plain(client.get(f"/exchanges/{swap['id']}/"))
    assert "193" in page
    assert "its 22nd mediation; 6,691 people exchanged through it in all per UAE" in page


def test_round_2_started_at_14_40_to_14_44_istanbul_time(client):
    page = plain(client.get("/rounds/2/"))
    assert "Actual start 14:40 Istanbul time (1 h 40 min late)" in page
    assert "14:40 (RIA Novosti) or 14:44 (Ukraine's Foreign Ministry)" in page
    (round_2,) = api(client, "/api/v1/rounds/", track="istanbul", number=2)["results"]
    assert round_2["actual_start_at"] == "2025-06-02T14:40:00+03:00"


def test_the_record_says_how_far_it_reaches_on_every_page_and_in_the_api(client):
    for url in ("/", "/timeline/", "/commitments/", "/rounds/2/", "/people/"):
        page = client.get(url).content.decode()
        assert "Record reviewed to 15 May 2026" in page, url
    root = api(client, "/api/v1/")
    assert root["record"]["reviewed_to"] == "2026-05-15"
    (review,) = api(client, "/api/v1/reviews/")["results"]
    assert review["reviewed_to"] == "2026-05-15"
    assert root["record"]["review"] == review["url"]


def test_home_timeline_and_tracker_carry_the_talks_to_may_2026_by_track(client):
    home = plain(client.get("/"))
    for track in (
        "Istanbul direct talks",
        "US–Ukraine consultations",
        "US–Russia–Ukraine trilateral talks",
        "US–Russia channel",
    ):
        assert track in home
    assert "First trilateral round, Abu Dhabi" in home
    assert "Trump–Putin summit in Anchorage" in home

    timeline = client.get("/timeline/?page=999").context["page"]
    last = timeline.object_list[-1]
    assert (last.date.year, last.date.month) == (2026, 5)
    trilateral = plain(client.get("/timeline/?track=trilateral"))
    assert "First trilateral round, Abu Dhabi" in trilateral
    assert "Third round in Istanbul" not in trilateral
    api_timeline = api(client, "/api/v1/timeline/", track="trilateral", round=1)["results"]
    assert {item["title"] for item in api_timeline} >= {
        "Round 1: First trilateral round, Abu Dhabi"
    }

    tracker = plain(client.get("/commitments/"))
    assert "Across the whole record" in tracker
    for heading in (
        "Under the agreements of the Istanbul direct talks",
        "Under the agreements of the US–Russia–Ukraine trilateral talks",
    ):
        assert heading in tracker
    assert "Exchange of 500 prisoners of war for 500" in tracker
    assert "What the mediators say about their own count" in tracker


def test_exchanges_after_istanbul_say_which_agreement_they_carry_out_and_who_says_so(client):
    (august,) = api(client, "/api/v1/exchanges/", occurred_on="2025-08-24")["results"]
    assert (august["linkage_confidence"], august["linkage_stated_by"]) == ("confirmed", "both")
    assert august["track"]["name"] == "Istanbul direct talks"
    # Ukraine published no POW figure for it: 146 is Russia's and the UAE's.
    pows_to_ukraine = {
        c["claimed_by"]
        for c in august["counts"]
        if c["receiving_side"] == "ukraine" and c["category"] == "pows"
    }
    assert pows_to_ukraine == {"russia", "mediator"}
    (march,) = api(client, "/api/v1/exchanges/", occurred_on="2026-03-05")["results"]
    assert march["track"]["name"] == "US–Russia–Ukraine trilateral talks"
    assert march["commitment"]["name"] == "Exchange of 500 prisoners of war for 500"
    (may,) = api(client, "/api/v1/exchanges/", occurred_on="2026-05-15")["results"]
    assert may["linkage_confidence"] == "uncertain"
    unlinked = api(client, "/api/v1/exchanges/", occurred_on="2025-09-18")["results"]
    assert [x["commitment"] for x in unlinked] == [None]


def test_old_addresses_keep_working(client):
    assert client.get("/rounds/2/").status_code == 200
    assert client.get("/rounds/2.ics").status_code == 200
    assert client.get("/feeds/rounds/2/changes.atom").status_code == 200
    for new, old in (
        ("/tracks/istanbul/rounds/2/", "/rounds/2/"),
        ("/tracks/istanbul/rounds/2.ics", "/rounds/2.ics"),
        ("/feeds/tracks/istanbul/rounds/2/changes.atom", "/feeds/rounds/2/changes.atom"),
    ):
        response = client.get(new)
        assert (response.status_code, response["Location"]) == (301, old)
    # round=2 means the Istanbul talks' round 2, as it did before tracks.
    assert {
        d["round"]["name"] for d in api(client, "/api/v1/delegations/", round=2)["results"]
    } == {"Round 2: Second round in Istanbul"}
    assert client.get("/tracks/trilateral/rounds/2.ics").status_code == 200
    assert client.get("/feeds/tracks/trilateral/rounds/2/changes.atom").status_code == 200
    assert client.get("/tracks/trilateral/rounds/9/").status_code == 404


def test_state_outlets_are_flagged_whatever_the_state(client):
    flagged = {
        s["code"]: s["state_affiliation"]
        for s in api(client, "/api/v1/sources/", page_size=500)["results"]
    }
    assert flagged["U3"] == "turkiye"  # Anadolu
    assert flagged["S84"] == "turkiye"  # TRT World
    assert flagged["S72"] == "ukraine"  # Ukrinform
    assert flagged["S4"] == "china"  # Shanghai Daily (SHINE)
    assert flagged["U46"] == "china"  # People's Daily Online
    assert flagged["S33"] == "cuba"  # Prensa Latina
    assert flagged["S80"] == "uae"  # The National
    assert flagged["U12"] == "uae"  # mofa.gov.ae
    assert flagged["S94"] == "ukraine"  # president.gov.ua, replacing an addressless excerpt
    sources = plain(client.get("/sources/"))
    assert (
        "Emirati state-linked media" in sources or "Emirati state or state-linked outlet" in sources
    )


def test_no_staging_or_addressless_source_where_the_review_gives_an_original(client):
    sources = {s["code"]: s for s in api(client, "/api/v1/sources/", page_size=500)["results"]}
    assert sources["S54"]["link"].startswith("https://meduza.io/en/news/2025/06/02/")
    assert sources["S94"]["link"].startswith("https://www.president.gov.ua/")
    assert sources["S93"]["link"].startswith("https://hromadske.radio/")
    assert not any(".staging." in s["link"] for s in sources.values())
