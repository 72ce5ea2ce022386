"""The API answers in the language asked for (`?lang=`, else Accept-Language, else English), on
every operation its OpenAPI schema documents, so a new endpoint is covered without anyone
remembering to (#15): it says which language it answered in, caches and conditional requests
keep languages apart, and an unknown language is a JSON 400 that names the ones there are.
"""

import csv
import io
import re

import pytest
from drf_spectacular.generators import SchemaGenerator

from api.urls import RESOURCES

pytestmark = pytest.mark.django_db

# Values for the parameters an operation requires, besides the item id.
REQUIRED = {"since": "2025-01-01T00:00:00Z", "q": "Istanbul"}


@pytest.fixture(autouse=True)
def record(istanbul_record_for_module, db):
    """The record is loaded once for the module; each test runs in its own savepoint."""


def _item_id(prefix: str) -> int:
    from record.kinds import RESOURCES as KINDS

    basename = next(name for path, _, name in RESOURCES if path == prefix)
    kind = next(kind for kind in KINDS if kind.name == basename)
    return kind.public().order_by("pk").values_list("pk", flat=True).first()


def every_operation() -> list[str]:
    """One callable address per GET operation of the schema (ids of published rows filled in,
    required parameters given)."""
    schema = SchemaGenerator().get_schema(request=None, public=True)
    urls = []
    for path, operations in schema["paths"].items():
        operation = operations.get("get")
        if operation is None:
            continue
        query = [
            f"{parameter['name']}={REQUIRED[parameter['name']]}"
            for parameter in operation.get("parameters", [])
            if parameter.get("required") and parameter["in"] == "query"
        ]
        if "{id}" in path:
            path = path.replace("{id}", str(_item_id(path.split("/")[3])))
        urls.append(path + ("?" + "&".join(query) if query else ""))
    return urls


def _with(url: str, params: str) -> str:
    return url + ("&" if "?" in url else "?") + params


def test_every_operation_documents_lang_with_its_three_values():
    schema = SchemaGenerator().get_schema(request=None, public=True)
    operations = [op for ops in schema["paths"].values() for op in ops.values()]
    assert len(operations) >= 40
    for operation in operations:
        (lang,) = [p for p in operation["parameters"] if p["name"] == "lang"]
        assert lang["schema"]["enum"] == ["en", "uk", "ru"], operation["operationId"]


def test_every_operation_answers_in_the_language_asked_for(client):
    # And the API's front page, which the schema does not list.
    urls = [*every_operation(), "/api/v1/"]
    assert len(urls) >= 41
    for url in urls:
        english = client.get(url)
        assert english.status_code == 200, (url, english.content[:300])
        assert english["Content-Language"] == "en", url
        for language in ("uk", "ru"):
            by_param = client.get(_with(url, f"lang={language}"))
            assert by_param.status_code == 200, (url, language)
            assert by_param["Content-Language"] == language, url
            by_header = client.get(
                url, headers={"accept-language": f"{language}-UA;q=0.9, en;q=0.5"}
            )
            assert by_header["Content-Language"] == language, url
            assert "Accept-Language" in by_header["Vary"], url
            # Languages never share an ETag: a client holding the English copy gets the other.
            assert by_param["ETag"] != english["ETag"], url
            again = client.get(
                _with(url, f"lang={language}"), headers={"if-none-match": english["ETag"]}
            )
            assert again.status_code == 200, url
            unchanged = client.get(
                _with(url, f"lang={language}"), headers={"if-none-match": by_param["ETag"]}
            )
            assert unchanged.status_code == 304, url
            assert unchanged["Content-Language"] == language, url
            assert "Accept-Language" in unchanged["Vary"], url


