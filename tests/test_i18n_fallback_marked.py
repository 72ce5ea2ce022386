"""On a Ukrainian or Russian page, every record text shown in English because it has no
translation yet is inside an element with lang="en" (so a screen reader reads it as English and
a browser hyphenates it as English), and a translated text is not (#15).

Every page type of tests/browser/reader_pages.py, in uk and ru (a page that answers ?as_of= also
as it stood today, built from the history's versions), and every text of every model
with translations (the subclasses of provenance.translated.Translated, found, not listed): half of
each model's published rows lose their translations, so each page shows both kinds of text.
"""

import pytest
from django.apps import apps
from django.utils import timezone, translation

from actors.models import Membership, Person
from provenance.models import Source
from provenance.translated import TRANSLATION_LANGUAGES, Translated, localized
from public.as_of import AS_OF_ROUTES, ISTANBUL
from talks.models import Participant
from tests.browser.reader_pages import reader_pages
from tests.page_html import parse

pytestmark = pytest.mark.usefixtures("istanbul_record_for_module")

# The API's docs, served by another app (drf-spectacular) in English only.
NOT_SITE_PAGES = {"api-docs"}
# Where a text is plain text that no element inside can mark as English, so it is not checked
# here: the document's head (the <title>: see the README, "Languages"), scripts (JSON-LD), the
# citation box (a <textarea>) and an SVG graphic's tooltip (its <title>; the dot's caption and the
# list below the graphic mark the same title).
NOT_PROSE = {"head", "script", "style", "template", "textarea", "title"}
# A shorter text ("Kyiv", "Ukraine") is also part of interface phrases and of names of kinds
# without translations; a page's text is matched against texts at least this long.
SHORTEST = 12
# A text rendered from Markdown is split into several nodes (emphasis, links, paragraphs): a
# node at least this long that begins one of a text's paragraphs is taken as that text.
SHORTEST_PART = 40


def translated_models() -> list:
    return [model for model in apps.get_models() if issubclass(model, Translated)]


@pytest.fixture
def texts(db):
    """{"en": {English texts now without a translation}, "uk"/"ru": {translations shown},
    "never": {texts never translated}}: the translations of every other published row of each
    translated model are removed."""
    models = translated_models()
    # People, rounds, tracks, issues, positions and commitments at least (#15).
    assert {"Person", "Round", "Track", "Issue", "Position", "Commitment"} <= {
        model.__name__ for model in models
    }
    english, shown = set(), {language: set() for language in TRANSLATION_LANGUAGES}
    for model in models:
        rows = list(model.objects.published().order_by("pk"))
        for index, row in enumerate(rows):
            if index % 2:
                blanks = {
                    localized(field, language): None
                    for field in model.translated_fields
                    for language in TRANSLATION_LANGUAGES
                }
                model.objects.filter(pk=row.pk).update(**blanks)
                # And its versions, which the pages as they stood on a day (?as_of=) show.
                model.history.filter(id=row.pk).update(**blanks)
                english.update(row.english(field) for field in model.translated_fields)
            else:
                for language in TRANSLATION_LANGUAGES:
                    shown[language].update(row.translation_texts(language))
    return {
        "en": paragraphs(english),
        **{language: paragraphs(found) for language, found in shown.items()},
        # Texts written in English only, which no one translates: a source's title and note (in
        # English or Latin transliteration) and any fact's confidence note.
        "english_only": paragraphs(english_only_texts()),
        # Texts that are never translated, in which the same words are no fallback: a native
        # name is in its own script, and a post held is written as the sources name it.
        "never": {
            " ".join(text.split())
            for text in [
                *Person.objects.values_list("native_name", flat=True),
                *Membership.objects.values_list("post", flat=True),
                *Participant.objects.values_list("title_at_time", flat=True),
            ]
            if text
        },
    }


def english_only_texts() -> list[str]:
    texts = [*Source.objects.values_list("title", flat=True)]
    texts += Source.objects.values_list("note", flat=True)
    for model in apps.get_models():
        noted = any(field.name == "confidence_note" for field in model._meta.concrete_fields)
        if noted and not model.__name__.startswith("Historical"):
            texts += model._default_manager.values_list("confidence_note", flat=True)
    return texts


def paragraphs(texts) -> set[str]:
    """The texts' paragraphs (a Markdown text's are its blocks), whitespace collapsed, each as
    long as SHORTEST at least."""
    found = (" ".join(part.split()) for text in texts for part in (text or "").split("\n\n"))
    return {part for part in found if len(part) >= SHORTEST}


@pytest.fixture
def pages(django_db_blocker):
    with django_db_blocker.unblock(), translation.override("en"):
        found, missing = reader_pages()
    assert not missing
    pages = {label: url for label, url in found.items() if label not in NOT_SITE_PAGES}
    # Each page that answers ?as_of=, as the record stood today: built from history versions.
    today = timezone.now().astimezone(ISTANBUL).date().isoformat()
    assert set(pages) >= AS_OF_ROUTES
    pages.update({f"{label}?as_of": f"{pages[label]}?as_of={today}" for label in AS_OF_ROUTES})
    return pages


def text_nodes(root):
    """(text with whitespace collapsed, its element) for every text a reader reads on the page."""
    for element in root.iter():
        if element.tag in NOT_PROSE or any(a.tag in NOT_PROSE for a in element.ancestors()):
            continue
        for child in element.children:
            if isinstance(child, str) and child.strip():
                yield " ".join(child.split()), element


def language_of(element) -> str:
    """The language an element's text is read in: its nearest `lang` attribute."""
    for node in (element, *element.ancestors()):
        if "lang" in node.attrs:
            return node.attrs["lang"]
    return ""


def matches(node: str, texts: set[str]) -> str | None:
    """The text of `texts` the node shows, or None: the node is the text, or holds it as a good
    part of itself ("Istanbul talks, round 2"; not a name within a long text of a kind without
    translations), or is the long beginning of one (Markdown)."""
    for text in texts:
        if text in node and 3 * len(text) >= len(node):
            return text
        if len(node) >= SHORTEST_PART and text.startswith(node):
            return text
    return None


@pytest.mark.parametrize("code", TRANSLATION_LANGUAGES)
def test_every_english_fallback_is_marked_english_and_no_translation_is(client, texts, pages, code):
    seen_fallback = seen_translated = seen_english_only = 0
    wrong = []
    for label, url in pages.items():
        response = client.get(f"/{code}{url}")
        assert response.status_code == 200, (label, url)
        for node, element in text_nodes(parse(response.content.decode())):
            english_only = matches(node, texts["english_only"])
            if english_only is not None:
                seen_english_only += 1
                if language_of(element) != "en":
                    wrong.append((label, "English only, not marked en", element, node[:80]))
                continue
            if any(node.startswith(text) for text in texts["never"]):
                continue
            fallback = matches(node, texts["en"])
            if fallback is not None:
                seen_fallback += 1
                if language_of(element) != "en":
                    wrong.append((label, "not marked en", element, fallback[:60]))
                continue
            translated = matches(node, texts[code])
            if translated is not None:
                seen_translated += 1
                if language_of(element) == "en":
                    wrong.append((label, "marked en", element, translated[:60]))
    # The test reads what it means to: both kinds of text are on the pages.
    assert seen_fallback > 100, seen_fallback
    assert seen_translated > 100, seen_translated
    assert seen_english_only > 50, seen_english_only
    assert not wrong, "\n".join(map(str, wrong[:40])) + f"\n… {len(wrong)} in all"
