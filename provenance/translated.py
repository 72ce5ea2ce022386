"""The record's texts in Ukrainian and Russian, and what is known about each translation.

The translations are django-modeltranslation's columns on the same row (`summary_en`,
`summary_uk`, `summary_ru`; registered in each app's translation.py), so a row's publication
status, its history, the publish guard and optimistic locking cover them with nothing more.
This module adds, on the same row, whether a person reviewed each translation and whether its
English has changed since (`translation_status`).
"""

import hashlib
from contextlib import contextmanager
from contextvars import ContextVar

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import translation
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from provenance.text import clean_text

# The languages the record's texts are translated into; English is the original and fallback.
ORIGINAL_LANGUAGE = "en"
TRANSLATION_LANGUAGES = ("uk", "ru")

MISSING, OUTDATED, UNREVIEWED, REVIEWED = "missing", "outdated", "unreviewed", "reviewed"


# Inside records_in_english(): modeltranslation reads and writes `summary` as `summary_en`.
_records_in_english = ContextVar("records_in_english", default=False)


@contextmanager
def records_in_english():
    """Within it, `obj.summary`, `filter(summary=…)`, ordering and search mean the English
    column whatever language the interface is in, while translated interface strings still
    follow the active language. The admin runs in it (ops.middleware.UrlLanguageMiddleware): it
    edits every column by its own name, `summary` being the English, so an editor working in
    Ukrainian neither sees Ukrainian in the English box nor writes into `summary_uk` through it,
    and a unique name (Track.name) is checked against the English names."""
    token = _records_in_english.set(True)
    try:
        yield
    finally:
        _records_in_english.reset(token)


def record_language() -> str | None:
    """The language modeltranslation resolves `summary` in (provenance.apps installs it):
    English inside records_in_english(), else the active language."""
    return ORIGINAL_LANGUAGE if _records_in_english.get() else translation.get_language()


def localized(field: str, language: str) -> str:
    """The column that holds `field` in `language`: ("summary", "uk") -> "summary_uk"."""
    return f"{field}_{language}"


class TranslatedHistoricalRecords(HistoricalRecords):
    """simple-history's versions of a model with translation columns: the columns are copied as
    plain fields, so a version's `name_uk` is no more unique than its `name` (simple-history drops
    `unique` on a field it copies, but a modeltranslation field reports its original's)."""

    def copy_fields(self, model):
        fields = super().copy_fields(model)
        for name, copied in list(fields.items()):
            if getattr(copied, "translated_field", None) is None:
                continue
            _, path, args, kwargs = copied.deconstruct()
            if kwargs.pop("unique", False):
                kwargs["db_index"] = True
            plain = import_string(path)(*args, **kwargs)
            plain.name = name
            fields[name] = plain
        return fields


