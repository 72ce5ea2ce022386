"""The agenda vocabulary, in DESIGN.md order. `movement_summary` is §5c's "Movement" column."""

ISSUES = [
    {
        "slug": "ceasefire",
        "name": "Ceasefire",
        "description": "A general or local halt to fighting: its length, conditions and monitoring.",
        "movement_summary": "Russia moved from local truces to short pauses; no general ceasefire.",
    },
    {
        "slug": "prisoners-of-war",
        "name": "Prisoners of war",
        "description": "Exchanges of prisoners of war: numbers, categories, formats.",
        "movement_summary": "Both sides agreed an exchange each round.",
    },
    {
        "slug": "civilians",
        "name": "Civilians",
        "description": "Civilian detainees and hostages, and their inclusion in exchanges.",
        "movement_summary": "At round 3 the sides planned to include civilians in exchanges; "
        "Russia proposed about 30 Kursk-region civilians.",
    },
    {
        "slug": "deported-children",
        "name": "Deported children",
        "description": "Ukrainian children taken to Russia or occupied territory, and their return.",
        "movement_summary": "Contested: Ukraine's list of 339 names; Russia says it was fully "
        "processed, Ukraine says fewer than a fifth were answered.",
    },
    {
        "slug": "bodies",
        "name": "Bodies of the fallen",
        "description": "Repatriation of the bodies of the dead.",
        "movement_summary": "6,000 for 6,000 agreed at round 2 and implemented in June.",
    },
    {
        "slug": "territory",
        "name": "Territory",
        "description": "Recognition of annexations, withdrawals, the line of contact.",
        "movement_summary": "None.",
    },
    {
        "slug": "nato-alliances",
        "name": "NATO and alliances",
        "description": "Neutrality, NATO and EU membership, foreign bases.",
        "movement_summary": "None.",
    },
    {
        "slug": "security-guarantees",
        "name": "Security guarantees",
        "description": "Guarantees for Ukraine's security and foreign troops in Ukraine.",
        "movement_summary": "None.",
    },
    {
        "slug": "military-limits",
        "name": "Military limits",
        "description": "Caps on Ukraine's forces and weapons, mobilisation, foreign arms supplies.",
        "movement_summary": "None.",
    },
    {
        "slug": "sanctions-assets",
        "name": "Sanctions and assets",
        "description": "Sanctions relief, frozen Russian assets, damage claims and reparations.",
        "movement_summary": "None.",
    },
    {
        "slug": "elections-politics",
        "name": "Elections and internal politics",
        "description": "Martial law, elections, language, church and Ukraine's governing bodies.",
        "movement_summary": "Russia's demands only; not in Ukraine's framework.",
    },
    {
        "slug": "leaders-meeting",
        "name": "Leaders' meeting",
        "description": "A Zelensky–Putin meeting or a wider leaders' summit.",
        "movement_summary": "Ukraine widened the format: Zelensky–Putin, then with Trump and Erdoğan.",
    },
]
