"""Text that every format survives, and folding for search that behaves the same on SQLite and
PostgreSQL.

`clean_text` keeps out of the record what no format can carry: C0 and C1 control characters
other than tab and newline (a `\x02` pasted from Word makes an Atom feed unserialisable),
Unicode non-characters (`U+FFFF` is not allowed in XML) and lone surrogates (not encodable as
UTF-8). Every text field of every content model is cleaned on save (provenance.apps), and every
format that writes text out cleans it again (rows saved before the rule may still hold them).

SQLite's LIKE folds case for ASCII only, so "умєров" would not find "Умєров" there. Instead each
searchable row stores a folded copy of its names (`search_text`), and queries are folded the same
way: case-folded (Cyrillic included), accents stripped ("Çırağan" → "ciragan"), and whitespace
collapsed. Both engines then only need a plain substring match.
"""

import re
import unicodedata

# C0 controls but tab and newline, DEL and the C1 controls; the non-characters U+FDD0–U+FDEF
# and the last two code points of every plane; surrogates, which only come alone in a str.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ud800-\udfff"
    + "".join(
        f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17)
    )
    + "]"
)


def clean_text(text: str) -> str:
    """`text` without the characters no format can carry; Windows and old Mac line ends become
    newlines (a carriage return is a control character too)."""
    return _UNSAFE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def clean_value(value):
    """`value` with every string in it cleaned, through lists, tuples and dicts (a JSON-LD
    document, a feed item's categories)."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {clean_value(key): clean_value(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(clean_value(item) for item in value)
    return value


# Letters that Unicode does not decompose into a base letter plus an accent, and the
# apostrophes people type or paste for "'" (modifier letter, curly quotes, prime, backtick).
_EXTRA_FOLDS = str.maketrans(
    {"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss"}
    | dict.fromkeys("\u2019\u2018\u02bc\u02bb\u2032\u00b4\u0060", "'")
)
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """`text` as search compares it: case-folded (Cyrillic and Turkish "İ" included), accents
    and invisible characters (zero-width space and joiner, soft hyphen, byte-order mark) removed,
    apostrophes made "'", whitespace collapsed."""
    decomposed = unicodedata.normalize("NFKD", clean_text(text).casefold().translate(_EXTRA_FOLDS))
    # Combining marks are accents; format characters (category Cf) are invisible.
    stripped = "".join(
        ch
        for ch in decomposed
        if not unicodedata.combining(ch) and unicodedata.category(ch) != "Cf"
    )
    # Recompose so Cyrillic letters such as "й" (и + breve) are stripped consistently on both
    # sides of the comparison; "й" folds to "и", which is also how transliterations drop it.
    return _SPACES.sub(" ", unicodedata.normalize("NFC", stripped)).strip()


def fold_for_search(*parts: str) -> str:
    """One folded line per non-empty part, ready to store in a `search_text` column."""
    return "\n".join(fold(part) for part in parts if part)


def spelling_variants(folded: str, groups) -> list[str]:
    """`folded` (a folded query) and its other spellings: for each group of spellings of one
    name (folded: "umerov", "umierov", "умєров") one of which the query contains as whole
    words, the query with it replaced by each of the others. "rustem umierov" → "rustem
    umerov", …; the query itself comes first."""
    variants = [folded]
    for group in groups:
        for spelling in group:
            pattern = re.compile(rf"(?<!\w){re.escape(spelling)}(?!\w)")
            if pattern.search(folded):
                variants += [pattern.sub(other, folded) for other in group if other != spelling]
    return list(dict.fromkeys(variants))


def refold_search_text(app_label: str):
    """A data migration's operation: every stored `search_text` of the app's models folded
    again by today's `fold`, from the folded text itself (folding twice is folding once), so
    rows saved before a change to folding match the queries folded after it. Written with
    update(), not save(): no new version, history row or change in the feed."""

    def refold(apps, schema_editor):
        for model in apps.get_app_config(app_label).get_models():
            if not any(field.name == "search_text" for field in model._meta.fields):
                continue
            for pk, text in model._default_manager.values_list("pk", "search_text"):
                refolded = fold_for_search(*text.split("\n"))
                if refolded != text:
                    model._default_manager.filter(pk=pk).update(search_text=refolded)

    return refold
