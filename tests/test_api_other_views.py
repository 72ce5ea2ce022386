"""The API's views outside the router (timeline, search, changes, totals, the exports) answer
bad parameters as the lists do, and every API address says which formats exist.

The views are read from api/urls.py's urlpatterns, so a new view is covered without anyone
remembering to: it fails here until it has a working query in WORKING_QUERY.
"""

import base64
import re
from urllib.parse import urlencode

import pytest
from django.urls import URLPattern, reverse
from django.utils import translation

from api.urls import RESOURCES, router, urlpatterns
from provenance.models import PublicationStatus
from talks.models import Track
from tests.factories import TrackFactory

pytestmark = pytest.mark.django_db

# A query each view answers 200 to on the record (the views that need a parameter get it).
WORKING_QUERY = {
    "timelinejs": "",
    "popolo": "",
    "timeline": "",
    "search": "q=umerov",
    "changes": "since=2025-01-01T00:00:00Z",
    "totals": "",
}


def _other_views() -> list[URLPattern]:
    routed = {id(pattern) for pattern in router.urls}
    return [
        pattern
        for pattern in urlpatterns
        if id(pattern) not in routed and pattern.name  # the last, unnamed one is the JSON 404
    ]


OTHER_VIEWS = sorted({pattern.name for pattern in _other_views()})


@pytest.fixture(autouse=True)
def record(istanbul_record_for_module, db):
    """The record is loaded once for the module; each test runs in its own savepoint."""


def _url(name: str, query: str = "") -> str:
    base = reverse(f"api:{name}")
    joined = "&".join(part for part in (WORKING_QUERY[name], query) if part)
    return f"{base}?{joined}" if joined else base


def assert_json_400(response, parameter: str, *words: str) -> list[str]:
    """The lists' error shape: `{"parameter": ["message", …]}`, each message plain text."""
    assert response.status_code == 400, response.content[:300]
    assert response["Content-Type"].startswith("application/json"), response["Content-Type"]
    messages = response.json()[parameter]
    assert messages
    assert all(isinstance(message, str) for message in messages), messages
    for word in words:
        assert any(word in message for message in messages), (word, messages)
    return messages


def test_every_other_view_has_a_working_query():
    assert set(OTHER_VIEWS) == set(WORKING_QUERY), "give the new view a query in WORKING_QUERY"


@pytest.mark.parametrize("name", OTHER_VIEWS)
def test_every_other_view_answers_its_working_query(client, name):
    assert client.get(_url(name)).status_code == 200


@pytest.mark.parametrize("name", OTHER_VIEWS)
def test_every_other_view_refuses_an_unknown_format_listing_its_formats(client, name):
    messages = assert_json_400(client.get(_url(name, "format=xml")), "format", "'xml'", "json")
    assert "Known:" in messages[0]


@pytest.mark.parametrize("prefix", [prefix for prefix, _, _ in RESOURCES])
@pytest.mark.parametrize("address", ["{prefix}/?format=xml", "{prefix}.xml"])
def test_every_list_refuses_an_unknown_format_listing_csv_and_json(client, prefix, address):
    response = client.get("/api/v1/" + address.format(prefix=prefix))
    assert_json_400(response, "format", "'xml'", "json", "csv", "csv-excel")


@pytest.mark.parametrize("name", ["changes", "totals", "search", "timeline"])
def test_the_other_lists_answer_csv_with_a_suffix_as_the_router_lists_do(client, name):
    base = reverse(f"api:{name}").rstrip("/")
    query = WORKING_QUERY[name]
    response = client.get(f"{base}.csv" + (f"?{query}" if query else ""))
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"].startswith("text/csv")
    with_parameter = client.get(_url(name, "format=csv"))
    assert response.content == with_parameter.content


@pytest.mark.parametrize("name", ["timeline", "search"])
def test_type_in_refuses_an_empty_item_and_an_unknown_type_naming_the_types(client, name):
    assert_json_400(client.get(_url(name, "type__in=round,,event")), "type__in", "empty value")
    messages = assert_json_400(client.get(_url(name, "type__in=round,nope")), "type__in", "nope")
    assert "Known:" in messages[0]
    assert "round" in messages[0].split("Known:")[1]


