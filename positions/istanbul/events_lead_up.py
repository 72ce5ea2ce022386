"""Timeline events up to round 1 — context from the seed article and the §0 lead-up — and
Fidan's summit proposal of 30 May.

Keyed by (occurred_on, title). `issues` lists the issue slugs an event is about (Issue.events);
`people` are slugs and `organizations` names from the other data modules.
"""

from positions.istanbul.base import event

EVENTS = [
    # Context (seed article).
    event(
        "2022-02-24",
        "Russia's full-scale invasion of Ukraine",
        kind="context",
        side="russia",
        sources="SEED",
        summary="Tens of thousands have died since Russia's 2022 invasion; large parts of eastern "
        "and southern Ukraine have been destroyed and millions displaced (seed article).",
        confidence="single_source",
    ),
    # §0 Lead-up.
    event(
        "2025-05-10",
        "Ukraine and European partners propose a 30-day unconditional ceasefire",
        kind="proposal",
        side="ukraine",
        sources="S21 S94",
        summary="Ukraine, with France, Germany, the UK and Poland, proposes a 30-day unconditional "
        "ceasefire. Per ISW, the proposal was backed by the US and was meant to start on 12 May.",
        organizations=("Ukraine", "France", "Germany", "United Kingdom", "Poland"),
        issues="ceasefire",
    ),
    event(
        "2025-05-11",
        "Putin proposes resuming direct talks in Istanbul",
        kind="proposal",
        side="russia",
        sources="S12 S20",
        summary="In the night of 10–11 May, Putin proposes resuming direct talks in Istanbul "
        "'without preconditions', starting 15 May.",
        people="vladimir-putin",
        round=1,
    ),
    event(
        "2025-05-14",
        "Kremlin names its delegation, headed by Medinsky",
        kind="announcement",
        side="russia",
        sources="S11 S12",
        summary="Head: Vladimir Medinsky. Members: Galuzin, Kostyukov, Fomin. Four experts attached.",
        people="vladimir-medinsky mikhail-galuzin igor-kostyukov alexander-fomin",
        round=1,
    ),
    event(
        "2025-05-15",
        "Russian delegation arrives in Istanbul; Fidan meets it at Dolmabahçe",
        kind="side_meeting",
        side="mediator",
        sources="S16 S17 S92",
        people="hakan-fidan vladimir-medinsky",
        venue="Dolmabahçe Palace",
        round=1,
    ),
    event(
        "2025-05-15",
        "Zelensky, in Ankara, will send a delegation headed by Umerov, 'though not in full'",
        kind="statement",
        side="ukraine",
        sources="S16 S17 S92",
        summary="After meeting Erdoğan in Ankara, Zelensky says he will send a delegation headed "
        "by Defence Minister Umerov, 'though not in full'. SBU head Malyuk and Chief of General "
        "Staff Hnatov will not go.",
        people="volodymyr-zelensky recep-tayyip-erdogan rustem-umerov vasyl-malyuk andriy-hnatov",
        round=1,
    ),
    event(
        "2025-05-15",
        "Decree No. 306/2025 sets the 12-member Ukrainian delegation",
        kind="decree",
        side="ukraine",
        sources="S13 S14 S15",
        people="volodymyr-zelensky rustem-umerov",
        organizations=("Office of the President of Ukraine",),
        round=1,
    ),
    event(
        "2025-05-16",
        "Ukraine coordinates positions with US, UK, French and German advisers",
        kind="side_meeting",
        side="ukraine",
        sources="S9 S10",
        summary="In the morning, Umerov, Foreign Minister Sybiha and presidential chief of staff "
        "Yermak meet US envoy Kellogg, UK NSA Jonathan Powell, French diplomatic adviser Emmanuel "
        "Bonne and German chancellor's adviser Günther Sautter 'to coordinate positions'. Per AFP, "
        "the Europeans were excluded from the Russia–Ukraine talks themselves.",
        people="rustem-umerov andrii-sybiha andriy-yermak keith-kellogg jonathan-powell "
        "emmanuel-bonne gunther-sautter",
        round=1,
        confidence_note="The meeting is confirmed; the exclusion from the talks rests on AFP "
        "alone (S10).",
    ),
    event(
        "2025-05-16",
        "Türkiye–US–Ukraine trilateral at Dolmabahçe",
        kind="side_meeting",
        side="mediator",
        sources="S7 S8",
        summary="Chaired by Fidan, about one hour (approx. 11:00–12:07 local). US: Rubio, "
        "Ambassador Tom Barrack, Kellogg. Ukraine: Yermak, Umerov, Sybiha.",
        people="hakan-fidan marco-rubio tom-barrack keith-kellogg andriy-yermak rustem-umerov "
        "andrii-sybiha",
        venue="Dolmabahçe Palace",
        starts="2025-05-16 11:00",
        ends="2025-05-16 12:07",
        round=1,
    ),
    # Between rounds 1 and 2, for a leaders' meeting (§4, dated by X1 and X2).
    event(
        "2025-05-30",
        "Fidan, in Kyiv, proposes a leaders' summit under Erdoğan",
        kind="proposal",
        side="mediator",
        sources="S90 X1 X2",
        summary="In Kyiv, Fidan proposed capping the first and second Istanbul talks with a "
        "meeting of Trump, Putin and Zelensky under Erdoğan — a four-leader summit. The Kremlin "
        "answered that results must first be achieved in direct negotiations (X1).",
        people="hakan-fidan andrii-sybiha",
        issues="leaders-meeting",
        round=2,
        confidence_note="The facts file gives no date; 30 May 2025 comes from X1 and X2, which "
        "are not in its source list.",
    ),
]
