"""Timeline events from round 2 on: decrees, side meetings, statements, totals quoted by
officials (§2, §3, §6) and the context the seed article gives. Same conventions as
events_lead_up.
"""

from positions.istanbul.base import event

EVENTS = [
    # Between rounds 1 and 2.
    event(
        "2025-05-28",
        "Lavrov proposes a second round in Istanbul on 2 June",
        kind="proposal",
        side="russia",
        sources="S26 S27",
        summary="Lavrov proposes 2 June in Istanbul and says Russia will present a memorandum there.",
        people="sergey-lavrov",
        round=2,
    ),
    event(
        "2025-05-30",
        "Kellogg: the E3 national security advisers and the US will be in Istanbul",
        kind="statement",
        side="other",
        sources="S32",
        summary="Kellogg, to ABC, said the national security advisers of the UK, France and "
        "Germany and the US would be in Istanbul for the second round. Actual US attendance on "
        "2 June is not verified.",
        people="keith-kellogg",
        round=2,
        confidence="single_source",
        confidence_note="Reported by a RU-state aggregator (S32) quoting ABC; US attendance unverified.",
    ),
    event(
        "2025-06-01",
        "Ukraine's drone strike on Russian strategic bombers",
        kind="context",
        side="ukraine",
        sources="SEED",
        summary="One day before round 2, Ukraine struck dozens of Russian strategic bombers at "
        "airbases deep inside Russia. Ukraine said it damaged around 40 long-range bombers worth "
        "an estimated $7 billion; its security services said the 18-month operation involved "
        "smuggling drones into Russia, which were launched from inside the country (seed article).",
        round=2,
        confidence="single_source",
    ),
    event(
        "2025-06-01",
        "Zelensky: ceasefire, prisoners, children; 'The key issues can only be resolved by the leaders'",
        kind="statement",
        side="ukraine",
        sources="SEED",
        summary="Zelensky says Ukraine demands an immediate and unconditional ceasefire, the "
        "release of prisoners and the return of abducted children, and calls for a direct "
        "meeting with Putin: 'The key issues can only be resolved by the leaders' (seed article, "
        "'yesterday' of 2 June).",
        people="volodymyr-zelensky",
        issues="ceasefire prisoners-of-war deported-children leaders-meeting",
        round=2,
        confidence="single_source",
    ),
    event(
        "2025-06-01",
        "Decree No. 359/2025 sets the 14-member Ukrainian delegation",
        kind="decree",
        side="ukraine",
        sources="S29 S30 S93",
        summary="Malovatskyi out; Kovbasa, Ostrianskyi and Fomin in.",
        people="volodymyr-zelensky rustem-umerov",
        round=2,
    ),
    event(
        "2025-06-02",
        "Kremlin: a leaders' summit only after progress in lower-level talks",
        kind="statement",
        side="russia",
        sources="SEED S1 S3 S4",
        summary="As reported on 2 June, the Kremlin has rejected Zelensky's call for a direct "
        "meeting with Putin, insisting a summit could only follow progress in lower-level "
        "negotiations (seed article). At round 1 Russia had 'taken note' of the request (S1, S3, S4).",
        people="vladimir-putin",
        issues="leaders-meeting",
        round=2,
        confidence_note="Dated by the report (seed article, 2 June); the rejection itself may be earlier.",
    ),
    event(
        "2025-06-02",
        "As of 2 June: Russian advance in Sumy region and Putin's 'buffer zone' order",
        kind="context",
        side="russia",
        sources="SEED",
        summary="Russian forces are advancing in the northeastern Sumy region, where President "
        "Putin has ordered the creation of a 'buffer zone' along the border (seed article). The "
        "date of the order is not given; this entry is dated by the report.",
        people="vladimir-putin",
        issues="territory",
        round=2,
        confidence="single_source",
    ),
    event(
        "2025-06-02",
        "Private Medinsky–Umerov meeting before the plenary",
        kind="side_meeting",
        side="both",
        sources="S56",
        summary="The heads of delegation met privately before the plenary. One unnamed RT source "
        "put it at about 2.5 hours [uncertain].",
        people="vladimir-medinsky rustem-umerov",
        venue="Çırağan Palace",
        round=2,
        confidence="single_source",
    ),
    event(
        "2025-06-02",
        "Kyslytsia and Bevz meet German, Italian and UK representatives",
        kind="side_meeting",
        side="ukraine",
        sources="S31 S33",
        summary="Before the talks, Ukraine's Kyslytsia and Bevz met representatives of Germany, "
        "Italy and the UK to align positions.",
        people="serhiy-kyslytsia oleksandr-bevz",
        organizations=("Germany", "Italy", "United Kingdom"),
        round=2,
    ),
    event(
        "2025-06-02",
        "Ukraine proposes the next round between 20 and 30 June",
        kind="proposal",
        side="ukraine",
        sources="S38 S40 S57",
        summary="Ukraine proposed the next round between 20 and 30 June and wanted an answer on a "
        "leaders' meeting by the end of June.",
        issues="leaders-meeting",
        round=2,
    ),
    event(
        "2025-06-03",
        "Rubio and Fidan discuss the second round by phone",
        kind="side_meeting",
        side="mediator",
        sources="S38",
        people="marco-rubio hakan-fidan",
        round=2,
        confidence="single_source",
    ),
    event(
        "2025-06-04",
        "Medinsky shows Putin the list of 339 children",
        kind="statement",
        side="russia",
        sources="S89",
        summary="At a government meeting, Medinsky showed Putin the list of 339 children handed "
        "over by Ukraine at round 2.",
        people="vladimir-medinsky vladimir-putin",
        issues="deported-children",
        round=2,
        confidence="single_source",
        confidence_note="One weak source (S89).",
    ),
    event(
        "2025-06-06",
        "Russia says Ukraine postponed the exchange and the transfer of bodies",
        kind="statement",
        side="russia",
        sources="S58 S62",
        summary="On 6–7 June, speaking for the 'Russian negotiating group', Lt. Gen. Alexander "
        "Zorin said a convoy of 1,212 bodies was waiting and a list of 640 POW names had been "
        "handed over, and that Ukraine postponed. Ukraine's account is not in these sources (§7.6).",
        people="alexander-zorin",
        issues="bodies prisoners-of-war",
        round=2,
        confidence="contested",
        confidence_note="A Russian claim; Ukraine's account of who postponed is not in these sources.",
    ),
    event(
        "2025-06-01",
        "Putin offers 3,000 more bodies",
        precision="month",
        kind="proposal",
        side="russia",
        sources="S64",
        summary="In June, Putin offered to hand over 3,000 more bodies; Medinsky repeated the "
        "offer at round 3. The exact day is not given.",
        people="vladimir-putin",
        issues="bodies",
        confidence="single_source",
    ),
    event(
        "2025-06-16",
        "Umerov: 15,801 bodies returned since 2022",
        kind="statement",
        side="ukraine",
        sources="S65",
        people="rustem-umerov",
        issues="bodies",
        confidence="single_source",
    ),
    # Round 3.
    event(
        "2025-07-22",
        "Decree No. 539/2025 sets the 14-member Ukrainian delegation",
        kind="decree",
        side="ukraine",
        sources="S72 S73 S75",
        summary="Umerov heads the delegation as Secretary of the National Security and Defence Council.",
        people="volodymyr-zelensky rustem-umerov",
        round=3,
    ),
    event(
        "2025-07-23",
        "Ukrainian delegation meets Erdoğan, Kılıç and Fidan before round 3",
        kind="side_meeting",
        side="ukraine",
        sources="S66 S77",
        people="recep-tayyip-erdogan akif-cagatay-kilic hakan-fidan rustem-umerov",
        round=3,
    ),
    event(
        "2025-07-24",
        "Yermak: Russia answered on fewer than a fifth of the children",
        kind="statement",
        side="ukraine",
        sources="S78",
        summary="Russia gave partial information on fewer than a fifth of the children and no "
        "reaction on more than 200, including children from the Kherson Children's Home. Only 6 "
        "children (5 from one family) had returned the week before. Medinsky had claimed on "
        "23 July that the list of 339 was 'fully processed' (S70).",
        people="andriy-yermak",
        issues="deported-children",
        round=3,
        confidence="contested",
        confidence_note="Contradicts Medinsky's 'fully processed' (S70); §7.3.",
    ),
    event(
        "2025-07-25",
        "Peskov: the draft memoranda are 'diametrically opposed'",
        kind="statement",
        side="russia",
        sources="S71",
        people="dmitry-peskov",
        round=3,
        confidence="single_source",
    ),
    # Totals quoted by officials (§6).
    event(
        "2025-05-23",
        "Babel: 5,147 Ukrainians returned since March 2022",
        kind="statement",
        side="ukraine",
        sources="S88",
        summary="As of before the 1,000-for-1,000 swap.",
        issues="prisoners-of-war",
        confidence="single_source",
    ),
    event(
        "2025-10-02",
        "Zelensky: over 7,000 Ukrainians returned since February 2022",
        kind="statement",
        side="ukraine",
        sources="S82 S84",
        people="volodymyr-zelensky",
        issues="prisoners-of-war",
    ),
]
