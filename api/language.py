"""The language of an API answer's texts (issue 15).

A journalist asks for one with `?lang=uk` (English `en`, Ukrainian `uk`, Russian `ru`); without
it, the first language of the request's `Accept-Language` the record has, else English. The site
never lets `Accept-Language` choose a page (a shared link must show what its address says), but
an API client that sends the header means it, and `Vary: Accept-Language` tells caches so.

The answer is produced with that language active, so the record's translated texts (titles,
summaries, names: see each app's translation.py) come in it, falling back to English where no
translation exists, and the answer says which (`Content-Language`, and per text the
`…_language` fields of api.fields.TextLanguagesMixin).
"""

from django.conf import settings
from django.utils.translation.trans_real import parse_accept_lang_header

LANGUAGE_PARAM = "lang"
LANGUAGES = tuple(code for code, _ in settings.LANGUAGES)
LANGUAGE_HELP = (
    "The language of the record's texts: en, uk or ru. Without it, the first of these in the "
    "Accept-Language header, else English. A text with no translation yet comes in English, and "
    "its `…_language` field says so."
)


def requested_language(request) -> str:
    """The language code ("en", "uk" or "ru") an API request asks for.

    `?lang=` wins when it names one of LANGUAGES (an unknown value is refused with a 400 by
    api.filters.StrictParamsMixin, so it is read as English only until then); otherwise the
    first supported language of `Accept-Language`, by quality, with regional variants
    ("uk-UA", "ru-RU") read as their language; otherwise English.
    """
    asked = request.GET.get(LANGUAGE_PARAM)
    if asked is not None:
        return asked if asked in LANGUAGES else settings.LANGUAGE_CODE
    for code, _quality in parse_accept_lang_header(request.META.get("HTTP_ACCEPT_LANGUAGE", "")):
        if code == "*":
            break
        language = code.split("-", 1)[0].lower()
        if language in LANGUAGES:
            return language
    return settings.LANGUAGE_CODE
