"""Documents tabled at round 2 and their provisions (§5a, §5b, §2 "Children").

Keyed by slug; provisions by their order within the document. Each provision lists the issue
slugs it addresses and the sources the facts file gives for it.
"""

from positions.istanbul.base import day, refs


def provision(section, text, *, issues, sources, confidence="confirmed", confidence_note=""):
    return {
        "section": section,
        "text": text,
        "issues": tuple(issues.split()),
        "sources": refs(sources),
        "confidence": confidence,
        "confidence_note": confidence_note,
    }


S_I = "I. Final settlement"
S_II_1 = "II. Ceasefire, option 1"
S_II_2 = "II. Ceasefire, option 2 (10-point package)"
S_III = "III. Sequence"
II_SOURCES = "S41 S44 S45"

MEMORANDUM = {
    "slug": "russia-memorandum-2025-06-02",
    "title": "Memorandum of the Russian Federation on the settlement (2 June 2025)",
    "kind": "memorandum",
    "author_side": "russia",
    "round": 2,
    "tabled_on": day("2025-06-02"),
    "tabled_on_precision": "day",
    "delivery": "at_meeting",
    "url": "",
    "summary": "Russia said it would present a 'memorandum' outlining its terms but refused to "
    "send its demands in advance, despite pressure from Ukraine (seed article). It was handed "
    "over only at the meeting; Ukraine took a week to study it (S35, S36, S25). TASS, RIA and "
    "Interfax published the text the same evening (S41–S45): three sections, about 31 points "
    "(point count from a pro-Kremlin aggregator [uncertain], S97, S98).",
    "sources": refs("S41 S42 S43 S44 S45 S97 S98 S35 S36 S25 SEED"),
    "confidence": "confirmed",
    "provisions": [
        provision(
            S_I,
            'International legal recognition of Crimea, the "DPR", the "LPR", Zaporizhzhia and Kherson as Russian, with full Ukrainian withdrawal from them.',
            issues="territory",
            sources="S43 S44 S98",
        ),
        provision(
            S_I,
            "Neutrality: no military alliances; ban on third-country military activity, bases and infrastructure; termination of incompatible treaties.",
            issues="nato-alliances security-guarantees",
            sources="S43 S98",
        ),
        provision(
            S_I,
            "Non-nuclear status, including a ban on transit and deployment of weapons of mass destruction.",
            issues="military-limits nato-alliances",
            sources="S43 S98",
        ),
        provision(
            S_I,
            'Caps on Ukraine\'s armed forces and weapons; dissolution of "nationalist formations".',
            issues="military-limits",
            sources="S44 S98",
        ),
        provision(
            S_I,
            'Russian as an official language; rights of Russian speakers; ban on "glorification of Nazism".',
            issues="elections-politics",
            sources="S43 S44",
        ),
        provision(
            S_I,
            "Lifting all sanctions and no new ones; waiver of mutual damage claims; lifting restrictions on the UOC (Moscow Patriarchate); phased restoration of diplomatic and economic ties; family reunification and displaced persons.",
            issues="sanctions-assets elections-politics civilians",
            sources="S44 S98",
        ),
        provision(
            S_II_1,
            "Ukrainian withdrawal from the four regions.",
            issues="ceasefire territory",
            sources=II_SOURCES,
        ),
        provision(
            S_II_2, "Ban on redeployment.", issues="ceasefire military-limits", sources=II_SOURCES
        ),
        provision(
            S_II_2,
            "Halt to mobilisation, start of demobilisation, lifting of martial law.",
            issues="ceasefire military-limits elections-politics",
            sources=II_SOURCES,
        ),
        provision(
            S_II_2,
            "End of foreign arms, satellite communications and intelligence support.",
            issues="ceasefire military-limits",
            sources=II_SOURCES,
        ),
        provision(
            S_II_2,
            "No third-country military presence.",
            issues="ceasefire security-guarantees",
            sources=II_SOURCES,
        ),
        provision(S_II_2, "Renunciation of sabotage.", issues="ceasefire", sources=II_SOURCES),
        provision(
            S_II_2,
            "A bilateral ceasefire monitoring centre.",
            issues="ceasefire",
            sources=II_SOURCES,
        ),
        provision(
            S_II_2,
            'Mutual amnesty for "political prisoners".',
            issues="ceasefire civilians",
            sources=II_SOURCES,
        ),
        provision(
            S_II_2,
            "Elections within 100 days (Reuters/Interfax version, S45).",
            issues="ceasefire elections-politics",
            sources=II_SOURCES,
        ),
        provision(
            S_III,
            "Russia transfers 6,000 bodies.",
            issues="bodies",
            sources="S42",
            confidence="single_source",
        ),
        provision(
            S_III,
            "A ceasefire memorandum is signed, with dates.",
            issues="ceasefire",
            sources="S42",
            confidence="single_source",
        ),
        provision(
            S_III,
            "A 30-day ceasefire.",
            issues="ceasefire",
            sources="S42",
            confidence="single_source",
        ),
        provision(
            S_III,
            "Ukrainian elections and formation of governing bodies.",
            issues="elections-politics",
            sources="S42",
            confidence="single_source",
        ),
        provision(
            S_III,
            "A peace treaty is signed.",
            issues="territory",
            sources="S42",
            confidence="single_source",
        ),
        provision(
            S_III,
            "The treaty is endorsed by a legally binding UN Security Council resolution, then ratified.",
            issues="elections-politics",
            sources="S42",
            confidence="single_source",
        ),
    ],
}

