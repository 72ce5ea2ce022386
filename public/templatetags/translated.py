"""The record's own texts on a page in Ukrainian or Russian: which are shown in English (no
translation yet), and the note a reader sees about the translation of an object's texts."""

from django import template
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from provenance.translated import (
    ORIGINAL_LANGUAGE,
    TRANSLATION_LANGUAGES,
    Translated,
)

register = template.Library()


def _page_language(obj) -> str | None:
    """The page's language if `obj`'s texts may be translated into it, else None."""
    language = translation.get_language()
    if isinstance(obj, Translated) and language in TRANSLATION_LANGUAGES:
        return language
    return None


def _falls_back(obj, field: str, language: str) -> bool:
    return obj.text_language(field, language) == ORIGINAL_LANGUAGE


@register.filter
def lang_of(obj, field: str) -> str:
    """` lang="en"` for the element holding `obj`'s `field` when a Ukrainian or Russian page shows
    it in English (no translation), so screen readers and browsers read it as English; "" else.
    Use: <div class="summary"{{ round|lang_of:"summary" }}>…</div>."""
    language = _page_language(obj)
    if language and _falls_back(obj, field, language):
        return mark_safe(f' lang="{ORIGINAL_LANGUAGE}"')
    return ""


@register.simple_tag
def translation_note(obj) -> str:
    """Once per object block on a Ukrainian or Russian page: "Not yet translated" when any of
    `obj`'s texts is shown in English; "The English has changed since this translation…" when
    its translation (into the page's language) was made or reviewed from English that has been
    changed since; else "Machine-assisted translation, not yet reviewed" when no person has
    reviewed it. "" on English pages and for a reviewed, current, complete translation."""
    language = _page_language(obj)
    if not language:
        return ""
    notes = []
    if any(_falls_back(obj, field, language) for field in obj.translated_fields):
        notes.append(gettext("Not yet translated"))
    entry = (obj.translation_status or {}).get(language) or {}
    current = entry.get("english") == obj.english_digest()
    if any(obj.translation_texts(language)) and not current:
        # Made (or reviewed) from English that has been corrected since: it may now say
        # something the record no longer says.
        notes.append(
            gettext("The English has changed since this translation: it may be out of date")
        )
    elif any(obj.translation_texts(language)) and not entry.get("reviewed"):
        notes.append(gettext("Machine-assisted translation, not yet reviewed"))
    if not notes:
        return ""
    return format_html('<p class="translation-note">{}</p>', " · ".join(notes))
