"""Delegations per round and their members (§4 of the facts file; §0 and §2 for partners).

Keyed by (round number, side); participants by person slug within their delegation, listed
head first. The member rows are built in members.py.
"""

from positions.istanbul.base import day, refs
from positions.istanbul.members import (
    ADVISER_NOTE,
    MOD,
    NSDC,
    RUSSIA_EXPERTS,
    RUSSIA_PRINCIPALS,
    US_NOTE,
    member,
    ukraine_core,
    ukraine_military,
)

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
        "members Galuzin, Kostyukov and Fomin; four experts attached (S11, S12).",
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
