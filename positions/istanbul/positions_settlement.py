"""Positions on the settlement issues — territory, alliances, guarantees, military limits,
sanctions, internal politics — and on a leaders' meeting, per side and round (§5, seed article).

Same conventions as positions_humanitarian.
"""

from positions.istanbul.base import FRAME, MEMO, RU, UA, pos

POSITIONS = [
    # Territory.
    pos(
        RU,
        "territory",
        1,
        "demands",
        "Withdrawal from all of Donetsk, Luhansk, Zaporizhzhia and Kherson oblasts (Presidential "
        "Office source via the Kyiv Independent). Journalists also reported threats to seize "
        "Kharkiv and Sumy oblasts [uncertain].",
        sources="S6 S95",
        confidence="single_source",
        confidence_note="The Kharkiv and Sumy threats are uncertain (S95).",
    ),
    pos(
        UA,
        "territory",
        2,
        "rejects",
        "Russian territorial gains since February 2014 are not recognised; the contact line is "
        "the starting point; territory only after a full ceasefire. Kyiv rejects Russia's demands "
        "as imperialist and insists on holding its ground, while acknowledging that some "
        "territory may only be regained through diplomacy (seed article).",
        document=FRAME,
        sources="S46 S47 SEED",
    ),
    pos(
        RU,
        "territory",
        2,
        "demands",
        "International recognition of Crimea, the 'DPR', the 'LPR', Zaporizhzhia and Kherson as "
        "Russian, with full Ukrainian withdrawal; 'large territorial concessions' (seed article).",
        document=MEMO,
        sources="S43 S44 S98 SEED",
    ),
    # NATO and alliances.
    pos(
        UA,
        "nato-alliances",
        2,
        "rejects",
        "Rejects neutrality: no obligation of neutrality; the EU path stays open; NATO "
        "membership depends on Alliance consensus.",
        document=FRAME,
        sources="S46 S47 SEED",
    ),
    pos(
        RU,
        "nato-alliances",
        2,
        "demands",
        "Neutrality: no military alliances (a ban on NATO membership, seed article); no "
        "third-country military activity, bases or infrastructure; non-nuclear status.",
        document=MEMO,
        sources="S43 S98 SEED",
    ),
    # Security guarantees.
    pos(
        UA,
        "security-guarantees",
        2,
        "demands",
        "Robust international security guarantees; friendly foreign troops allowed. Kyiv "
        "demands strong Western guarantees such as NATO protection or foreign troops on the "
        "ground (seed article).",
        document=FRAME,
        sources="S46 S47 SEED",
    ),
    pos(
        RU,
        "security-guarantees",
        2,
        "rejects",
        "No foreign troops or military infrastructure in Ukraine; Moscow has firmly rejected "
        "NATO protection or foreign troops on the ground (seed article).",
        document=MEMO,
        sources="S43 S98 SEED",
    ),
    # Military limits.
    pos(
        UA,
        "military-limits",
        2,
        "rejects",
        "No limits on the size or deployment of Ukraine's forces, nor on friendly foreign troops.",
        document=FRAME,
        sources="S46 S47 SEED",
    ),
    pos(
        RU,
        "military-limits",
        2,
        "demands",
        "Caps on Ukraine's forces and weapons; a halt to mobilisation; an end to foreign arms and "
        "intelligence supplies — limits on Ukraine's military and cutting ties with Western "
        "military support (seed article).",
        document=MEMO,
        sources="S41 S44 S98 SEED",
    ),
    # Sanctions and assets.
    pos(
        UA,
        "sanctions-assets",
        2,
        "proposes",
        "Gradual easing of sanctions with snapback; frozen Russian assets for reconstruction or "
        "frozen until reparations are paid.",
        document=FRAME,
        sources="S47 S49 S95",
    ),
    pos(
        RU,
        "sanctions-assets",
        2,
        "demands",
        "Lifting of all sanctions and no new ones; mutual waiver of damage claims.",
        document=MEMO,
        sources="S44 S98",
    ),
    # Elections and internal politics.
    pos(
        UA,
        "elections-politics",
        2,
        "no_position",
        "Not in Ukraine's framework.",
        document=FRAME,
        sources="S46 S47",
    ),
    pos(
        RU,
        "elections-politics",
        2,
        "demands",
        "Lift martial law; elections (within 100 days, per Reuters); Russian as an official "
        "language; lift restrictions on the UOC; endorsement by a UN Security Council "
        "resolution. Russia continues to question Zelensky's legitimacy (seed article).",
        document=MEMO,
        sources="S42 S44 S45 SEED",
    ),
    # Leaders' meeting.
    pos(
        UA,
        "leaders-meeting",
        1,
        "demands",
        "Asked for a Zelensky–Putin meeting.",
        sources="S1 S3 S4",
    ),
    pos(
        UA,
        "leaders-meeting",
        2,
        "demands",
        "A Zelensky–Putin meeting — 'The key issues can only be resolved by the leaders' "
        "(Zelensky, seed article); wanted an answer by the end of June.",
        document=FRAME,
        sources="S38 S40 S57 S48 SEED",
    ),
    pos(
        UA,
        "leaders-meeting",
        3,
        "proposes",
        "A leaders' summit before the end of August: Zelensky and Putin, plus Trump and Erdoğan.",
        sources="S69 S87 S91",
    ),
    pos(
        RU,
        "leaders-meeting",
        1,
        "no_position",
        "'Took note' of Ukraine's request.",
        sources="S1 S3 S4",
    ),
    pos(
        RU,
        "leaders-meeting",
        2,
        "accepts_with_conditions",
        "The Kremlin rejected a leaders' meeting for now: a summit could only follow progress in "
        "lower-level negotiations (seed article).",
        sources="SEED",
        confidence="single_source",
    ),
    pos(
        RU,
        "leaders-meeting",
        3,
        "accepts_with_conditions",
        "A summit needs a worked-out agreement first (Medinsky).",
        sources="S69 S87",
    ),
]