class TranslatedTexts:
    """Reading a row's texts by language, for a model with translations (`Translated`) and for
    its versions (`TranslatedVersion`): both hold the `summary_en`, `summary_uk`, `summary_ru`
    columns of each of `translated_fields`, and `translation_status`."""

    translated_fields: tuple[str, ...] = ()
    translation_status: dict

    def translation_texts(self, language: str) -> tuple[str, ...]:
        """The texts of `translated_fields` in `language`, "" where there is none (no fallback)."""
        return tuple(
            self.__dict__.get(localized(field, language)) or "" for field in self.translated_fields
        )

    def english(self, field: str) -> str:
        """The English text of `field`, whatever the active language."""
        return self.__dict__.get(localized(field, ORIGINAL_LANGUAGE)) or ""

    def text_language(self, field: str, language: str) -> str | None:
        """The language `field` is shown in on a page or answer in `language`: `language` when
        it has that text, else "en" (the fallback) when the English is there, else None."""
        if self.__dict__.get(localized(field, language)):
            return language
        if self.english(field):
            return ORIGINAL_LANGUAGE
        return None

    def translations_of(self, *fields: str) -> list[str]:
        """The Ukrainian, then Russian, texts of `fields` ("" where none); for search, so a
        record is found by its text in any language."""
        return [
            self.__dict__.get(localized(field, language)) or ""
            for language in TRANSLATION_LANGUAGES
            for field in fields
        ]

    def english_digest(self) -> str:
        """sha1 (hex) of the English texts of `translated_fields`: a translation made from other
        English has a different one."""
        # Cleaned as saving cleans it (provenance.apps), so the digest is the stored text's.
        joined = "\x1f".join(clean_text(text) for text in self.translation_texts(ORIGINAL_LANGUAGE))
        return hashlib.sha1(joined.encode()).hexdigest()

    def translation_state(self, language: str) -> str:
        """ "missing", "outdated", "unreviewed" or "reviewed", for "uk" or "ru".

        missing: some field has English text but none in `language`; outdated: the English
        changed since the translation was saved or reviewed; unreviewed: no person has reviewed
        it; reviewed: a person has, and the English is the one they saw.
        """
        english = self.translation_texts(ORIGINAL_LANGUAGE)
        translated = self.translation_texts(language)
        if any(en and not tr for en, tr in zip(english, translated, strict=True)):
            return MISSING
        entry = (self.translation_status or {}).get(language)
        if entry is None:
            # No English to translate and no translation: nothing is missing.
            return REVIEWED if not any(english) else MISSING
        if entry.get("english") != self.english_digest():
            return OUTDATED
        return REVIEWED if entry.get("reviewed") else UNREVIEWED


class TranslatedVersion(TranslatedTexts, models.Model):
    """The base of the versions simple-history keeps of a `Translated` model: a version reads its
    texts by language as its row does, so a page as it stood on a day (`?as_of=`) shows them in
    the page's language and marks an English fallback as the current page does."""

    class Meta:
        abstract = True

    @property
    def translated_fields(self) -> tuple[str, ...]:
        return self.instance_type.translated_fields

    def read_in(self, language: str) -> None:
        """Make `version.summary` read as `row.summary` does on a page in `language`: the
        translation, else the English. In memory only; a version is never saved after."""
        for field in self.translated_fields:
            text = self.__dict__.get(localized(field, language)) or self.english(field)
            setattr(self, field, text)


class Translated(TranslatedTexts, models.Model):
    """A model whose reader-facing texts (`translated_fields`) have Ukrainian and Russian
    translations, and a record of each translation's state.

    `translation_status` is {"uk": {"reviewed": bool, "english": "<sha1>"}, "ru": {...}}: per
    language that has any translated text, whether a person reviewed it, and the digest
    (`english_digest()`) of the English texts when the translation was last saved or reviewed.
    It is kept up to date by `save()`; a language with no translated text has no entry.
    """

    # The fields registered for translation in the app's translation.py, in reading order.
    translated_fields: tuple[str, ...] = ()

    translation_status = models.JSONField(
        verbose_name=_("translation status"),
        default=dict,
        blank=True,
        editable=False,
        help_text=_(
            "Per language, whether a person reviewed the translation and the English it "
            "was made from; kept up to date on save."
        ),
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs) -> None:
        # An empty translation is no translation: NULL, so that unique names (Track.name) allow
        # many rows without one.
        for field in self.translated_fields:
            for language in TRANSLATION_LANGUAGES:
                if self.__dict__.get(localized(field, language)) == "":
                    setattr(self, localized(field, language), None)
        self.translation_status = self.computed_translation_status()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "translation_status"}
        # Saved as English whatever the active language: modeltranslation reads and writes
        # `summary` as the active language's column, so a save under /uk/ would otherwise store
        # Ukrainian in the original `summary` column, and the text cleaning on pre_save
        # (provenance.apps) would copy the English fallback into an empty `summary_uk`.
        with translation.override(ORIGINAL_LANGUAGE):
            super().save(*args, **kwargs)
        self._review_marks = {}
        self._remember_translations()

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._remember_translations()
        return instance

    def _remember_translations(self) -> None:
        # What the translations were when read, to tell on save whether one was changed (a
        # changed translation is a new one: unreviewed, made from the English of now).
        self._saved_translations = {
            language: self.translation_texts(language) for language in TRANSLATION_LANGUAGES
        }

    def mark_translation_reviewed(self, language: str, reviewed: bool = True) -> None:
        """Record on the next save that a person has (or has not) reviewed the translation into
        `language`; reviewing it also records the English it was reviewed against."""
        self._review_marks = {**getattr(self, "_review_marks", {}), language: reviewed}

    def computed_translation_status(self) -> dict:
        """The `translation_status` that saving now would store (see the class docstring)."""
        digest = self.english_digest()
        before = self.translation_status or {}
        saved = getattr(self, "_saved_translations", None)
        marks = getattr(self, "_review_marks", {})
        status = {}
        for language in TRANSLATION_LANGUAGES:
            texts = self.translation_texts(language)
            if not any(texts):
                continue
            entry = before.get(language)
            # Unknown what was saved (a row built in Python, e.g. from a history version): keep
            # what the row says; otherwise a changed translation starts over, unreviewed.
            changed = entry is None or (saved is not None and saved.get(language) != texts)
            if changed:
                entry = {"reviewed": False, "english": digest}
            if language in marks:
                entry = {
                    "reviewed": marks[language],
                    "english": digest if marks[language] else entry["english"],
                }
            status[language] = dict(entry)
        return status