FRAMEWORK = {
    "slug": "ukraine-negotiations-framework-2025",
    "title": "Ukraine–Russia Negotiations Framework",
    "kind": "framework",
    "author_side": "ukraine",
    "round": 2,
    "tabled_on": day("2025-06-01"),
    "tabled_on_precision": "day",
    "delivery": "in_advance",
    "url": "",
    "summary": "Ukraine's roadmap, sent to Russia ahead of the 2 June round; Umerov says the "
    "Ukrainian documents were submitted beforehand (S25, S95). Reuters published the full text "
    "on 1 June (S46–S50); the day it reached Russia is not given, so `tabled_on` is that "
    "publication day.",
    "sources": refs("S25 S46 S47 S48 S49 S50 S95"),
    "confidence": "confirmed",
    "provisions": [
        provision(
            "Ceasefire",
            "Full, unconditional ceasefire on land, in the air and at sea as a precondition; at least 30 days, extendable, with monitoring led by the US and supported by third countries.",
            issues="ceasefire",
            sources="S46 S50 S25",
        ),
        provision(
            "Confidence-building measures",
            "Return of all deported children.",
            issues="deported-children",
            sources="S46 S47",
        ),
        provision(
            "Confidence-building measures",
            "All-for-all exchange of prisoners of war.",
            issues="prisoners-of-war",
            sources="S46 S47",
        ),
        provision(
            "Confidence-building measures",
            "Release of all civilian hostages.",
            issues="civilians",
            sources="S46 S47",
        ),
        provision(
            "Security",
            "Robust security guarantees, with the international community invited to take part and to guarantee.",
            issues="security-guarantees",
            sources="S46 S47",
        ),
        provision(
            "Security",
            "No obligation of neutrality; the EU path stays open; NATO membership depends on Alliance consensus.",
            issues="nato-alliances",
            sources="S46 S47",
        ),
        provision(
            "Security",
            "No limits on the size or deployment of Ukraine's forces, nor on friendly foreign troops in Ukraine.",
            issues="military-limits security-guarantees",
            sources="S46 S47",
        ),
        provision(
            "Territory",
            "Russian territorial gains since February 2014 are not recognised; the contact line is the starting point; territory is discussed only after a full ceasefire.",
            issues="territory",
            sources="S46 S47",
        ),
        provision(
            "Sanctions and assets",
            "Sanctions may be eased gradually, with snapback; frozen Russian assets go to reconstruction or stay frozen until reparations are paid.",
            issues="sanctions-assets",
            sources="S47 S49 S95",
        ),
        provision(
            "Sequence",
            "Ceasefire → exchanges and children → Zelensky–Putin meeting → terms for ending the war, with US and European participation.",
            issues="ceasefire prisoners-of-war deported-children leaders-meeting",
            sources="S48 S95",
        ),
    ],
}

CHILDREN_LIST = {
    "slug": "ukraine-children-list-2025-06-02",
    "title": "List of abducted Ukrainian children handed over at round 2",
    "kind": "list",
    "author_side": "ukraine",
    "round": 2,
    "tabled_on": day("2025-06-02"),
    "tabled_on_precision": "day",
    "delivery": "at_meeting",
    "url": "",
    "summary": "Ukraine handed over a list of abducted children (S35, S54). Its size is "
    "contested (§7.2): 339 names (official list; Medinsky, who called the topic 'central', and "
    "Lubinets: S51, S52, S53) vs 'nearly 400' (Zelensky, S40) vs 'several hundred' (Umerov, "
    "S37).",
    "sources": refs("S35 S54 S51 S52 S53 S40 S37"),
    "confidence": "contested",
    "confidence_note": "That the list was handed over is confirmed; its size is contested.",
    "provisions": [
        provision(
            "List",
            "Return of the children named on the list (339 names, per Medinsky and Lubinets).",
            issues="deported-children",
            sources="S51 S52 S53",
        ),
    ],
}

DOCUMENTS = [MEMORANDUM, FRAMEWORK, CHILDREN_LIST]
