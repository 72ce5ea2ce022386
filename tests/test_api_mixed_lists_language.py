"""The API's lists of mixed kinds, /timeline/ and /search/, answer in the language asked for, as
every resource does (#15): each item's texts come in it where translated (not the English the
timeline's UNION of kinds sorts by), and each item says which language its texts came in
(`title_language`, `summary_language`; `name_language` for a search hit) and how far its
translation has come (`translation_state`, null for a kind without translations).
"""

import pytest
from django.utils import translation

from provenance.translated import Translated
from record.kinds import BY_NAME
from record.languages import text_language

pytestmark = pytest.mark.django_db

LANGUAGES = ("en", "uk", "ru")


@pytest.fixture(autouse=True)
def record(istanbul_record_for_module, db):
    """The record is loaded once for the module; each test runs in its own savepoint."""


def every_item(client, url: str, language: str) -> list[dict]:
    """Every item of a list, in `language` (asked for by `?lang=`, and by Accept-Language for
    the same items)."""
    joined = "&" if "?" in url else "?"
    by_param = client.get(f"{url}{joined}lang={language}&page_size=500").json()
    by_header = client.get(
        f"{url}{joined}page_size=500", headers={"accept-language": f"{language};q=0.9"}
    ).json()
    assert by_param == by_header
    assert by_param["count"] == len(by_param["results"]) > 0, url
    return by_param["results"]


def shown(item: dict, language: str):
    """The object an item stands for, and the kind of it."""
    kind = BY_NAME[item["type"]]
    with translation.override(language):
        return kind, kind.model.objects.get(pk=item["id"])


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_timeline_item_comes_in_the_language_asked_and_says_so(client, language):
    items = every_item(client, "/api/v1/timeline/", language)
    in_language = 0
    for item in items:
        kind, obj = shown(item, language)
        with translation.override(language):
            title, summary = kind.title(obj), getattr(obj, kind.dated.summary)
        assert (item["title"], item["summary"]) == (title, summary), item
        assert item["title_language"] == text_language(obj, "title", language), item
        assert item["summary_language"] == text_language(obj, kind.dated.summary, language)
        in_language += item["title_language"] == language
        if language == "en" or not isinstance(obj, Translated):
            assert item["translation_state"] is None, item
        else:
            assert item["translation_state"] == obj.translation_state(language), item
    # The record's rounds and commitments are translated: their titles are not English here.
    assert in_language > 10, in_language


def test_a_timeline_item_without_a_translation_comes_in_english_said_to_be(client):
    from talks.models import Round

    round_ = Round.objects.published().get(track__slug="istanbul", number=2)
    Round.objects.filter(pk=round_.pk).update(title_uk=None, summary_uk="")
    url = "/api/v1/timeline/?type__in=round&round={}&lang={}"
    (item,) = client.get(url.format(2, "uk")).json()["results"]
    assert round_.title_en in item["title"]
    assert item["summary"] == round_.summary_en
    assert (item["title_language"], item["summary_language"]) == ("en", "en")
    assert item["translation_state"] == "missing"
    # Round 1 keeps its translation: Ukrainian, not the English.
    (ukrainian,) = client.get(url.format(1, "uk")).json()["results"]
    (english,) = client.get(url.format(1, "en")).json()["results"]
    assert ukrainian["title_language"] == "uk"
    assert ukrainian["title"] != english["title"]


def test_the_timeline_in_pages_is_the_timeline_in_one_piece_in_every_language(client):
    # Paged by the database (the UNION), read whole in Python: the same order both ways, and
    # the same in every language (ties within a day are ordered by the English title), so a
    # page of the timeline holds the same entries in Ukrainian as in English.
    orders = set()
    for language in LANGUAGES:
        whole = every_item(client, "/api/v1/timeline/", language)
        orders.add(tuple((i["type"], i["id"]) for i in whole))
        paged = []
        page = f"/api/v1/timeline/?lang={language}&page_size=7"
        while page:
            answer = client.get(page).json()
            paged.extend(answer["results"])
            page = answer["next"]
        assert [(i["type"], i["id"]) for i in paged] == [(i["type"], i["id"]) for i in whole]
    assert len(orders) == 1


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("query", ["Istanbul", "Umerov", "обмін", "prisoner"])
def test_every_search_hit_says_which_language_its_name_came_in(client, language, query):
    from record.search import Hit

    items = client.get(f"/api/v1/search/?q={query}&lang={language}&page_size=500").json()
    for item in items["results"]:
        kind, obj = shown(item, language)
        with translation.override(language):
            assert item["name"] == Hit(kind, obj).title, item
            assert item["name_language"] == Hit(kind, obj).title_language(language), item
        assert item["name_language"] in (language, "en"), item
        expected = (
            obj.translation_state(language)
            if language != "en" and isinstance(obj, Translated)
            else None
        )
        assert item["translation_state"] == expected, item
    header = client.get(f"/api/v1/search.csv?q={query}&lang={language}").content.decode()
    assert {"name_language", "translation_state"} <= set(header.splitlines()[0].split(","))


def test_the_schema_documents_the_languages_of_mixed_lists_as_of_every_resource(client):
    schemas = client.get("/api/schema/?format=json").json()["components"]["schemas"]
    # As a resource documents them: the same languages (one enum) and translation states.
    round_ = schemas["Round"]["properties"]
    for name, texts in {
        "TimelineItem": ["title_language", "summary_language"],
        "SearchHit": ["name_language"],
    }.items():
        properties = schemas[name]["properties"]
        for text in texts:
            assert properties[text] == round_["title_language"], (name, text)
        assert properties["translation_state"] == round_["translation_state"], name
