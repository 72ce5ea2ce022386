"""Venues and the three rounds (§1–§3 of the facts file, and the seed article for round 2).

Times are local Istanbul time (UTC+3 in 2025, equal to Moscow time). Where the sources give
only an approximate time, the exact field stays blank and `timing_note` says what is known.
"""

from decimal import Decimal

from positions.istanbul.base import day, istanbul, refs

# The sources name the places; the map position is general reference, not from them.
COORDINATES_NOTE = "Coordinates are general reference, not taken from the cited sources."

VENUES = [
    {
        "name": "Dolmabahçe Palace",
        "native_name": "Dolmabahçe Sarayı",
        "aliases": "Dolmabahce Palace\nDolmabahce\nDolmabahçe Presidential Office\n"
        "Dolmabahçe Çalışma Ofisi\nДолмабахче",
        "city": "Istanbul",
        "country_code": "TR",
        "latitude": Decimal("41.03917"),
        "longitude": Decimal("29.00028"),
        "description": "Ottoman palace on the European shore of the Bosphorus; the Turkish "
        "presidency's Dolmabahçe Presidential Office is in its grounds. Round 1 and the 16 May "
        "Türkiye–US–Ukraine trilateral were held there (S1, S7, S96).",
        "sources": refs("S1 S7 S96"),
        "confidence": "confirmed",
        "confidence_note": COORDINATES_NOTE,
    },
    {
        "name": "Çırağan Palace",
        "native_name": "Çırağan Sarayı",
        "aliases": "Ciragan Palace\nCiragan\nChiragan\nЧирагань\nЧыраган",
        "city": "Istanbul",
        "country_code": "TR",
        "latitude": Decimal("41.04361"),
        "longitude": Decimal("29.01611"),
        "description": "An Ottoman-era mansion now operating as a luxury hotel on the Bosphorus "
        "(seed article). Rounds 2 and 3 were held there (S28, S35, S99; S66, S67, S86).",
        "sources": refs("SEED S28 S35 S99 S66 S67 S86"),
        "confidence": "confirmed",
        "confidence_note": COORDINATES_NOTE,
    },
]

