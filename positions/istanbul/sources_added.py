"""Sources that are not in the facts file's list, added where a fact there needed a date.

The facts file gives no date for Fidan's four-leader summit proposal in Kyiv (§4, S90); these
contemporaneous reports date it to Friday 30 May 2025, two days before round 2. Codes "X…"
keep them apart from the file's S-numbers.
"""

from positions.istanbul.base import RU_STATE, UNTITLED, source

SOURCES = [
    source(
        "X1",
        "https://english.nepalnews.com/?p=160846",
        "Turkey proposes hosting a summit of the Russian, Ukrainian and US leaders; Kremlin dismisses it",
        "Nepal News",
        on="2025-05-30",
        mirror=True,
        note="AFP report via Nepal News; Fidan's proposal 'during a visit to Kyiv' on Friday "
        "30 May. " + UNTITLED,
    ),
    source(
        "X2",
        "https://am.sputniknews.ru/amp/20250530/turtsiya-budet-gotova-prinyat-vstrechu-putina-trampa-zelenskogo---fidan-89542495.html",
        "Turtsiya budet gotova prinyat vstrechu Putina, Trampa, Zelenskogo — Fidan (Türkiye will be ready to host a Putin–Trump–Zelensky meeting — Fidan)",
        "Sputnik Armenia",
        on="2025-05-30",
        language="ru",
        state="russia",
        note="RU-state; cites RIA Novosti; Fidan at a press conference with Sybiha in Kyiv. "
        + RU_STATE,
    ),
]
