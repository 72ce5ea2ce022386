"""Positions on the humanitarian and ceasefire issues, per side and round (§1–§3, §5c, seed article).

Keyed by (side, issue slug, round number). Only positions the facts file or the seed article
states are listed; a missing row means nothing was stated, not "no position".
`document` is the slug of the document that states the position, if any.
"""

from positions.istanbul.base import FRAME, KIDS, MEMO, RU, UA, pos

POSITIONS = [
    # Ceasefire.
    pos(
        UA,
        "ceasefire",
        1,
        "demands",
        "An immediate, unconditional ceasefire of at least 30 days.",
        sources="S6 S25 S102",
    ),
    pos(
        UA,
        "ceasefire",
        2,
        "demands",
        "A full, unconditional ceasefire on land, in the air and at sea, at least 30 days and "
        "extendable, monitored under US leadership, as the precondition for everything else; only "
        "a full ceasefire will allow space for longer-term peace talks (seed article). Rejected "
        "Russia's 2–3-day local truces as not a ceasefire.",
        document=FRAME,
        sources="S25 S46 S50 S38 S40 S101 SEED",
        confidence_note="One ISW repost (S39) says 90 days, likely an error [uncertain] (§7.5).",
    ),
    pos(
        UA,
        "ceasefire",
        3,
        "demands",
        "Still a full, unconditional ceasefire; Russia's 24–48 h pauses are a humanitarian "
        "pause, not a ceasefire (Tykhyi).",
        sources="S67 S68",
    ),
    pos(
        RU,
        "ceasefire",
        1,
        "demands",
        "Demanded that Ukraine withdraw from all of Donetsk, Luhansk, Zaporizhzhia and Kherson "
        "oblasts (per a source in Ukraine's Presidential Office, via the Kyiv Independent).",
        sources="S6",
        confidence="single_source",
    ),
    pos(
        RU,
        "ceasefire",
        2,
        "accepts_with_conditions",
        "Two options for a ceasefire in the memorandum: Ukrainian withdrawal from the four "
        "regions, or a 10-point package (no redeployment, demobilisation, end of foreign arms and "
        "intelligence, elections…). Offered 2–3-day ceasefires in some sections of the front to "
        "collect bodies. Rejected an unconditional ceasefire.",
        document=MEMO,
        sources="S41 S44 S45 S38 S40 S101 SEED",
    ),
    pos(
        RU,
        "ceasefire",
        3,
        "proposes",
        "Proposed only 24–48 h pauses on the contact line to evacuate the wounded and recover "
        "bodies; 'no ceasefire without fundamental agreements' (bne IntelliNews reading of Medinsky).",
        sources="S67 S68 S105",
        confidence_note="The 'no ceasefire without fundamental agreements' wording is one "
        "outlet's reading (S105).",
    ),
    # Prisoners of war.
    pos(
        UA,
        "prisoners-of-war",
        1,
        "demands",
        "An all-for-all exchange; agreed 1,000 for 1,000.",
        sources="S6 S25 S102 S1",
    ),
    pos(
        UA,
        "prisoners-of-war",
        2,
        "demands",
        "All-for-all exchange and the release of prisoners (framework; Zelensky, seed article); "
        "agreed all-for-all for the seriously wounded/ill and those aged 18–25 — 'categories, not "
        "numbers' (Umerov).",
        document=FRAME,
        sources="S46 S47 S37 SEED",
    ),
    pos(
        UA,
        "prisoners-of-war",
        3,
        "demands",
        "All-for-all; agreed at least 1,200 each. Kyslytsia: these are POWs; civilians and "
        "children 'must be returned' and are not part of exchanges.",
        sources="S67 S68",
    ),
    pos(
        RU,
        "prisoners-of-war",
        1,
        "accepts",
        "Agreed a 1,000-for-1,000 exchange.",
        sources="S1 S2 S3 S4",
    ),
    pos(
        RU,
        "prisoners-of-war",
        2,
        "accepts",
        "All-for-all by category: the seriously wounded/ill and those aged 18–25; Medinsky: at "
        "least 1,000 each, possibly more. Medinsky proposed permanent medical commissions for "
        "regular exchanges of the seriously wounded.",
        sources="S37 S56 S39",
    ),
    pos(
        RU,
        "prisoners-of-war",
        3,
        "proposes",
        "Proposed exchanging at least 1,200 POWs each, more if more Russians are found, and "
        "adding civilians.",
        sources="S67 S68 S86",
    ),
    # Civilians.
    pos(
        UA,
        "civilians",
        2,
        "demands",
        "Release of all civilian hostages, as a confidence-building measure.",
        document=FRAME,
        sources="S46 S47",
    ),
    pos(
        UA,
        "civilians",
        3,
        "demands",
        "Civilians 'must be returned' and are not part of POW exchanges (Kyslytsia).",
        sources="S68",
        confidence="single_source",
    ),
    pos(
        RU,
        "civilians",
        2,
        "proposes",
        "Memorandum: mutual amnesty for 'political prisoners'; family reunification and displaced persons.",
        document=MEMO,
        sources="S44 S98 S41",
    ),
    pos(
        RU,
        "civilians",
        3,
        "proposes",
        "Proposed including civilians in exchanges, starting with about 30 Kursk-region "
        "civilians held by Ukraine.",
        sources="S66 S67 S86 S87",
    ),
    # Deported children.
    pos(
        UA,
        "deported-children",
        2,
        "demands",
        "Unconditional return of all deported children; handed over a list (339 names per the "
        "official list). The return of abducted children was one of Zelensky's three demands "
        "(seed article).",
        document=KIDS,
        sources="S35 S54 S51 S52 S46 SEED",
    ),
    pos(
        UA,
        "deported-children",
        3,
        "demands",
        "Children 'must be returned' (Kyslytsia). Yermak, 24 July: Russia answered on fewer than "
        "a fifth of the children; only 6 had returned the week before.",
        sources="S68 S78",
        confidence="contested",
        confidence_note="Contradicts Russia's 'fully processed' (S70); §7.3.",
    ),
    pos(
        RU,
        "deported-children",
        2,
        "accepts_with_conditions",
        "Denies abduction but will 'work on each name' of the 339; Medinsky called the topic "
        "'central'. An Axios report that Russia offered to return 10 children by 10 July is "
        "uncertain (S55).",
        document=KIDS,
        sources="S51 S52 S53 S55",
        confidence_note="The Axios offer of 10 children is uncertain (S55).",
    ),
    pos(
        RU,
        "deported-children",
        3,
        "accepts_with_conditions",
        "Medinsky claimed the list of 339 had been 'fully processed'.",
        sources="S70",
        confidence="contested",
        confidence_note="Ukraine (Yermak, S78) says fewer than a fifth were answered; §7.3.",
    ),
    # Bodies.
    pos(
        UA,
        "bodies",
        2,
        "accepts",
        "Return of the dead: agreed 6,000 for 6,000.",
        sources="S37 S38 S39",
    ),
    pos(
        RU,
        "bodies",
        2,
        "proposes",
        "Return of 6,000 bodies for 6,000; the memorandum's sequence begins with Russia "
        "transferring 6,000 bodies.",
        document=MEMO,
        sources="S37 S42 S62",
    ),
    pos(
        RU,
        "bodies",
        3,
        "proposes",
        "Says it has returned about 7,000 bodies and offers 3,000 more; asks for 'any number' back.",
        sources="S67 S68",
        confidence="single_source",
    ),
]
