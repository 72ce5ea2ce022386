"""The outcomes ledger (§6), bodies and children: repatriations and the record of children
returned, with both sides' figures. Same conventions as exchanges.py.
"""

from positions.istanbul.base import RU, UA, count, exchange
from positions.istanbul.exchanges import R2_BODIES

REPATRIATIONS = [
    # Round 2: bodies.
    exchange(
        "june-bodies",
        "2025-06-11",
        "Repatriation of bodies, 11–16 June",
        ended="2025-06-16",
        kind="bodies",
        commitment=R2_BODIES,
        linkage="confirmed",
        mediator="International Committee of the Red Cross",
        mediator_note="Assisted (per UA officials).",
        sources="S61 S62 S65 S100",
        summary="Ukraine says it received 6,057 bodies (UA Coordination Headquarters); Russia "
        "says it delivered 6,060 and received 78 (§7.1). The daily figures in these sources "
        "(1,212 + 1,200 + 1,200 + 1,245 = 4,857) do not itemise every day.",
        confidence="contested",
        confidence_note="The sides' totals differ: 6,057 (Ukraine) vs 6,060 (Russia); 78 received "
        "by Russia in total (Medinsky) vs 27 on 11 June (RU MoD).",
        counts=[
            count(
                UA,
                "bodies",
                6057,
                claimed_by=UA,
                sources="S61 S65",
                note="UA Coordination Headquarters.",
            ),
            count(
                UA,
                "bodies",
                6060,
                claimed_by=RU,
                sources="S62",
                note="Russia says it delivered 6,060.",
            ),
            count(
                RU,
                "bodies",
                78,
                claimed_by=RU,
                sources="S62",
                note="Medinsky: received 78 in total.",
            ),
        ],
    ),
    exchange(
        "june-11-bodies",
        "2025-06-11",
        "Bodies, 11 June",
        kind="bodies",
        commitment=R2_BODIES,
        linkage="confirmed",
        part_of="june-bodies",
        sources="S61 S63",
        confidence_note="Ukraine's 1,212 is confirmed; Russia's 27 is single-source (RU MoD, per Euromaidan Press).",
        counts=[
            count(UA, "bodies", 1212, claimed_by=UA, sources="S61"),
            count(
                RU,
                "bodies",
                27,
                claimed_by=RU,
                sources="S63",
                confidence="single_source",
                note="RU MoD, per Euromaidan Press.",
            ),
        ],
    ),
    *[
        exchange(
            f"june-{d}-bodies",
            f"2025-06-{d}",
            f"Bodies, {d} June",
            kind="bodies",
            commitment=R2_BODIES,
            linkage="confirmed",
            part_of="june-bodies",
            sources=s,
            counts=[count(UA, "bodies", n, claimed_by=UA, sources=s)],
        )
        for d, n, s in [(14, 1200, "S61"), (15, 1200, "S61"), (16, 1245, "S61 S100")]
    ],
    # Children (§6 last row).
    exchange(
        "children",
        "2025-06-02",
        "Return of children on Ukraine's list of 339",
        ended="2025-07-24",
        kind="children",
        commitment="r2-children-list-339",
        linkage="contested",
        linkage_note="Medinsky's 2 June figures describe returns before the list was handed "
        "over; Yermak's 6 returned the week before 24 July.",
        mediator_note="An unnamed mediator in Yermak's statement (truncated) [uncertain].",
        sources="S52 S70 S78",
        summary="Yermak, 24 July: 6 children returned (5 from one family); Russia gave partial "
        "information on fewer than a fifth. Medinsky, 2 June: the Russian ombudsman 'returned "
        "101', and 22 were returned 'from the Ukrainian side'; 23 July: the list 'fully processed'.",
        confidence="contested",
        confidence_note="The sides' accounts differ (§7.3).",
        counts=[
            count(
                UA,
                "children",
                6,
                claimed_by=UA,
                sources="S78",
                note="Yermak, 24 July: 5 from one family.",
            ),
            count(
                UA,
                "children",
                101,
                claimed_by=RU,
                sources="S52",
                note="Medinsky, 2 June: 'returned 101' by the Russian ombudsman.",
            ),
            count(
                RU,
                "children",
                22,
                claimed_by=RU,
                sources="S52",
                note="Medinsky, 2 June: returned 'from the Ukrainian side'.",
            ),
        ],
    ),
]
