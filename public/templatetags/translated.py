"""The record's own texts on a page in Ukrainian or Russian: which are shown in English (no
translation yet), and the note a reader sees about the translation of an object's texts."""

from django import template
from django.utils import translation
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext

from provenance.models import Side
from provenance.translated import (
    ORIGINAL_LANGUAGE,
    TRANSLATION_LANGUAGES,
    TranslatedTexts,
)
from record.languages import api_url_in, texts_language
from record.search import DESCRIBE

register = template.Library()


def _page_language(obj) -> str | None:
    """The page's language if `obj`'s texts may be translated into it, else None. `obj` is a
    row or a version of one (a page as it stood on a day)."""
    language = translation.get_language()
    if isinstance(obj, TranslatedTexts) and language in TRANSLATION_LANGUAGES:
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
def english_lang() -> str:
    """` lang="en"` on a Ukrainian or Russian page, "" on an English one: for the element holding
    a record text that is written in English only and has no translations (a confidence note, a
    source's title or note, which the data gives in English or in Latin transliteration), so
    screen readers read it as English. Use: <span class="confidence-note"{% english_lang %}>."""
    if translation.get_language() in TRANSLATION_LANGUAGES:
        return mark_safe(f' lang="{ORIGINAL_LANGUAGE}"')
    return ""


@register.filter
def in_page_language(api_url: str) -> str:
    """An API address asking for the page's language: "/api/v1/totals/?lang=uk" on a Ukrainian
    page, since the API takes its language from ?lang= (or Accept-Language), never from a /uk/
    prefix; the address unchanged on an English page. Use: {{ "/api/v1/"|in_page_language }}."""
    return api_url_in(api_url, translation.get_language())


@register.filter
def marked(obj, field: str) -> str:
    """`obj`'s `field` as the page shows it, inside <span lang="en"> when a Ukrainian or Russian
    page shows it in English (`lang_of`), for a text inside a line of the page's language:
    {{ commitment|marked:"title" }}. Escaped; "" for no text."""
    text = conditional_escape(getattr(obj, field, None) or "")
    if text and lang_of(obj, field):
        return format_html('<span lang="{}">{}</span>', ORIGINAL_LANGUAGE, text)
    return text


@register.filter
def round_name(round_) -> str:
    """ "Round 2: Second round in Istanbul" (Round.__str__) with the title marked as `marked`
    marks it, so only the English title is read as English."""
    return mark_safe(
        conditional_escape(gettext("Round %(number)s: %(title)s"))
        % {"number": round_.number, "title": marked(round_, "title")}
    )


def _english(text, parts) -> str:
    """`text`, escaped, inside <span lang="en"> when any of its record texts ([(obj, field)…])
    is shown in English on a Ukrainian or Russian page: for want of a translation (`lang_of`),
    or because its kind has none (a source's title)."""
    language = translation.get_language()
    if language in TRANSLATION_LANGUAGES and texts_language(parts, language) == ORIGINAL_LANGUAGE:
        return format_html('<span lang="{}">{}</span>', ORIGINAL_LANGUAGE, text)
    return conditional_escape(text)


@register.filter
def entry_title(entry) -> str:
    """A timeline entry's title (record.timeline.Entry) with its English marked: a round's as
    `round_name`, any other kind's as `marked`."""
    if entry.kind.name == "round":
        return round_name(entry.obj)
    return marked(entry.obj, "title")


@register.filter
def hit_title(hit) -> str:
    """A search hit's title (record.search.Hit), inside <span lang="en"> when a record text in
    it is shown in English; a round's as `round_name`."""
    if hit.kind.name == "round":
        return round_name(hit.obj)
    return _english(hit.title, DESCRIBE[hit.kind.name].title_texts(hit.obj))


@register.filter
def hit_detail(hit, words: int) -> str:
    """A search hit's detail cut to `words` words, marked as `hit_title`."""
    return _english(
        Truncator(hit.detail).words(words), DESCRIBE[hit.kind.name].detail_texts(hit.obj)
    )


@register.filter
def track_label(track) -> str:
    """`Track.label` (its short name, else its name) with its English marked as `marked`."""
    return marked(track, "short_name" if track.short_name else "name")


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


@register.filter
def delegation_label(delegation) -> str:
    """Delegation.label ("Ukraine", or a mediator's or host's organization, "United States"),
    the organization's name marked as `marked` marks it."""
    if delegation.side in Side.values or delegation.organization_id is None:
        return conditional_escape(delegation.get_side_display())
    return marked(delegation.organization, "name")


@register.filter
def org_short_name(organization) -> str:
    """An organization's short name, else its name, marked as `marked` marks it."""
    return marked(organization, "short_name" if organization.short_name else "name")