@pytest.mark.parametrize("value", ["de", "UK", "uk-UA", "", "en,uk"])
def test_an_unknown_language_is_a_json_400_naming_the_languages(client, value):
    for url in [*every_operation(), "/api/v1/"]:
        response = client.get(_with(url, f"lang={value}"))
        assert response.status_code == 400, (url, value)
        assert response["Content-Type"].startswith("application/json"), url
        message = str(response.json())
        assert "lang" in message, (url, message)
        if value:
            assert "en, uk, ru" in message, (url, message)


@pytest.mark.parametrize("language", ["uk", "ru"])
def test_an_unknown_language_is_refused_in_the_language_of_the_header(client, language):
    """`?lang=de` with Accept-Language: uk is refused in Ukrainian, not in English."""
    english = client.get("/api/v1/rounds/?lang=de").json()
    response = client.get("/api/v1/rounds/?lang=de", headers={"accept-language": language})
    assert response.status_code == 400
    assert response["Content-Language"] == language
    assert response.json() != english
    assert "en, uk, ru" in str(response.json())


def test_a_language_the_record_lacks_in_accept_language_is_english(client):
    response = client.get("/api/v1/rounds/", headers={"accept-language": "de-DE, fr;q=0.8"})
    assert response["Content-Language"] == "en"
    first_supported = client.get("/api/v1/rounds/", headers={"accept-language": "de, ru;q=0.7"})
    assert first_supported["Content-Language"] == "ru"
    # "q=0" means not acceptable.
    refused = client.get("/api/v1/rounds/", headers={"accept-language": "de, ru;q=0"})
    assert refused["Content-Language"] == "en"
    # `?lang=` wins over the header.
    both = client.get("/api/v1/rounds/?lang=uk", headers={"accept-language": "ru"})
    assert both["Content-Language"] == "uk"


# --- Which language each text is in ----------------------------------------------------------


def _translated_resources():
    found = []
    for prefix, viewset, _basename in RESOURCES:
        serializer_class = viewset.serializer_class
        texts = getattr(serializer_class.Meta.model, "translated_fields", ())
        if texts:
            found.append((prefix, serializer_class, texts))
    return found


def test_every_translated_text_of_every_resource_says_its_language(client):
    resources = _translated_resources()
    # Every resource of a kind with translations (#15).
    assert {
        "tracks", "rounds", "issues", "positions", "commitments", "people", "organizations",
        "memberships", "documents", "exchanges", "exchange-counts", "events", "venues",
        "delegations", "standing-delegations", "participants",
    } <= {prefix for prefix, _, _ in resources}  # fmt: skip
    for prefix, _serializer_class, texts in resources:
        for language in ("en", "uk", "ru"):
            item = client.get(f"/api/v1/{prefix}/?lang={language}").json()["results"][0]
            shown = [text for text in texts if text in item]
            assert shown, prefix
            for text in shown:
                key = f"{text}_language"
                assert key in item, (prefix, key)
                if item[text]:
                    assert item[key] in (language, "en"), (prefix, key, item[key])
                else:
                    assert item[key] is None, (prefix, key)
            if language == "en":
                assert item["translation_state"] is None, prefix
            elif any(item[text] for text in shown):
                # The record's translations are machine-assisted: none is reviewed yet.
                assert item["translation_state"] in ("missing", "outdated", "unreviewed"), prefix
            else:
                # Nothing to translate (a count with no note): nothing is missing.
                assert item["translation_state"] == "reviewed", prefix
            header = client.get(f"/api/v1/{prefix}.csv?lang={language}").content.decode()
            columns = header.splitlines()[0].split(",")
            assert {f"{text}_language" for text in shown} <= set(columns), prefix
            assert "translation_state" in columns, prefix


def test_nested_provisions_and_counts_say_their_language(client):
    """A document's provisions and an exchange's counts, nested in their record's answer, say
    which language each text is in, as the record's own texts do."""
    document = client.get("/api/v1/documents/?lang=uk").json()["results"][0]
    provision = document["provisions"][0]
    assert provision["text_language"] == "uk"
    assert provision["translation_state"] == "unreviewed"
    exchanges = client.get("/api/v1/exchanges/?lang=ru").json()["results"]
    counts = [count for exchange in exchanges for count in exchange["counts"] if count["note"]]
    assert counts
    assert all(count["note_language"] == "ru" for count in counts)
    english = client.get("/api/v1/exchanges/").json()["results"][0]["counts"][0]
    assert english["translation_state"] is None