@pytest.mark.parametrize("parameter", ["track", "issue"])
def test_the_timeline_names_the_known_values_of_an_unknown_slug(client, parameter):
    messages = assert_json_400(client.get(_url("timeline", f"{parameter}=nope")), parameter)
    assert "'nope'" in messages[0]
    assert "Known:" in messages[0]
    assert ("istanbul" if parameter == "track" else "ceasefire") in messages[0]


@pytest.mark.parametrize("language", ["uk", "ru"])
def test_an_unknown_slugs_message_is_said_in_one_language(client, language):
    """The message and the kind it names are in the language asked for, the slugs as they are:
    never half English ("No трек has the slug…")."""
    response = client.get(_url("timeline", "track=nope"), HTTP_ACCEPT_LANGUAGE=language)
    message = assert_json_400(response, "track")[0]
    with translation.override(language):
        kind = str(Track._meta.verbose_name)
    assert kind != "track", kind
    assert kind in message, message
    assert "nope" in message, message
    assert "istanbul" in message, message
    slugs = set(Track.objects.values_list("slug", flat=True)) | {"nope", "slug"}
    english = set(re.findall(r"[A-Za-z][A-Za-z-]+", message)) - slugs
    assert not english, (english, message)


def test_a_draft_tracks_slug_gets_the_answer_of_a_slug_no_track_has(client):
    draft = TrackFactory(slug="secret-channel", publication_status=PublicationStatus.DRAFT)
    assert not Track.objects.published().filter(pk=draft.pk).exists()
    messages = assert_json_400(client.get(_url("timeline", "track=secret-channel")), "track")
    assert "secret-channel" not in messages[0].split("Known:")[1]


def test_a_bad_since_is_a_message_not_a_code(client):
    assert_json_400(client.get("/api/v1/changes/?since=yesterday"), "since", "date/time")


@pytest.mark.parametrize("prefix", [prefix for prefix, _, _ in RESOURCES])
@pytest.mark.parametrize("position", ["not-a-time", "2025-13-45T99:00:00", "\x00"])
def test_a_hand_made_cursor_is_called_invalid_on_every_list(client, prefix, position):
    """Well-formed base64, as DRF encodes a cursor, around a position that is no time."""
    token = base64.b64encode(urlencode({"o": 0, "p": position}).encode()).decode()
    response = client.get(f"/api/v1/{prefix}/", {"cursor": token})
    assert assert_json_400(response, "cursor") == ["Invalid cursor."]


@pytest.mark.parametrize("name", ["timeline", "search"])
def test_type_in_repeated_means_the_union_like_every_in_filter(client, name):
    one = client.get(_url(name, "type__in=round")).json()["count"]
    other = client.get(_url(name, "type__in=person" if name == "search" else "type__in=event"))
    both = "type__in=round&type__in=" + ("person" if name == "search" else "event")
    commas = both.replace("&type__in=", ",")
    assert one
    assert client.get(_url(name, both)).json()["count"] == one + other.json()["count"]
    rows = client.get(_url(name, commas)).json()["results"]
    assert rows == client.get(_url(name, both)).json()["results"]


def test_the_timeline_names_the_sides_and_refuses_an_end_before_its_start(client):
    messages = assert_json_400(client.get(_url("timeline", "side=nope")), "side", "'nope'")
    assert "ukraine" in messages[0].split("Known:")[1]
    reversed_range = "date__gte=2026-01-01&date__lte=2025-01-01"
    assert_json_400(client.get(_url("timeline", reversed_range)), "date__lte", "before the start")


@pytest.mark.parametrize("prefix", [prefix for prefix, _, _ in RESOURCES])
def test_every_missing_row_is_the_same_json_404_naming_no_model(client, prefix):
    response = client.get(f"/api/v1/{prefix}/987654/")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}
