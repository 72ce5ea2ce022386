"""No English interface word left on a Ukrainian or Russian page.

Every page type of tests/browser/reader_pages.py (with its dated versions and refusals, and the
404 page), with the Istanbul record loaded, in Ukrainian and Russian: no text a reader sees is
the English label of one of the models' choices (sides, stances, statuses, confidence, kinds,
precisions, roles…), the name of a kind of record ("Sources"), or another interface string the
pages build in Python (a round's name, a venue's local time, the citation box). Text inside an
element marked lang="en" is left alone, and a record's name where it names the record: that is
the record's own text, English until it is translated. The API, whose addresses have no prefix,
stays English.
"""

import inspect
import re

import pytest
from django.db import models
from django.utils import timezone, translation

import actors.models
import positions.models
import provenance.models
import talks.models
from public.as_of import AS_OF_ROUTES, ISTANBUL
from record.kinds import KINDS
from tests.browser.reader_pages import reader_pages
from tests.page_html import Element, parse

pytestmark = pytest.mark.usefixtures("istanbul_record_for_module")

CHOICE_MODULES = (talks.models, positions.models, actors.models, provenance.models)
# The API's docs, served by another app (drf-spectacular) in English only.
NOT_TRANSLATED = {"api-docs"}
# Interface text built in Python rather than in templates, as whole phrases or as patterns
# (a round's name, a city's local time, the citation box's words).
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
ENGLISH_PHRASES = [
    re.compile(r"^Round \d+: "),  # a round's name
    re.compile(r", round \d+$"),  # a search hit's round
    re.compile(r"\boutside a round$"),
    re.compile(r"\b\w+ time$"),  # a round's local time
    re.compile(r"\bIstanbul Talks Tracker\b"),  # the citation's publisher
    re.compile(r"\b(?:Last modified|Accessed|Home page)\b"),
    re.compile(r"\bRecord reviewed to\b"),
    re.compile(rf"(?:^|— )\d{{1,2}} (?:{MONTHS}) \d{{4}}$"),  # a day the interface writes
    re.compile(r"^— (?:from|to) "),
    # A chart's claimant, a delegation's head.
    re.compile(r"^(?:per|Led by|Chaired by) "),
    # A source's or round's language.
    re.compile(r"^(?:Russian|Ukrainian|English|Turkish)$"),
    # Rows named in the change log.
    re.compile(
        r"^(?:Ukraine|Russia|Mediator at the table|Host and mediator|Partners present, not at "
        r"the table)(?: on .+)? at round \d+$|^\w+'s delegation, |^\w+ received \d+ "
    ),
    # A compact source list's badge.
    re.compile(r"\bstate(?:-linked)? media$"),
    # The messages of a dated page that cannot be shown.
    re.compile(r"\bis not a (?:date|day)\b|\bis in the future\b|\bhistory of \w+ begins\b"),
]
# Elements whose text no reader reads as the page's words.
SKIPPED_TAGS = {"script", "style"}
# Attributes a reader sees or hears: a table cell's side or column heading shown above it on a
# phone, a tooltip, what a screen reader says.
SHOWN_ATTRIBUTES = ("data-side", "data-label", "title", "aria-label", "placeholder", "alt")
# Elements that name a record by its own name (a link to it, an entry of a filter's list, a
# heading, the citation's title): an organization called "Ukraine" or an issue called
# "Civilians" is the record's text, not a choice's label.
RECORD_NAME_TAGS = {"a", "option", "h1", "h3", "title"}
RECORD_NAME_CLASSES = {"cite-page-parts"}


def public_enums() -> list[type[models.Choices]]:
    """Every enum of choices the models define."""
    return [
        enum
        for module in CHOICE_MODULES
        for _, enum in inspect.getmembers(module, inspect.isclass)
        if issubclass(enum, models.Choices) and enum.__module__ == module.__name__
    ]


def choice_labels() -> set[str]:
    """The English label of every choice of the public models' enums, and every kind of
    record's name ("Source", "Sources"), which headings and badges show."""
    with translation.override("en"):
        labels = {str(label) for enum in public_enums() for label in enum.labels if label}
        labels.update(str(name) for kind in KINDS for name in (kind.label, kind.plural))
    return labels


def record_names() -> set[str]:
    """The names of the record's issues, organizations and tracks, some of which are also a
    choice's English label ("Ukraine", "Civilians")."""
    from actors.models import Organization
    from positions.models import Issue
    from talks.models import Track

    names = set(Organization.objects.values_list("name", flat=True))
    names.update(Issue.objects.values_list("name", flat=True))
    names.update(Track.objects.values_list("name", flat=True))
    return names