def english_column(model, field: str) -> str:
    """The column holding `field`'s English: "title_en" on a model with translations of it,
    else "title"."""
    names = {f.name for f in model._meta.concrete_fields}
    return (
        localized(field, ORIGINAL_LANGUAGE)
        if localized(field, ORIGINAL_LANGUAGE) in names
        else field
    )


def english_lookup(model, lookup: str) -> str:
    """`lookup` with a translated field at its end named by its English column: "name" ->
    "name_en" on Person, "person__name" -> "person__name_en" from Participant; anything else
    as given. For orderings: the record is listed in one order, the English, in every language
    (modeltranslation would sort by the active language's column, with the rows that have no
    translation apart from the rest, and pages of the API would differ by language)."""
    *path, last = lookup.split("__")
    target = model
    for part in path:
        try:
            target = target._meta.get_field(part).related_model
        except FieldDoesNotExist:  # not a field path (an annotation, a transform): as given
            return lookup
        if target is None:
            return lookup
    if issubclass(target, Translated) and last in target.translated_fields:
        return "__".join([*path, localized(last, ORIGINAL_LANGUAGE)])
    return lookup


def without_rewriting(queryset):
    """`queryset` as Django writes it, for a UNION or a read of raw columns: modeltranslation's
    queryset rewrites `title` to the active language's column and post-processes values(),
    which breaks a UNION's columns. Name English columns with `english_column()`."""
    rewrite = getattr(queryset, "rewrite", None)
    return rewrite(False) if rewrite is not None else queryset


def translation_columns(*lookups: str) -> list[str]:
    """For `.only()` on a model without translations that reads a related one's translated
    texts: each lookup with its English, Ukrainian and Russian columns ("person__name" ->
    "person__name", "person__name_en", …), which the field reads, so none is loaded row by row."""
    languages = (ORIGINAL_LANGUAGE, *TRANSLATION_LANGUAGES)
    return [
        column
        for lookup in lookups
        for column in (lookup, *(localized(lookup, language) for language in languages))
    ]


def register_translations(*models) -> None:
    """For an app's translation.py: each model's `translated_fields` get modeltranslation's
    columns (the English as required as before, the translations optional), then the model's
    history is registered, after the columns exist, so every version carries the translations
    and reverting a version restores them (a `HistoricalRecords()` in the model's body would
    copy the fields before modeltranslation adds them)."""
    from modeltranslation.translator import TranslationOptions, translator
    from simple_history import register as register_history

    for model in models:
        options = type(
            f"{model.__name__}Translation",
            (TranslationOptions,),
            {"fields": model.translated_fields, "required_languages": (ORIGINAL_LANGUAGE,)},
        )
        translator.register(model, options)
        register_history(
            model, records_class=TranslatedHistoricalRecords, bases=[TranslatedVersion]
        )
