"""Filters for showing facts: partial dates, delays, schema.org JSON-LD."""

import datetime
import json
import re

from django import template
from django.utils import translation
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, gettext_lazy

from provenance.models import DatePrecision, Side
from provenance.text import clean_value
from provenance.translated import ORIGINAL_LANGUAGE, TRANSLATION_LANGUAGES

register = template.Library()

LOWER_CASE_MONTHS = {"uk", "ru"}

# The same escapes as Django's json_script, so data can never close the <script> element.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def partial_date(day: datetime.date | None, precision: str = DatePrecision.DAY) -> str:
    """'2 June 2025', 'June 2025' or '2025', as precise as the record is, in the active language
    ('2 червня 2025', 'червень 2025' in Ukrainian: `E` is the month's form after a day number)."""
    if not day:
        return ""
    if precision == DatePrecision.YEAR:
        return str(day.year)
    if precision == DatePrecision.MONTH:
        month = date_format(day, "F")
        # Django's Ukrainian and Russian month names are capitalised, as in a calendar heading;
        # inside a sentence, where these dates stand, both languages write them in lower case.
        if translation.get_language() in LOWER_CASE_MONTHS:
            month = month.lower()
        return f"{month} {day.year}"
    return date_format(day, "j E Y")


@register.filter
def day_range(first: datetime.date | None, last: datetime.date | None) -> str:
    """'23–24 January 2026', '30 November – 2 December 2025': the days a round took, in the
    active language."""
    if not first:
        return ""
    if not last or last == first:
        return partial_date(first)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{date_format(last, 'j E Y')}"
    if first.year == last.year:
        return f"{date_format(first, 'j E')} – {date_format(last, 'j E Y')}"
    return f"{partial_date(first)} – {partial_date(last)}"


@register.filter
def side_label(code: str) -> str:
    """A negotiating side's name in the active language ("Україна") from its code ("ukraine"),
    for markup that names the side where a template has only the code."""
    return Side(code).label if code in Side.values else code


@register.filter
def hours_minutes(delta: datetime.timedelta | None) -> str:
    """A duration as '1 h 45 min' (in the active language); negative durations read as 'early'."""
    if delta is None:
        return ""
    minutes = round(abs(delta.total_seconds()) / 60)
    hours, minutes = divmod(minutes, 60)
    if hours and minutes:
        return gettext("%(hours)d h %(minutes)d min") % {"hours": hours, "minutes": minutes}
    if hours:
        return gettext("%(hours)d h") % {"hours": hours}
    return gettext("%(minutes)d min") % {"minutes": minutes}


@register.filter
def jsonld(data: dict) -> str:
    """A schema.org block: <script type="application/ld+json">…</script>."""
    text = json.dumps(clean_value(data), ensure_ascii=False, default=str).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308 - escaped above


@register.filter
def get(mapping, key):
    """mapping[key] in a template, for rows keyed by side."""
    try:
        return mapping[key]
    except (KeyError, IndexError, TypeError):
        return None


@register.filter
def split(text: str) -> list[str]:
    return text.split()


@register.filter
def language(code: str) -> str:
    """'ru' → 'Russian' ('Російська' on a Ukrainian page: Django's own names of languages);
    an unknown code is shown as it is."""
    try:
        return translation.get_language_info(code)["name_translated"]
    except KeyError:
        return code


SHORT_AFFILIATIONS = {
    "russia": gettext_lazy("Russian state media"),
    "ukraine": gettext_lazy("Ukrainian state media"),
    "turkiye": gettext_lazy("Turkish state media"),
    "uae": gettext_lazy("Emirati state-linked media"),
    "china": gettext_lazy("Chinese state media"),
    "cuba": gettext_lazy("Cuban state media"),
    "united_states": gettext_lazy("US government"),
    "other": gettext_lazy("State media"),
}


@register.filter
def short_affiliation(value: str) -> str:
    """The state-affiliation badge in few words, for compact source lists."""
    return SHORT_AFFILIATIONS.get(value, SHORT_AFFILIATIONS["other"])


# An act written as a phrase of its own, "Named by the Kremlin on 14 May 2025", rather than as
# the act's name, "Decree of the President of Ukraine No. 306/2025".
_ACT_AS_PHRASE = re.compile(r"^\w+ed\s+by\b", re.IGNORECASE)


@register.filter
def appointed_by(delegation) -> str:
    """How `delegation` was appointed, as a sentence without its full stop: "Appointed by Decree
    … No. 306/2025 (14 May 2025)", in the page's language. An act the record words as its own
    phrase ("Named by the Kremlin on 14 May 2025") is shown as it is, not as "Appointed by Named
    by…", and the day is not repeated where the act already gives it. An act shown in English on
    a Ukrainian or Russian page is marked lang="en". "" without an act."""
    act = (delegation.appointing_act or "").strip().rstrip(".")
    if not act:
        return ""
    # Whether the act is a phrase is the English's to say: its translation is worded alike.
    english = delegation.english("appointing_act")
    language = translation.get_language()
    falls_back = (
        language in TRANSLATION_LANGUAGES
        and delegation.text_language("appointing_act", language) == ORIGINAL_LANGUAGE
    )
    if _ACT_AS_PHRASE.match(english):
        before, after, act = "", "", act[0].upper() + act[1:]
    else:
        before, _, after = gettext("Appointed by %(act)s").partition("%(act)s")
    marked = format_html('<span lang="{}">{}</span>', ORIGINAL_LANGUAGE, act) if falls_back else act
    when = partial_date(delegation.appointed_on)
    day = f" ({when})" if when and when not in act else ""
    return format_html("{}{}{}{}", before, marked, after, day)


# What editors write in a "what moved" field when nothing did; a reader should not see "None".
_NOTHING = re.compile(r"^\s*(none|nothing|n/?a|-+|—)?\s*\.?\s*$", re.IGNORECASE)


@register.filter
def nothing_moved(text: str, instead: str = "") -> str:
    """text as it is, or instead where it only says that nothing moved ("None.", "n/a", "-",
    blank), so a page never reads "What moved: None."."""
    return instead if _NOTHING.match(text or "") else text
