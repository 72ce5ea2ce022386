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
from django.core.exceptions import TooManyFieldsSent
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation.trans_real import parse_accept_lang_header
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.exceptions import ValidationError

from provenance.translated import MISSING, OUTDATED, REVIEWED, UNREVIEWED

LANGUAGE_PARAM = "lang"
LANGUAGES = tuple(code for code, _ in settings.LANGUAGES)
# For the schema's one enum of them (settings.SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"]).
LANGUAGE_CHOICES = list(LANGUAGES)
TRANSLATION_STATES = [MISSING, OUTDATED, UNREVIEWED, REVIEWED]
LANGUAGE_HELP = (
    "The language of the record's texts: en, uk or ru. Without it, the first of these in the "
    "Accept-Language header, else English. A text with no translation yet comes in English, and "
    "its `…_language` field says so."
)


def requested_language(request) -> str:
    """The language code ("en", "uk" or "ru") an API request asks for.

    `?lang=` wins when it names one of LANGUAGES; otherwise the first supported language of
    `Accept-Language`, by quality, with regional variants ("uk-UA", "ru-RU") read as their
    language; otherwise English. An unknown `lang` is refused with a 400 (check_language),
    said in the language the header asks for, as any other error of the request.
    """
    try:
        asked = request.GET.get(LANGUAGE_PARAM)
    except TooManyFieldsSent:
        # The 400 for this very query (api.errors.bad_request_view): it cannot be read, so the
        # header alone says the language.
        asked = None
    if asked in LANGUAGES:
        return asked
    for code, quality in parse_accept_lang_header(request.META.get("HTTP_ACCEPT_LANGUAGE", "")):
        if code == "*":
            break
        if quality <= 0:  # "ru;q=0": not acceptable (RFC 9110 §12.4.2)
            continue
        language = code.split("-", 1)[0].lower()
        if language in LANGUAGES:
            return language
    return settings.LANGUAGE_CODE


def check_language(query_params) -> None:
    """Refuses a `lang` the API does not have: a ValidationError (a JSON 400) naming the three."""
    language = query_params.get(LANGUAGE_PARAM)
    if language is not None and language not in LANGUAGES:
        raise ValidationError(
            {
                LANGUAGE_PARAM: [
                    gettext("Unknown language %(language)s: one of %(known)s.")
                    % {"language": repr(language), "known": ", ".join(LANGUAGES)}
                ]
            }
        )


@extend_schema_field(
    {
        "type": "string",
        "enum": [*LANGUAGES, None],
        "nullable": True,
        "description": "The language of the text before it: the one asked for (`lang`), or "
        "en where it has no translation yet; null when the text is empty.",
    }
)
class TextLanguageField(serializers.Field):
    """`<field>_language`: which language the item's `<field>` came in."""

    def __init__(self, text_field: str, **kwargs):
        self.text_field = text_field
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, value):
        language = translation.get_language() or settings.LANGUAGE_CODE
        return value.text_language(self.text_field, language)


@extend_schema_field(
    {
        "type": "string",
        "enum": [*TRANSLATION_STATES, None],
        "nullable": True,
        "description": "The item's translation into the language asked for (`lang`): missing "
        "(some text is still English), outdated (made or reviewed from English that has changed "
        "since), unreviewed (machine-assisted, no fluent person has checked it) or reviewed; "
        "null in English, and for an item of a kind whose texts are not translated.",
    }
)
class TranslationStateField(serializers.Field):
    """`translation_state`: what is known of the item's translation into the asked language."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, value):
        language = translation.get_language() or settings.LANGUAGE_CODE
        if language == settings.LANGUAGE_CODE:
            return None
        return value.translation_state(language)


class TextLanguagesMixin(serializers.Serializer):
    """Follows each translated text of the item (`title`, `summary`…) with `<text>_language`,
    so a reader of `?lang=uk` knows which texts are Ukrainian and which fell back to English,
    and adds `translation_state` (outdated, unreviewed…). The same columns in the CSV."""

    def get_fields(self):
        fields = super().get_fields()
        model = getattr(getattr(self, "Meta", None), "model", None)
        texts = set(getattr(model, "translated_fields", ()))
        if not texts:
            return fields
        with_languages = {}
        for name, field in fields.items():
            with_languages[name] = field
            source = field.source or name
            if source in texts:
                with_languages[f"{name}_language"] = TextLanguageField(source)
        if len(with_languages) > len(fields):
            with_languages["translation_state"] = TranslationStateField()
        return with_languages
