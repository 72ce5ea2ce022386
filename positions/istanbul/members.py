"""Building blocks of the delegations: one member row, and the members who recur across rounds.

`at_table`: True sat at the negotiating table, False in Istanbul only, None unknown.
"""

from positions.istanbul.base import refs


def member(
    person,
    title,
    *,
    role="member",
    sources,
    at_table=True,
    represents="",
    confidence="confirmed",
    confidence_note="",
    note="",
):
    return {
        "person": person,
        "role": role,
        "title_at_time": title,
        "represents": represents,
        "at_table": at_table,
        "note": note,
        "sources": refs(sources),
        "confidence": confidence,
        "confidence_note": confidence_note,
    }


MOD = "Minister of Defence"
NSDC = "Secretary of the National Security and Defence Council"
PRESUMED = (
    "'✓?' in the facts file: in the previous decree, and the round-2 change note mentions only "
    "Malovatskyi out and Kovbasa, Ostrianskyi and Fomin in; so presumably still a member, but "
    "the full round-2 list is not in these sources."
)
ADVISER_NOTE = (
    "Coordinated positions with Ukraine's leadership in Istanbul on the morning of 16 May; per "
    "AFP, the Europeans were excluded from the Russia–Ukraine talks themselves (S9, S10)."
)
US_NOTE = (
    "At the 16 May Türkiye–US–Ukraine trilateral and the coordination meeting with Ukraine's "
    "leadership; not part of the Russia–Ukraine talks (S7, S8, S9)."
)


def ukraine_core(round_number):
    """The nine decree members named in all three rounds (§4), after the head."""
    r3 = round_number == 3
    return [
        member(
            "serhiy-kyslytsia", "First Deputy Minister of Foreign Affairs", sources="S13 S93 S72"
        ),
        member(
            "oleksandr-poklad",
            "Deputy Head of the Security Service of Ukraine (SBU)",
            sources="S13 S103 S72",
        ),
        member(
            "oleh-luhovskyi",
            "First Deputy Head of the Foreign Intelligence Service",
            sources="S13 S93 S72",
        ),
        member(
            "vadym-skibitskyi", "Deputy Chief of Defence Intelligence (HUR)", sources="S13 S37 S72"
        ),
        member("oleksandr-diakov", "Deputy Chief of Staff, Navy Command", sources="S13 S93 S72"),
        member(
            "heorhiy-kuzmychov",
            "Protocol officer, office of the Commander-in-Chief",
            sources="S13 S93 S74" if r3 else "S13 S93",
            confidence="confirmed" if round_number == 1 else "single_source",
            confidence_note=""
            if round_number == 1
            else "Confirmed for round 1; single source for rounds 2 and 3 (§4).",
        ),
        member(
            "oleksandr-bevz",
            "Adviser to the Head of the Office of the President",
            sources="S13 S31 S72",
        ),
    ]


def ukraine_military(round_number):
    """Shevchenko, Shynkarev and Sherikhov: confirmed in rounds 1 and 3, presumed in round 2."""
    presumed = round_number == 2
    extra = {"confidence": "uncertain", "confidence_note": PRESUMED} if presumed else {}
    shynkarev = (
        {
            "confidence": "single_source",
            "confidence_note": "Confirmed for round 1; single source (S74) for round 3.",
        }
        if round_number == 3
        else extra
    )
    return [
        member(
            "oleksiy-shevchenko", "Deputy Chief of the General Staff", sources="S13 S73", **extra
        ),
        member(
            "yevhen-shynkarev",
            "Deputy Chief of Staff, Air Force Command",
            sources="S13 S74" if round_number == 3 else "S13",
            **shynkarev,
        ),
        member(
            "oleksandr-sherikhov",
            "Senior officer, Main Operational Directorate, General Staff",
            sources="S13 S73",
            **extra,
        ),
    ]


RUSSIA_PRINCIPALS = [
    member(
        "vladimir-medinsky",
        "Aide to the President of Russia",
        role="head",
        sources="S11 S12 S54 S76",
    ),
    member("mikhail-galuzin", "Deputy Minister of Foreign Affairs", sources="S11 S12 S76"),
    member(
        "igor-kostyukov",
        "Head of the Main Directorate of the General Staff (GRU)",
        sources="S11 S12 S76",
    ),
    member("alexander-fomin", "Deputy Minister of Defence", sources="S11 S12 S76"),
]

RUSSIA_EXPERTS = [
    member(
        "alexander-zorin",
        "First Deputy Head of an information directorate of the General Staff (wording varies by source)",
        role="expert",
        sources="S11 S12",
        at_table=None,
    ),
    member(
        "elena-podobreevskaya",
        "Deputy Head, Presidential Directorate for State Policy in the Humanitarian Sphere",
        role="expert",
        sources="S11 S12",
        at_table=None,
    ),
    member(
        "alexey-polishchuk",
        "Director, Second CIS Department, MFA",
        role="expert",
        sources="S11 S12",
        at_table=None,
    ),
    member(
        "shevtsov",
        "Deputy Head, Main Directorate of International Military Cooperation, MoD",
        role="expert",
        sources="S11 S12",
        at_table=None,
        confidence="contested",
        confidence_note="First name conflicts: 'Viktor' (S12, VZ/Kremlin list) vs 'Vladimir' (S11, Interbellum).",
    ),
]