@pytest.mark.parametrize(
    ("prefix", "nested"), [("delegations", "participants"), ("standing-delegations", "members")]
)
def test_the_members_nested_in_a_delegation_say_their_titles_language(client, prefix, nested):
    item = client.get(f"/api/v1/{prefix}/?lang=uk").json()["results"][0]
    member = next(member for member in item[nested] if member["title_at_time"])
    assert member["title_at_time_language"] == "uk"
    assert member["translation_state"] == "unreviewed"


def test_a_round_in_ukrainian_with_its_english_fallback_marked(client):
    from talks.models import Round

    round_ = Round.objects.published().get(track__slug="istanbul", number=2)
    Round.objects.filter(pk=round_.pk).update(
        title_uk="Другий раунд у Стамбулі", summary_uk="", timing_note_uk=""
    )
    english = client.get(f"/api/v1/rounds/{round_.pk}/").json()
    item = client.get(f"/api/v1/rounds/{round_.pk}/?lang=uk").json()
    assert item["title"] == "Другий раунд у Стамбулі"
    assert item["title_language"] == "uk"
    # No Ukrainian summary yet: the English one, said to be English.
    assert item["summary"] == english["summary"] != ""
    assert item["summary_language"] == "en"
    assert english["title_language"] == english["summary_language"] == "en"
    assert item["translation_state"] == "missing"
    assert english["translation_state"] is None
    sheet = client.get(f"/api/v1/rounds/{round_.pk}.csv?lang=uk").content.decode()
    (row,) = csv.DictReader(io.StringIO(sheet))
    assert row["title"] == "Другий раунд у Стамбулі"
    assert row["title_language"] == "uk"
    assert row["summary_language"] == "en"


def test_a_reviewed_translation_whose_english_changed_is_said_to_be_outdated(client):
    from talks.models import Round

    round_ = Round.objects.published().get(track__slug="istanbul", number=2)
    assert client.get(f"/api/v1/rounds/{round_.pk}/?lang=ru").json()["translation_state"] == (
        "unreviewed"
    )
    round_.mark_translation_reviewed("ru")
    round_.save()
    assert client.get(f"/api/v1/rounds/{round_.pk}/?lang=ru").json()["translation_state"] == (
        "reviewed"
    )
    Round.objects.filter(pk=round_.pk).update(summary_en=round_.summary_en + " Corrected.")
    item = client.get(f"/api/v1/rounds/{round_.pk}/?lang=ru").json()
    # Still Russian, but the client is told it was made from older English.
    assert item["summary_language"] == "ru"
    assert item["translation_state"] == "outdated"


def _translated_keys() -> set[str]:
    """Every key an API answer may carry a translated text under: the translated fields of
    every Translated model, and the `…_language` and `translation_state` that describe them."""
    from django.apps import apps

    from provenance.translated import Translated

    fields = {
        field
        for model in apps.get_models()
        if issubclass(model, Translated)
        for field in model.translated_fields
    }
    return fields | {f"{field}_language" for field in fields} | {"translation_state"}


