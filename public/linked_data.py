"""The languages of a page's schema.org JSON-LD (#15).

The block says the page's language as JSON-LD says a language: its context's `@language`, so
every plain string in it is read as the page's language ("uk" on /uk/…). A string in another
language is a value object with its own: `{"@value": "Second round in Istanbul",
"@language": "en"}` for a record text shown in English for want of a translation (or of a kind
not translated yet), and "und" (undetermined, BCP 47) for names whose language the record does
not know (native names, aliases). schema.org's own `inLanguage` is not used for this: on an
Event it means the language the event was held in, and a Person or Organization has none; nor
can it be set per property, so one `inLanguage` would claim Ukrainian for an English name.
"""

from django.utils import translation

from record.languages import text_language

UNDETERMINED = "und"


def context() -> list:
    """The block's `@context`: schema.org, its strings in the page's language."""
    return ["https://schema.org", {"@language": translation.get_language()}]


def in_language(text: str, language: str | None):
    """`text` as a plain string if it is in the page's language (or empty), else a value object
    saying its language."""
    if not text or language in (None, translation.get_language()):
        return text
    return {"@value": text, "@language": language}


def record_text(obj, field: str):
    """`obj`'s `field` as the page shows it, saying its language where that is not the page's
    (record.languages.text_language: English where there is no translation)."""
    return in_language(getattr(obj, field), text_language(obj, field, translation.get_language()))


def names(values) -> list:
    """Other names (native, aliases) whose language the record does not know."""
    return [in_language(value, UNDETERMINED) for value in values if value]
