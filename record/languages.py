"""Which language a record text is shown in, for lists of mixed kinds (the timeline, search),
where some kinds have translations (provenance.translated.Translated, and their versions) and
some not yet."""

from provenance.models import Source
from provenance.translated import ORIGINAL_LANGUAGE, TRANSLATION_LANGUAGES, TranslatedTexts

# Kinds whose texts are written in English only (a source's title and note, in English or in
# Latin transliteration), which a page in another language names in English.
ENGLISH_ONLY = (Source,)


def text_language(obj, field: str, language: str) -> str | None:
    """The language `obj`'s `field` is shown in on a page or answer in `language`: `language`
    when it has that translation, "en" when it falls back to English or its kind has no
    translations (its texts are the record's English), None when the text is empty."""
    if isinstance(obj, TranslatedTexts):
        return obj.text_language(field, language)
    return ORIGINAL_LANGUAGE if getattr(obj, field, "") else None


def texts_language(parts, language: str) -> str | None:
    """The language of a text made of several record texts ([(obj, field)…]: "Ukraine on
    Ceasefire, Istanbul talks, round 2"): "en" if any part is shown in English, else `language`
    if any part is shown at all, else None."""
    shown = {text_language(obj, field, language) for obj, field in parts} - {None}
    if ORIGINAL_LANGUAGE in shown:
        return ORIGINAL_LANGUAGE
    return language if shown else None


def named_in_english(obj, language: str) -> bool:
    """Whether a page or feed in `language` (Ukrainian or Russian) names `obj` in English: its
    kind translates its name or title (the first of `translated_fields`, the one it is named
    by) and this one has no translation, or its kind has no translations (a source)."""
    if obj is None or language == ORIGINAL_LANGUAGE:
        return False
    if isinstance(obj, TranslatedTexts):
        return obj.text_language(obj.translated_fields[0], language) == ORIGINAL_LANGUAGE
    return isinstance(obj, ENGLISH_ONLY)


def translation_state(obj, language: str) -> str | None:
    """What is known of `obj`'s translation into `language` (Translated.translation_state);
    None in English and for a kind without translations."""
    if language == ORIGINAL_LANGUAGE or not isinstance(obj, TranslatedTexts):
        return None
    return obj.translation_state(language)


def api_url_in(api_url: str, language: str) -> str:
    """An API address asking for `language`: "/api/v1/totals/?lang=uk" for Ukrainian, since the
    API takes its language from ?lang= (or Accept-Language), never from a /uk/ prefix; the
    address unchanged for English."""
    if language not in TRANSLATION_LANGUAGES:
        return api_url
    return f"{api_url}{'&' if '?' in api_url else '?'}lang={language}"
