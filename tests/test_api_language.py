"""The API answers in the language asked for (`?lang=`, else Accept-Language, else English), on
every operation its OpenAPI schema documents, so a new endpoint is covered without anyone
remembering to (#15): it says which language it answered in, caches and conditional requests
keep languages apart, and an unknown language is a JSON 400 that names the ones there are.
"""

import csv
import io

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
    # Tracks, rounds, issues, positions, commitments and people at least (#15).
    assert {"tracks", "rounds", "issues", "positions", "commitments", "people"} <= {
        prefix for prefix, _, _ in resources
    }
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
            else:
                # The record's translations are machine-assisted: none is reviewed yet.
                assert item["translation_state"] in ("missing", "outdated", "unreviewed"), prefix
            header = client.get(f"/api/v1/{prefix}.csv?lang={language}").content.decode()
            columns = header.splitlines()[0].split(",")
            assert {f"{text}_language" for text in shown} <= set(columns), prefix
            assert "translation_state" in columns, prefix


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
