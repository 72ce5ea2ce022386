"""The whole-record exports (TimelineJS, Popolo) in Ukrainian and Russian (#15): every name and
note they build, not only the record's texts they copy, comes in the language asked for."""

import re

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("istanbul_record_for_module")]

EXPORTS = ("/api/v1/timeline.json", "/api/v1/popolo.json")
# The phrases the exports write around the record's texts, in English.
ENGLISH_PHRASES = re.compile(
    r"on the Istanbul Talks Tracker|The Russia–Ukraine talks|The direct negotiations"
    r"|\bdelegation, |\bround \d+\b|Ended; the sources"
)


def strings(value):
    """Every string in a JSON value, however deep."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


@pytest.mark.parametrize("url", EXPORTS)
def test_the_english_exports_write_those_phrases(client, url):
    # The check below would pass on an export that wrote no phrase at all.
    answer = client.get(url).json()
    assert any(ENGLISH_PHRASES.search(text) for text in strings(answer))


@pytest.mark.parametrize("language", ["uk", "ru"])
@pytest.mark.parametrize("url", EXPORTS)
def test_an_export_in_ukrainian_or_russian_has_no_english_phrase(client, url, language):
    response = client.get(url, {"lang": language})
    assert response.status_code == 200
    assert response["Content-Language"] == language
    english = [text for text in strings(response.json()) if ENGLISH_PHRASES.search(text)]
    assert english == []
