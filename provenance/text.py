"""Text folding for search that behaves the same on SQLite and PostgreSQL.

SQLite's LIKE folds case for ASCII only, so "умєров" would not find "Умєров" there. Instead each
searchable row stores a folded copy of its names (`search_text`), and queries are folded the same
way: case-folded (Cyrillic included), accents stripped ("Çırağan" → "ciragan"), and whitespace
collapsed. Both engines then only need a plain substring match.
"""

import re
import unicodedata

# Letters that Unicode does not decompose into a base letter plus an accent.
_EXTRA_FOLDS = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "’": "'"})
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_EXTRA_FOLDS))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    # Recompose so Cyrillic letters such as "й" (и + breve) are stripped consistently on both
    # sides of the comparison; "й" folds to "и", which is also how transliterations drop it.
    return _SPACES.sub(" ", unicodedata.normalize("NFC", stripped)).strip()


def fold_for_search(*parts: str) -> str:
    """One folded line per non-empty part, ready to store in a `search_text` column."""
    return "\n".join(fold(part) for part in parts if part)