ROUNDS = [
    {
        "number": 1,
        "title": "First round in Istanbul",
        "status": "held",
        "held_on": day("2025-05-16"),
        "scheduled_start_at": None,
        "actual_start_at": istanbul("2025-05-16 13:30"),
        "actual_end_at": None,
        "timing_note": "About 13:30–13:35 local; under two hours ('about two hours', 'nearly "
        "two hours'). No scheduled time is given in these sources (S1, S5, S6, S18).",
        "venue": "Dolmabahçe Palace",
        "format": "plenary",
        "format_note": "Behind closed doors; no handshake reported; half the Ukrainian "
        "delegation in military uniform (S5, S19, S4) [single source].",
        "working_language": "",
        "chair": "hakan-fidan",
        "hosts": (
            "Ministry of Foreign Affairs of Türkiye",
            "National Intelligence Organization of Türkiye",
        ),
        "summary": """\
The first direct Russia–Ukraine talks since March 2022 (S4, S19), prompted by US President
Donald Trump (seed article). Turkish Foreign Minister Hakan Fidan opened and chaired; MİT head
İbrahim Kalın attended (S4, S18, S19). Fidan urged a ceasefire as soon as possible and said the
talks should lay the ground for a leaders' meeting: there are "two paths", one to peace, one to
more destruction (S19, S5).

**Outcomes announced**
- an exchange of prisoners, **1,000 for 1,000** (S1, S2, S3, S4, S6);
- each side to **present its written vision of a possible ceasefire**, after which talks
  continue (S1, S3, S4);
- Ukraine asked for a **Zelensky–Putin meeting**; Russia "took note" (S1, S3, S4);
- per Fidan, the sides agreed "in principle" to meet again (S4, single source).

Per ISW, Medinsky cast the 2025 talks as a continuation of the 2022 Istanbul process (S20).
""",
        "sources": refs("S1 S2 S3 S4 S5 S6 S7 S18 S19 S96 SEED"),
        "confidence": "confirmed",
        "confidence_note": "Venue, start, duration, chair and outcomes confirmed; the format notes "
        "(closed doors, no handshake, uniforms) rest on single sources.",
    },
    {
        "number": 2,
        "title": "Second round in Istanbul",
        "status": "held",
        "held_on": day("2025-06-02"),
        "scheduled_start_at": istanbul("2025-06-02 13:00"),
        "actual_start_at": None,
        "actual_end_at": None,
        "timing_note": "Scheduled for 13:00 local (S28; the seed article: '1pm (10am Irish time)'; 13:00 "
        "local is 10:00 UTC, and Ireland was then on summer time, UTC+1, so 11:00 in Dublin). "
        "Began more than 1.5 h late (S35, S54, S57); the exact start is not established. Lasted "
        "about an hour or a little more; Meduza: under two hours. The duration is contested "
        "(facts §7.7): 'barely an hour' (S45), 'more than an hour' (S35), 'less than two hours' "
        "(S54).",
        "venue": "Çırağan Palace",
        "format": "heads_then_plenary",
        "format_note": "A private Medinsky–Umerov meeting before the plenary (S56); one unnamed "
        "RT source put it at about 2.5 h [uncertain].",
        "working_language": "ru",
        "chair": "hakan-fidan",
        "hosts": (
            "Ministry of Foreign Affairs of Türkiye",
            "National Intelligence Organization of Türkiye",
        ),
        "summary": """\
Proposed by Lavrov on 28 May (S26, S27). Held one day after Ukraine's drone strike on Russian
strategic bombers (seed article). Fidan opened, citing the 16 May "very important steps"; the
agenda was a ceasefire, exchanges and a leaders' meeting (S33, S54). The talks were held in
Russian (S57).

**Documents.** Ukraine's "Ukraine–Russia Negotiations Framework" was sent in advance (S25,
S46, S47, S48, S95). Russia had refused to send its demands in advance despite Ukrainian
pressure (seed article) and handed its memorandum over only at the meeting (S35, S36, S25);
TASS, RIA and Interfax published it the same evening (S41–S45).

**Outcomes**
- all-for-all exchange of **seriously wounded/ill POWs** and of **POWs aged 18–25** (S37, S38,
  S39, S56) — Medinsky: at least 1,000 each (S56); Zelensky: 1,000 each plus possibly 200 (S40);
- return of **6,000 bodies for 6,000** (S37, S38, S39);
- Russia offered a **2–3-day ceasefire in some sections of the front** to collect bodies;
  Zelensky and Umerov rejected it as not a ceasefire (S38, S40, S45, S101);
- Ukraine handed over a **list of abducted children**; Medinsky confirmed **339 names**
  (S35, S54, S51, S52, S53);
- Ukraine proposed the **next round between 20 and 30 June** and wanted an answer on a
  leaders' meeting by the end of June (S38, S40, S57).

The seed article, published that morning: the two sides remain far apart; Ukraine demands an
immediate and unconditional ceasefire, the release of prisoners and the return of abducted
children; Russia presses for limits on Ukraine's military, a ban on NATO membership and large
territorial concessions.
""",
        "sources": refs("S26 S27 S28 S33 S35 S36 S37 S38 S39 S40 S54 S57 S99 SEED"),
        "confidence": "confirmed",
        "confidence_note": "Schedule, venue and outcomes confirmed; the delay and the language "
        "rest on single sources; the duration is contested (§7.7).",
    },
    {
        "number": 3,
        "title": "Third round in Istanbul",
        "status": "held",
        "held_on": day("2025-07-23"),
        "scheduled_start_at": istanbul("2025-07-23 19:00"),
        "actual_start_at": istanbul("2025-07-23 20:37"),
        "actual_end_at": istanbul("2025-07-23 21:16"),
        "timing_note": "Scheduled 19:00 local. Plenary 20:37 to about 21:16 (about 40 minutes), "
        "after a one-on-one Medinsky–Umerov meeting (S66, S67, S87).",
        "venue": "Çırağan Palace",
        "format": "heads_then_plenary",
        "format_note": "One-on-one Medinsky–Umerov meeting, then plenary. Fidan chaired; per a "
        "senior Turkish official the Turkish side also included the intelligence head and a "
        "senior military official (S66, S86, S76).",
        "working_language": "ru",
        "chair": "hakan-fidan",
        "hosts": (
            "Ministry of Foreign Affairs of Türkiye",
            "National Intelligence Organization of Türkiye",
        ),
        "summary": """\
Umerov led Ukraine's delegation as Secretary of the National Security and Defence Council
(S72, S76, S86). Before the talks the Ukrainian delegation met President Erdoğan, his senior
adviser Akif Çağatay Kılıç, and Fidan (S66, S77).

**Outcomes and statements**
- an exchange of **at least 1,200 POWs each** (S67, S68, S86); plans to **include
  civilians** (S66, S87); Russia proposed exchanging about **30 Kursk-region civilians** (S67,
  S86);
- Russia proposed **three online working groups** — political, humanitarian, military (S67,
  S71, S86);
- Russia says it has returned about 7,000 bodies and offers **3,000 more** (S67, S68);
- Russia proposed **24–48 h pauses** on the contact line; Ukraine: a humanitarian pause, not a
  ceasefire (S67, S68);
- Ukraine proposed a **leaders' summit before the end of August** with Trump and Erdoğan;
  Medinsky: a summit needs a worked-out agreement first (S69, S87, S91);
- Medinsky: the memoranda positions are "quite far apart" (S70); no date for a fourth round
  (S66); the atmosphere was calmer than in earlier rounds (Tykhyi, S68).
""",
        "sources": refs("S66 S67 S68 S69 S70 S72 S76 S77 S86 S87 S91"),
        "confidence": "confirmed",
        "confidence_note": "Venue, times, heads and main outcomes confirmed; the language and "
        "several statements rest on single sources.",
    },
]