def _differences(english, other, path="", display=frozenset()) -> list[str]:
    """The paths at which two decoded JSON answers differ, outside translated texts."""
    if isinstance(english, dict) and isinstance(other, dict):
        found = [] if english.keys() == other.keys() else [f"{path}: keys"]
        for key in english.keys() & other.keys():
            if key in TRANSLATED_KEYS:
                continue
            if key in ("next", "previous"):
                continue  # the same page of the same answer, `lang` kept
            if key in display:
                continue
            found += _differences(english[key], other[key], f"{path}.{key}", display)
        return found
    if isinstance(english, list) and isinstance(other, list):
        if len(english) != len(other):
            return [f"{path}: length"]
        return [
            difference
            for i, (a, b) in enumerate(zip(english, other, strict=True))
            for difference in _differences(a, b, f"{path}[{i}]", display)
        ]
    if (
        isinstance(other, str)
        and isinstance(english, str)
        and english == (LANGUAGE_PREFIX.sub("/", other))
    ):
        return []  # a reader page's address, in the language asked for (/uk/rounds/…)
    return [] if english == other else [f"{path}: {english!r} / {other!r}"]


TRANSLATED_KEYS = _translated_keys()
# Texts the formats we export to define as words for people, not codes: TimelineJS's slide
# headline and text, Popolo's membership `role` and `label` (a post, as people read it) and an
# event's `location` (the venue and city, as people read them).
DISPLAY_TEXTS = {
    "timeline.json": {"headline", "text"},
    "popolo.json": {"role", "label", "location"},
}
LANGUAGE_PREFIX = re.compile(r"(?<=[^/])/(?:uk|ru)/")


def test_only_the_record_texts_change_with_the_language(client):
    """Codes, numbers, dates and qualifiers are the same whatever `lang` asks: a client that
    compares `qualifier` with "at least" or `status` with "fulfilled" must not break in Ukrainian
    (a totals qualifier once came translated)."""
    found = []
    for url in every_operation():
        if "format=" in url:
            continue
        english = client.get(url).json()
        for language in ("uk", "ru"):
            other = client.get(_with(url, f"lang={language}")).json()
            display = next((keys for name, keys in DISPLAY_TEXTS.items() if name in url), set())
            differences = _differences(english, other, display=frozenset(display))
            found += [f"{url} {language}: {d}" for d in differences[:5]]
    assert not found, "\n".join(found)


def _messages(body) -> list[str]:
    """Every message of a JSON error answer (not the list of accepted parameters)."""
    if isinstance(body, dict):
        return [m for key, value in body.items() if key != "accepted" for m in _messages(value)]
    if isinstance(body, list):
        return [m for value in body for m in _messages(value)]
    return [body] if isinstance(body, str) else []


def _bad_queries():
    """A bad value for every filter of every list, and every kind of bad common parameter."""
    from tests.test_api_parameters import filters_of

    for prefix, name, _, _ in filters_of(lambda spec, field: True):
        for value in ("bogus", "2.9", "a,,b"):
            yield f"/api/v1/{prefix}/", [(name, value)]
        yield f"/api/v1/{prefix}/", [(name, "1"), (name, "2")]
    for prefix, _, _ in RESOURCES:
        for query in (
            {"nonsense": "1"},
            {"q": ""},
            {"q": "a\x00"},
            {"page": "0"},
            {"page": "999999"},
            {"page_size": "0"},
            {"ordering": "--id"},
            {"ordering": "a,,b"},
            {"format": "xml"},
            {"include": "people"},
            {"cursor": "zzz"},
        ):
            yield f"/api/v1/{prefix}/", list(query.items())
    yield "/api/v1/no-such-endpoint/", []


def test_every_error_of_the_api_is_said_in_the_language_asked_for(client):
    """A journalist who asks in Ukrainian or Russian is refused in it: every message of every
    400 and 404 the lists give differs from the English one (DRF's own messages come translated;
    ours must too), and the answer says its language."""
    untranslated, refusals = set(), 0
    for path, query in _bad_queries():
        english = client.get(path, query)
        if english.status_code not in (400, 404):
            continue
        refusals += 1
        for language in ("uk", "ru"):
            other = client.get(path, [*query, ("lang", language)])
            assert other.status_code == english.status_code, (path, query, language)
            said = _messages(other.json())
            untranslated |= {m for m in _messages(english.json()) if m in said}
    assert refusals > 150
    assert not untranslated, "\n".join(sorted(untranslated))
