"""The downloads in Ukrainian and Russian (#15): /uk/data/ and /ru/data/ list every table in the
page's language, and each table's files hold the record's texts in that language, laid out as
the English files are and as the API's `?lang=` answer is.

Every table of the downloads is walked (api.downloads.TABLES), so a new one is covered without
anyone remembering to.
"""

import csv
import io
import json
import re

import pytest
from django.utils import translation

from api.downloads import DESCRIPTIONS, TABLES

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("istanbul_record_for_module")]

LANGUAGES = ("uk", "ru")


def streamed(response, active: str = "en") -> str:
    # A server reads a streamed answer after the request is over, in whatever language its
    # thread then has (`active`), and the file must not change with it.
    with translation.override(active):
        return b"".join(response.streaming_content).decode("utf-8-sig")


def csv_table(client, url: str, active: str = "en") -> tuple[list[str], list[dict]]:
    response = client.get(url)
    assert response.status_code == 200, url
    reader = csv.DictReader(io.StringIO(streamed(response, active)))
    return reader.fieldnames, list(reader)


@pytest.mark.parametrize("prefix", ["", *(f"/{language}" for language in LANGUAGES)])
def test_any_origin_may_read_every_download_in_every_language(client, prefix):
    """A newsroom's page fetches the files from its own origin (CORS), in each language; its
    browser's preflight is answered for them too."""
    origin = {"HTTP_ORIGIN": "https://newsroom.example"}
    urls = [f"{prefix}/data/"] + [
        f"{prefix}/data/{table}.{extension}" for table in TABLES for extension in ("csv", "json")
    ]
    for url in urls:
        response = client.get(url, **origin)
        assert response.status_code == 200, url
        assert response["Access-Control-Allow-Origin"] == "*", url
        preflight = client.options(url, HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET", **origin)
        assert preflight["Access-Control-Allow-Origin"] == "*", url
        assert "GET" in preflight["Access-Control-Allow-Methods"], url


def test_every_table_is_described_for_the_downloads_page():
    assert set(DESCRIPTIONS) == set(TABLES)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_downloads_page_in_each_language_links_that_languages_files(client, language):
    response = client.get(f"/{language}/data/")
    assert response.status_code == 200
    assert response["Content-Language"] == language
    page = response.content.decode()
    assert f'<html lang="{language}">' in page
    with translation.override(language):
        descriptions = {table: str(text) for table, text in DESCRIPTIONS.items()}
    with translation.override("en"):
        english = {table: str(text) for table, text in DESCRIPTIONS.items()}
    for table in TABLES:
        assert f'href="/{language}/data/{table}.csv"' in page, table
        assert f'href="/{language}/data/{table}.json"' in page, table
        assert descriptions[table] != english[table], table
        assert descriptions[table] in page.replace("&#x27;", "'"), table
    # Every link to the API's data asks for the same language (the API never reads a /uk/
    # prefix): the tables', the other formats', the totals'. Its schema and docs are English.
    table_links = re.findall(r'<th scope="row"><a href="([^"]+)"', page)
    assert len(table_links) == len(TABLES)
    api_links = [
        link
        for link in re.findall(r'href="(/api/[^"]*)"', page)
        if not link.startswith(("/api/docs/", "/api/schema/"))
    ]
    assert len(api_links) >= len(TABLES) + 3, api_links
    assert all(link.endswith(f"?lang={language}") for link in api_links), api_links
    dataset = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    )
    assert dataset["inLanguage"] == language
    assert all(f"/{language}/data/" in d["contentUrl"] for d in dataset["distribution"])


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_tables_files_hold_the_texts_in_their_language(client, language):
    """The same columns and rows as the English file, named for the language, and the record's
    translated texts in it: a text is in the language or, untranslated, in English, and its
    `…_language` column says which, as the API's `?lang=` does."""
    translated_texts = 0
    for table in TABLES:
        english_header, english_rows = csv_table(client, f"/data/{table}.csv")
        header, rows = csv_table(client, f"/{language}/data/{table}.csv")
        assert header == english_header, table
        assert [row["id"] for row in rows] == [row["id"] for row in english_rows], table
        # Read as a server does, with the file's language still active: the same file, in the
        # same (English) order, not sorted by the translated names.
        assert csv_table(client, f"/{language}/data/{table}.csv", active=language) == (
            header,
            rows,
        ), table
        # A text's language column sits beside it (`title`, `title_language`); a column of
        # the record that merely ends so (a round's `working_language`) has no text beside it.
        language_columns = [
            c for c in header if c.endswith("_language") and c.removesuffix("_language") in header
        ]
        for column in language_columns:
            text = column.removesuffix("_language")
            for row, english_row in zip(rows, english_rows, strict=True):
                # A list's texts (a delegation's members' titles) are joined with "; ".
                languages = set(row[column].split("; "))
                assert languages <= {language, "en", ""}, (table, column, row[column])
                if language in languages and row[text] != english_row[text]:
                    translated_texts += 1  # (an acronym, "FR", is its own translation)
                elif languages <= {"en", ""}:
                    assert row[text] == english_row[text], (table, text)
        response = client.get(f"/{language}/data/{table}.json")
        assert response.status_code == 200
        assert response["Content-Language"] == language
        assert response["Content-Disposition"] == f'attachment; filename="{table}-{language}.json"'
        assert len(json.loads(streamed(response))) == len(rows), table
        csv_response = client.get(f"/{language}/data/{table}.csv")
        assert csv_response["Content-Disposition"] == (
            f'attachment; filename="{table}-{language}.csv"'
        )
    # The record's tracks, rounds, people… are translated: most texts are in the language.
    assert translated_texts > 500, translated_texts


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_tables_file_is_the_apis_answer_in_that_language(client, language):
    """The round table of /uk/data/ and the API's rounds in Ukrainian are the same rows."""
    _, rows = csv_table(client, f"/{language}/data/rounds.csv")
    api = client.get(f"/api/v1/rounds.csv?lang={language}&page_size=100")
    api_rows = list(csv.DictReader(io.StringIO(api.content.decode())))
    assert rows == api_rows


def test_a_table_in_another_language_has_its_own_etag(client):
    english = client.get("/data/rounds.csv")
    ukrainian = client.get("/uk/data/rounds.csv")
    assert english["ETag"] != ukrainian["ETag"]
    assert (
        client.get("/uk/data/rounds.csv", HTTP_IF_NONE_MATCH=ukrainian["ETag"]).status_code == 304
    )
    assert client.get("/uk/data/rounds.csv", HTTP_IF_NONE_MATCH=english["ETag"]).status_code == 200
