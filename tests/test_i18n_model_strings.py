"""Every label and help text an editor reads in the admin, about every field of every model of
the record, exists in Ukrainian and Russian (issue 15: "the editors' admin screens written for
translation").

The kind, not the instance: every model of the project's apps, every field an admin form or list
can show (concrete fields and many-to-many fields; not the "ID" primary key Django adds, nor the
translation columns modeltranslation adds, whose labels are built from their original's, nor
the history models simple-history builds from them), and each model's own name and plural. A
field added tomorrow without a marked, catalogued verbose name fails here.
"""

import re

import pytest
from django.apps import apps
from django.utils import translation
from django.utils.functional import Promise

# The apps whose models editors work with; third-party models (users, OTP devices, axes) come
# with their own translations.
PROJECT_APPS = ("provenance", "actors", "talks", "positions", "record", "public", "api", "ops")
# Words that are the same in all three languages.
SAME_IN_EVERY_LANGUAGE = {
    "URL",
    "REST API",
    "ISO 3166-1 alpha-2, e.g. CH.",
    "ISO 3166-1 alpha-2, e.g. TR.",
}


def _models():
    for label in PROJECT_APPS:
        for model in apps.get_app_config(label).get_models():
            if model.__name__.startswith("Historical"):
                continue
            yield model


def _fields(model):
    for field in [*model._meta.concrete_fields, *model._meta.many_to_many]:
        if field.auto_created:
            continue  # Django's own "ID" primary key, which no admin form or list shows
        if getattr(field, "translated_field", None) is not None:
            continue  # modeltranslation's summary_uk: "summary [uk]", from summary's label
        yield field


def _texts():
    """(id, text) for every app's name (the admin's sections) and every model name and field
    label and help text."""
    for label in PROJECT_APPS:
        yield f"{label}: app verbose_name", apps.get_app_config(label).verbose_name
    for model in _models():
        name = model._meta.label
        yield f"{name}: verbose_name", model._meta.verbose_name
        yield f"{name}: verbose_name_plural", model._meta.verbose_name_plural
        for field in _fields(model):
            yield f"{name}.{field.name}: verbose_name", field.verbose_name
            if field.help_text:
                yield f"{name}.{field.name}: help_text", field.help_text


TEXTS = list(_texts())


@pytest.mark.parametrize(("where", "text"), TEXTS, ids=[where for where, _ in TEXTS])
def test_every_model_label_and_help_text_is_translated(where, text):
    assert isinstance(text, Promise), f"{where}: {text!r} is not marked for translation"
    english = str(text)
    if english in SAME_IN_EVERY_LANGUAGE:
        return
    for language in ("uk", "ru"):
        with translation.override(language):
            assert str(text) != english, f"{where}: {english!r} has no {language} translation"


@pytest.mark.parametrize(("where", "text"), TEXTS, ids=[where for where, _ in TEXTS])
def test_no_label_or_help_text_holds_markup(where, text):
    """The admin renders help texts as HTML: "/tracks/<slug>/" reached editors as "/tracks//",
    the browser taking <slug> for a tag. Each language's text is checked, as each is shown."""
    for language in ("en", "uk", "ru"):
        with translation.override(language):
            assert not re.search(r"<[^>]*>|&\w+;", str(text)), f"{where} ({language}): {text}"
