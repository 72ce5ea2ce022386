"""The outcomes ledger (§6), prisoner swaps: each with its counts per receiving side, category
and claimant. Keyed by (occurred_on, title); `key` names an exchange in these modules so a stage
can point at its reported total (`part_of`). Where the sides differ, both figures are kept.
"""

from positions.istanbul.base import RU, UA, count, exchange

UAE = "United Arab Emirates"
R1 = "r1-pow-exchange-1000-for-1000"
R2_POWS = "r2-pows-wounded-ill-and-18-25"
R2_BODIES = "r2-bodies-6000-for-6000"
R3_POWS = "r3-pows-at-least-1200"
NOT_DISCLOSED = "Figures not disclosed: Ukraine withheld them until completion (§9)."


def june_stage(key, on, title, sources, confidence="confirmed", summary=NOT_DISCLOSED):
    return exchange(
        key,
        on,
        title,
        kind="pow_swap",
        sources=sources,
        commitment=R2_POWS,
        linkage="confirmed",
        part_of="june-pows",
        summary=summary,
        confidence=confidence,
    )


EXCHANGES = [
    exchange(
        "may-6",
        "2025-05-06",
        "POW swap, 205 for 205 (before the talks)",
        kind="pow_swap",
        mediator=UAE,
        sources="S88 S104",
        summary="A UAE-mediated swap ten days before round 1; not an Istanbul outcome.",
        counts=[
            count(UA, "pows", 205, claimed_by=UA, sources="S88 S104"),
            count(RU, "pows", 205, claimed_by=RU, sources="S88 S104"),
        ],
    ),
    exchange(
        "may-16-bodies",
        "2025-05-16",
        "Repatriation of 909 bodies to Ukraine",
        kind="bodies",
        sources="S96",
        summary="The same day as round 1; not an Istanbul outcome.",
        confidence="single_source",
        counts=[count(UA, "bodies", 909, claimed_by=UA, sources="S96", confidence="single_source")],
    ),
    # The 1,000-for-1,000 exchange agreed at round 1.
    exchange(
        "may-23",
        "2025-05-23",
        "1,000 for 1,000, stage 1: 390 each",
        kind="pow_swap",
        commitment=R1,
        linkage="confirmed",
        sources="S22",
        summary="270 military and 120 civilians each way; three women among those returned to Ukraine.",
        counts=[
            count(UA, "pows", 270, claimed_by=UA, sources="S22"),
            count(UA, "civilians", 120, claimed_by=UA, sources="S22"),
            count(RU, "pows", 270, claimed_by=RU, sources="S22"),
            count(RU, "civilians", 120, claimed_by=RU, sources="S22"),
        ],
    ),
    exchange(
        "may-24",
        "2025-05-24",
        "1,000 for 1,000, stage 2: 307 each",
        kind="pow_swap",
        commitment=R1,
        linkage="confirmed",
        sources="S23",
        confidence_note="Confirmed on Ukraine's side; the separate RU MoD figure is not in these sources.",
        counts=[
            count(UA, "pows", 307, claimed_by=UA, sources="S23"),
            count(
                RU,
                "pows",
                307,
                claimed_by=UA,
                sources="S23",
                note="Symmetric format, as Ukraine reports it; the RU MoD figure is not in these sources.",
            ),
        ],
    ),
    exchange(
        "may-25",
        "2025-05-25",
        "1,000 for 1,000, stage 3: 303 each",
        kind="pow_swap",
        commitment=R1,
        linkage="confirmed",
        sources="S24 S25",
        summary="Completes 1,000 each.",
        counts=[
            count(UA, "pows", 303, claimed_by=UA, sources="S24 S25"),
            count(RU, "pows", 303, claimed_by=RU, sources="S24 S25"),
        ],
    ),
    # Round 2: POW stages under the 2 June agreement.
    exchange(
        "june-pows",
        "2025-06-09",
        "Exchanges under the 2 June agreement",
        ended="2025-07-23",
        kind="pow_swap",
        commitment=R2_POWS,
        linkage="confirmed",
        sources="S59 S60 S62 S63 S64 S69",
        summary="Stages from 9 June to the '9th stage' on 23 July, the day of round 3. Ukraine "
        "withheld the daily figures until completion; Zelensky, 23 July: over 1,000 returned in "
        "all stages of the June agreements.",
        counts=[
            count(
                UA,
                "pows",
                1000,
                precision="at_least",
                claimed_by=UA,
                sources="S63 S69",
                confidence="single_source",
                note="Zelensky, 23 July: over 1,000, cumulative.",
            ),
        ],
    ),
    june_stage(
        "june-9",
        "2025-06-09",
        "June exchange, stage 1: POWs under 25",
        "S59 S60",
        summary="Transfer via Belarus. " + NOT_DISCLOSED,
    ),
    june_stage("june-10", "2025-06-10", "June exchange, stage 2", "S60 S62"),
    june_stage("june-12", "2025-06-12", "June exchange: seriously wounded and ill", "S60 S62"),
    june_stage(
        "june-14",
        "2025-06-14",
        "June exchange: the fourth in a week",
        "S60 S62",
        summary="Wounded and ill, many of them Mariupol defenders. " + NOT_DISCLOSED,
    ),
    june_stage(
        "june-19",
        "2025-06-19",
        "June exchange: further stage (19 June)",
        "S63 S64",
        confidence="single_source",
    ),
    june_stage(
        "june-20",
        "2025-06-20",
        "June exchange: further stage (20 June)",
        "S63 S64",
        confidence="single_source",
    ),
    june_stage(
        "june-26",
        "2025-06-26",
        "June exchange: further stage (26 June)",
        "S63 S64",
        confidence="single_source",
    ),
    june_stage(
        "july-4",
        "2025-07-04",
        "June exchange: further stage (4 July)",
        "S63 S64",
        confidence="single_source",
    ),
    june_stage(
        "july-23",
        "2025-07-23",
        "June exchange, '9th stage': seriously ill and injured",
        "S63 S69",
        confidence="single_source",
        summary="The same day as round 3. " + NOT_DISCLOSED,
    ),
    # After round 3.
    exchange(
        "aug-14",
        "2025-08-14",
        "POW swap, 84 for 84",
        kind="pow_swap",
        mediator=UAE,
        linkage_note="Not linked: a link to the round-3 agreement is not stated (§9).",
        sources="S79",
        summary="Including civilians, some held since 2014, 2016 and 2017, and Mariupol defenders.",
        counts=[
            count(UA, "pows", 84, claimed_by=UA, sources="S79", note="Including civilians."),
            count(RU, "pows", 84, claimed_by=RU, sources="S79"),
        ],
    ),
    exchange(
        "aug-24",
        "2025-08-24",
        "POW swap, 146 for 146, and 8 civilians each",
        kind="pow_swap",
        commitment=R3_POWS,
        linkage="uncertain",
        linkage_note="Linked to round 3 by some outlets [uncertain]; whether it counts towards "
        "the 23 July '≥1,200' agreement is not established (§9).",
        mediator=UAE,
        mediator_note="The UAE's 17th mediation; 4,641 people in total.",
        sources="S80 S81",
        summary="Among those returned to Ukraine: UNIAN journalist Dmytro Khyliuk. The 8 "
        "returned to Russia were Kursk residents.",
        counts=[
            count(UA, "pows", 146, claimed_by=UA, sources="S80 S81"),
            count(
                UA,
                "civilians",
                8,
                claimed_by=UA,
                sources="S80 S81",
                note="Including UNIAN journalist Dmytro Khyliuk.",
            ),
            count(RU, "pows", 146, claimed_by=RU, sources="S80 S81"),
            count(RU, "civilians", 8, claimed_by=RU, sources="S80 S81", note="Kursk residents."),
        ],
    ),
    exchange(
        "oct-2",
        "2025-10-02",
        "POW swap, 185 for 185, and 20 civilians each",
        kind="pow_swap",
        commitment=R3_POWS,
        linkage="contested",
        linkage_note="RU MoD: 'in accordance with 23 July agreements' (S85). UA Coordination "
        "HQ: partly the Istanbul agreements, partly a separate 69th exchange (S82, S83).",
        sources="S82 S83 S84 S85",
        confidence_note="Numbers confirmed; the link to round 3 is contested.",
        counts=[
            count(UA, "pows", 185, claimed_by=UA, sources="S82 S83 S84"),
            count(UA, "civilians", 20, claimed_by=UA, sources="S82 S83 S84"),
            count(RU, "pows", 185, claimed_by=RU, sources="S84 S85"),
            count(RU, "civilians", 20, claimed_by=RU, sources="S84 S85"),
        ],
    ),
]
