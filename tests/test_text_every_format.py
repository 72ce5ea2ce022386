"""Text that every format survives (#12, section 5).

A control character pasted from Word (`\\x02`), a non-character (`U+FFFF`) or a lone surrogate
is kept out of every text field of every content model, whatever path writes it; and rows stored
before that rule still come out of every feed, calendar, JSON-LD block and CSV as something the
format's own parser reads.
"""

import pytest
from django.apps import apps
from django.db import models

from provenance.guard import PROJECT_APPS

# Each test in its own savepoint over the module's record: what one writes, the next never sees.
pytestmark = pytest.mark.django_db

# What Word, a PDF or a bad converter leaves in pasted text: C0 and C1 controls, DEL,
# non-characters of the BMP and of plane 1, and a lone surrogate.
DIRTY = "\x02\x0b\x1f\x7f\x85\ufdd0\uffff\U0001fffe\ud800"


def unsafe(text: str) -> list[str]:
    """The characters of `text` that XML 1.0, iCalendar or UTF-8 cannot carry."""
    return [
        ch
        for ch in text
        if (ord(ch) < 0x20 and ch not in "\t\n")
        or 0x7F <= ord(ch) <= 0x9F
        or 0xFDD0 <= ord(ch) <= 0xFDEF
        or ord(ch) & 0xFFFE == 0xFFFE
        or 0xD800 <= ord(ch) <= 0xDFFF
    ]


def content_models() -> list[type[models.Model]]:
    """Every model of the record: the versioned models of the content apps."""
    return [
        model
        for model in apps.get_models()
        if model._meta.app_label in PROJECT_APPS
        and hasattr(model, "history")
        and not model.__name__.startswith("Historical")
    ]


def text_fields(model) -> list[models.Field]:
    return [
        field
        for field in model._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField)
    ]


# What an editor, an import or the loader writes; not search_text, which save() derives from
# those fields again (so what it stores depends on them, not on what was put in it).
TEXT_FIELDS = [
    (model, field) for model in content_models() for field in text_fields(model) if field.editable
]


def test_the_write_path_test_covers_the_whole_record():
    names = {model.__name__ for model in content_models()}
    assert {"Source", "Person", "Round", "Participant", "City", "Issue", "ExchangeCount"} <= names
    assert len(TEXT_FIELDS) > 100


# --- on the way in ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("model", "field"),
    TEXT_FIELDS,
    ids=[f"{model.__name__}.{field.name}" for model, field in TEXT_FIELDS],
)
def test_every_text_field_of_every_content_model_is_stored_clean(
    istanbul_record_for_module, model, field
):
    row = model._default_manager.order_by("pk").first()
    assert row is not None, f"the record has no {model.__name__}"
    original = getattr(row, field.attname)
    if original is None:
        # A translation the record does not have yet (`summary_uk`): give it one.
        original = "Переклад"
    # A choice is a code: junk after it must come back as the code.
    dirty = original + DIRTY if field.choices else original[:1] + DIRTY + original[1:]
    setattr(row, field.attname, dirty)
    row.save()
    stored = model._default_manager.values_list(field.attname, flat=True).get(pk=row.pk)
    assert stored == original
    # The version kept in history, which the change feeds and revert read, is clean too.
    assert not unsafe(getattr(row.history.latest(), field.attname))