def interface_text(root: Element, names: set[str]) -> list[str]:
    """Every text node and shown attribute a reader sees, whitespace collapsed, outside
    elements marked lang="en"; a record's name is left out where it names the record."""
    found = []

    def walk(node: Element, naming: bool):
        if node.tag in SKIPPED_TAGS or node.attrs.get("lang") == "en":
            return
        naming = naming or node.tag in RECORD_NAME_TAGS or bool(node.classes & RECORD_NAME_CLASSES)
        found.extend(" ".join(node.attrs[a].split()) for a in SHOWN_ATTRIBUTES if node.attrs.get(a))
        for child in node.children:
            if isinstance(child, Element):
                walk(child, naming)
            elif child.strip():
                text = " ".join(child.split())
                if not (naming and text in names):
                    found.append(text)

    walk(root, False)
    return found


# The ?as_of= days a dated page refuses (400), each with its own message.
REFUSED_DAYS = {
    "as-of-not-a-date": "June",
    "as-of-no-such-day": "2025-02-30",
    "as-of-future": "2999-01-01",
    "as-of-before-history": "2000-01-01",
}
STATUS = {"not-found": 404, **dict.fromkeys(REFUSED_DAYS, 400)}


@pytest.fixture(scope="module")
def pages(django_db_blocker):
    # English addresses, whatever language an earlier request left active in this thread.
    with django_db_blocker.unblock(), translation.override("en"):
        found, missing = reader_pages()
    assert not missing
    pages = {label: url for label, url in found.items() if label not in NOT_TRANSLATED}
    # Each page kept in dated versions, as it stood today, and its refusals' messages.
    today = timezone.now().astimezone(ISTANBUL).date().isoformat()
    for route in AS_OF_ROUTES:
        if route in pages:
            pages[f"{route}-as-of"] = f"{pages[route]}?as_of={today}"
    round_page = pages["round-detail"]
    for why, day in REFUSED_DAYS.items():
        pages[why] = f"{round_page}?as_of={day}"
    pages["not-found"] = "/rounds/987654/"
    return pages


def test_every_choice_is_translated_in_ukrainian_and_russian():
    labels = choice_labels()
    assert len(labels) > 80
    for code in ("uk", "ru"):
        with translation.override(code):
            for enum in public_enums():
                left = [str(label) for label in enum.labels if str(label) in labels]
                assert not left, (code, enum.__name__, left)


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["uk", "ru"])
def test_no_english_interface_text_on_any_page_type(client, pages, code):
    labels = choice_labels()
    names = record_names()
    assert len(pages) >= 20
    left = {}
    for label, url in pages.items():
        response = client.get(f"/{code}{url}")
        assert response.status_code == STATUS.get(label, 200), (label, code)
        texts = interface_text(parse(response.content.decode()), names)
        english = [t for t in texts if t in labels]
        english += [t for t in texts if any(p.search(t) for p in ENGLISH_PHRASES)]
        if english:
            left[label] = sorted(set(english))
    assert not left, (code, left)


@pytest.mark.django_db
def test_the_api_is_the_same_whatever_language_is_active(client, pages):
    urls = [
        "/api/v1/rounds/",
        "/api/v1/positions/",
        "/api/v1/commitments/",
        "/api/v1/exchanges/",
        "/api/v1/documents/",
        "/api/v1/events/",
        "/api/v1/sources/",
        "/api/v1/timeline/",
        "/api/v1/search/?q=Umerov",
        "/api/v1/changes/?since=2020-01-01T00:00:00Z",
        "/api/v1/totals/",
        "/api/v1/delegations/",
        "/api/v1/participants/",
        "/api/v1/organizations/",
        "/api/v1/exchange-counts/",
        "/api/v1/popolo.json",
        "/api/v1/timeline.json",
        "/api/v1/positions.csv",
        "/api/v1/search.csv?q=round",
    ]
    for url in urls:
        english = client.get(url)
        assert english.status_code == 200, url
        for code in ("uk", "ru"):
            # A language left active in the thread (as a page in another language leaves it)
            # changes nothing: the API answers in the language its request asks for
            # (tests/test_api_language.py), here none, so English.
            with translation.override(code):
                other = client.get(url)
            assert other.content == english.content, (url, code)
