"""Delegations per round and their members (§4 of the facts file; §0 and §2 for partners).

Keyed by (round number, side); participants by person slug within their delegation, listed
head first. `at_table`: True sat at the negotiating table, False in Istanbul only, None unknown.
"""

from positions.istanbul.base import day, refs


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

DELEGATIONS = [
    # Round 1, 16 May 2025.
    {
        "round": 1,
        "side": "ukraine",
        "organization": "Ukraine",
        "appointing_act": "Decree of the President of Ukraine No. 306/2025",
        "appointed_on": day("2025-05-15"),
        "reported_size": 12,
        "summary": "Twelve members set by decree 306/2025, headed by Defence Minister Rustem "
        "Umerov. Zelensky said the delegation would go 'though not in full': SBU head Malyuk and "
        "Chief of General Staff Hnatov did not go (S16, S17). Foreign Minister Sybiha and Head of "
        "the Presidential Office Yermak were in Istanbul for the trilateral and consultations, not "
        "as delegation members.",
        "sources": refs("S13 S14 S15 S16"),
        "confidence": "confirmed",
        "participants": [
            member("rustem-umerov", MOD, role="head", sources="S13 S25"),
            *ukraine_core(1)[:4],
            *ukraine_military(1)[:2],
            ukraine_core(1)[4],
            member(
                "oleksiy-malovatskyi",
                "Head, International and Operational Law Department, Central Legal Directorate of the General Staff",
                sources="S13 S29 S30",
            ),
            ukraine_military(1)[2],
            *ukraine_core(1)[5:],
            member(
                "andrii-sybiha",
                "Minister of Foreign Affairs",
                role="accompanying",
                sources="S7 S9",
                at_table=False,
                note="In Istanbul for the 16 May trilateral and consultations; not a member of "
                "the delegation at the table.",
            ),
            member(
                "andriy-yermak",
                "Head of the Office of the President",
                role="accompanying",
                sources="S7 S9",
                at_table=False,
                note="In Istanbul for the 16 May trilateral and consultations; not a member of "
                "the delegation at the table.",
            ),
        ],
    },
    {
        "round": 1,
        "side": "russia",
        "organization": "Russian Federation",
        "appointing_act": "Named by the Kremlin on 14 May 2025",
        "appointed_on": day("2025-05-14"),
        "reported_size": None,
        "summary": "Head Vladimir Medinsky, who also led Russia's 2022 Istanbul delegation; "
        "members Galuzin, Kostyukov and Fomin; four experts attached (S11, S12). The seed article "
        "calls Medinsky a close Putin ally and nationalist ideologue.",
        "sources": refs("S11 S12 S17"),
        "confidence": "confirmed",
        "participants": [*RUSSIA_PRINCIPALS, *RUSSIA_EXPERTS],
    },
    {
        "round": 1,
        "side": "host",
        "organization": "Türkiye",
        "summary": "Foreign Minister Hakan Fidan opened and chaired; MİT head İbrahim Kalın attended.",
        "sources": refs("S4 S18 S19"),
        "confidence": "confirmed",
        "participants": [
            member(
                "hakan-fidan",
                "Minister of Foreign Affairs of Türkiye",
                role="chair",
                sources="S4 S18 S19",
            ),
            member(
                "ibrahim-kalin",
                "Head of the National Intelligence Organization (MİT)",
                role="host",
                sources="S18 S19",
            ),
        ],
    },
    {
        "round": 1,
        "side": "partners",
        "organization": None,
        "summary": "US, UK, French and German officials were in Istanbul on 16 May. On the "
        "morning of 16 May Umerov, Sybiha and Yermak met US envoy Kellogg, UK NSA Jonathan "
        "Powell, French diplomatic adviser Emmanuel Bonne and German chancellor's adviser Günther "
        "Sautter 'to coordinate positions' (S9, S10). Rubio, Barrack and Kellogg took part in the "
        "Türkiye–US–Ukraine trilateral (S7, S8). None of them sat at the Russia–Ukraine table: "
        "per AFP the Europeans were excluded from the talks themselves (S10).",
        "sources": refs("S7 S8 S9 S10"),
        "confidence": "confirmed",
        "confidence_note": "The coordination meeting is confirmed; the exclusion from the talks "
        "rests on AFP alone (S10).",
        "participants": [
            member(
                "jonathan-powell",
                "National Security Adviser",
                role="adviser",
                represents="United Kingdom",
                sources="S9 S10",
                at_table=False,
                note=ADVISER_NOTE,
            ),
            member(
                "emmanuel-bonne",
                "Diplomatic adviser to the President of France",
                role="adviser",
                represents="France",
                sources="S9 S10",
                at_table=False,
                note=ADVISER_NOTE,
            ),
            member(
                "gunther-sautter",
                "Foreign and security policy adviser to the Chancellor",
                role="adviser",
                represents="Germany",
                sources="S9 S10",
                at_table=False,
                note=ADVISER_NOTE,
            ),
            member(
                "marco-rubio",
                "Secretary of State",
                role="observer",
                represents="United States",
                sources="S7 S8",
                at_table=False,
                note=US_NOTE,
            ),
            member(
                "tom-barrack",
                "Ambassador to Türkiye",
                role="observer",
                represents="United States",
                sources="S7 S8",
                at_table=False,
                note=US_NOTE,
            ),
            member(
                "keith-kellogg",
                "Special Envoy",
                role="observer",
                represents="United States",
                sources="S7 S8 S9",
                at_table=False,
                note=US_NOTE,
            ),
        ],
    },
    # Round 2, 2 June 2025.
    {
        "round": 2,
        "side": "ukraine",
        "organization": "Ukraine",
        "appointing_act": "Decree of the President of Ukraine No. 359/2025",
        "appointed_on": day("2025-06-01"),
        "reported_size": 14,
        "summary": "Fourteen members set by decree 359/2025, headed by Defence Minister Rustem "
        "Umerov (S29, S30, S54, S25). The change note mentions only Malovatskyi out and Kovbasa, "
        "Ostrianskyi and Fomin in; three members carried over from decree 306/2025 are presumed, "
        "not confirmed. The seed article: 'Ukraine's delegation is headed by Defence Minister "
        "Rustem Umerov'.",
        "sources": refs("S29 S30 S54 S25 S93 SEED"),
        "confidence": "confirmed",
        "participants": [
            member("rustem-umerov", MOD, role="head", sources="S25 S29 SEED"),
            *ukraine_core(2)[:4],
            *ukraine_military(2)[:2],
            ukraine_core(2)[4],
            ukraine_military(2)[2],
            *ukraine_core(2)[5:],
            member(
                "yuriy-kovbasa",
                "Representative of the Parliament's human-rights commissioner in the security and defence sector",
                sources="S29 S30",
            ),
            member("yevhenii-ostrianskyi", "Deputy Chief of the General Staff", sources="S29 S30"),
            member(
                "andrii-fomin",
                "Deputy head, General Staff Legal Directorate (reported)",
                sources="S30 S54",
                confidence="uncertain",
                confidence_note="Single source / uncertain (§4): reported by S30 and S54; consistent with the 14-member count.",
            ),
        ],
    },
    {
        "round": 2,
        "side": "russia",
        "organization": "Russian Federation",
        "summary": "Unchanged, per Meduza (S54): Medinsky with Galuzin, Kostyukov and Fomin. The "
        "experts for round 2 are not verified in these sources. The seed article: 'Russia will be "
        "represented by Vladimir Medinsky'.",
        "sources": refs("S54 S11 S12 SEED"),
        "confidence": "confirmed",
        "participants": [
            {**p, "sources": p["sources"] + ("SEED",) if p["role"] == "head" else p["sources"]}
            for p in RUSSIA_PRINCIPALS
        ],
    },
    {
        "round": 2,
        "side": "host",
        "organization": "Türkiye",
        "summary": "Fidan opened, citing the 16 May 'very important steps'; MİT head Kalın took "
        "part (S33, S54). One weak source adds Chief of General Staff Gen. Metin Gürak (S34).",
        "sources": refs("S33 S54 S34"),
        "confidence": "confirmed",
        "participants": [
            member(
                "hakan-fidan",
                "Minister of Foreign Affairs of Türkiye",
                role="chair",
                sources="S33 S54",
            ),
            member(
                "ibrahim-kalin",
                "Head of the National Intelligence Organization (MİT)",
                role="host",
                sources="S33 S54",
            ),
            member(
                "metin-gurak",
                "Chief of the Turkish General Staff",
                role="host",
                sources="S34",
                at_table=None,
                confidence="uncertain",
                confidence_note="Only one weak source (S34) names him.",
            ),
        ],
    },
    {
        "round": 2,
        "side": "partners",
        "organization": None,
        "summary": "A German government spokesperson said diplomatic advisers from Germany, "
        "France and the UK would be present in Istanbul to support Ukraine's delegation (seed "
        "article). Before the talks, Ukraine's Kyslytsia and Bevz met representatives of Germany, "
        "Italy and the UK to align positions (S31, S33). Kellogg had said the E3 national "
        "security advisers and the US would be in Istanbul (S32); actual US attendance is not "
        "verified. None of these partners is reported at the Russia–Ukraine table, and none is "
        "named in these sources, so no participant is listed.",
        "sources": refs("SEED S31 S33 S32"),
        "confidence": "confirmed",
        "confidence_note": "The meeting with Germany, Italy and the UK is confirmed; US "
        "attendance is uncertain (S32, a RU-state aggregator quoting Kellogg to ABC).",
        "participants": [],
    },
    # Round 3, 23 July 2025.
    {
        "round": 3,
        "side": "ukraine",
        "organization": "Ukraine",
        "appointing_act": "Decree of the President of Ukraine No. 539/2025",
        "appointed_on": day("2025-07-22"),
        "reported_size": 14,
        "summary": "Fourteen members set by decree 539/2025, headed by Rustem Umerov, now "
        "Secretary of the National Security and Defence Council (S72, S75). Thirteen are named in "
        "these sources; the fourteenth member is unverified (§9).",
        "sources": refs("S72 S73 S74 S75"),
        "confidence": "confirmed",
        "participants": [
            member("rustem-umerov", NSDC, role="head", sources="S72 S76 S86"),
            *ukraine_core(3)[:4],
            *ukraine_military(3)[:2],
            ukraine_core(3)[4],
            ukraine_military(3)[2],
            *ukraine_core(3)[5:],
            member(
                "yuriy-kovbasa",
                "Representative of the Parliament's human-rights commissioner in the security and defence sector",
                sources="S29 S72",
            ),
            member("yevhenii-ostrianskyi", "Deputy Chief of the General Staff", sources="S29 S72"),
        ],
    },
    {
        "round": 3,
        "side": "russia",
        "organization": "Russian Federation",
        "summary": "The same four principals: Medinsky, Galuzin, Kostyukov, Fomin (S76). The "
        "experts for round 3 are not verified in these sources.",
        "sources": refs("S76 S66 S86"),
        "confidence": "confirmed",
        "participants": [
            {**p, "sources": refs("S76 S86") if p["role"] == "head" else refs("S76")}
            for p in RUSSIA_PRINCIPALS
        ],
    },
    {
        "round": 3,
        "side": "host",
        "organization": "Türkiye",
        "summary": "Fidan chaired. Per a senior Turkish official, the Turkish side also included "
        "the intelligence head and a senior military official (S76); the military official is "
        "not named.",
        "sources": refs("S66 S86 S76"),
        "confidence": "confirmed",
        "participants": [
            member(
                "hakan-fidan",
                "Minister of Foreign Affairs of Türkiye",
                role="chair",
                sources="S66 S86",
            ),
            member(
                "ibrahim-kalin",
                "Head of the National Intelligence Organization (MİT)",
                role="host",
                sources="S76",
                confidence="single_source",
                confidence_note="A Turkish official's 'head of intelligence' wording (S76); not named.",
            ),
        ],
    },
]
