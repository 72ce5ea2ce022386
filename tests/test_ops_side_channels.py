"""What a reader can learn about drafts without seeing them, and what a cache outage does (#10,
item 8 and "Nothing an editor types is lost").

- ETag and Last-Modified of every conditional surface (lists, CSV, feeds, calendars, downloads)
  stay put when only a draft changes, and move when published content does.
- `changes/` never names a row that was never public; the changes feed never reports a field
  whose new value readers cannot see.
- With Redis down, the API, feeds, calendars, downloads, pages and the admin answer (uncached),
  and after a write the cache could not hear of, an old ETag does not get a 304.
"""

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from provenance import versioning
from provenance.models import PublicationStatus
from record.changes import recent_changes
from tests import factories
from tests.admin_forms import form_data

pytestmark = pytest.mark.django_db

DRAFT = PublicationStatus.DRAFT

SURFACES = [
    "/api/v1/rounds/",
    "/api/v1/rounds.csv",
    "/api/v1/events/",
    "/api/v1/changes/?since=2020-01-01T00:00:00Z",
    "/feeds/changes.atom",
    "/feeds/rounds/1/changes.atom",
    "/rounds.ics",
    "/rounds/1.ics",
    "/data/rounds.csv",
]


@pytest.fixture
def record(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        round_ = factories.RoundFactory(number=1)
        draft = factories.RoundFactory(number=2, publication_status=DRAFT)
        event = factories.EventFactory(round=draft)  # published itself, hidden with its round
    return {"round": round_, "draft": draft, "event": event}


@pytest.mark.parametrize("url", SURFACES)
def test_a_draft_change_moves_no_etag_and_a_public_one_does(
    client, record, django_capture_on_commit_callbacks, url
):
    first = client.get(url)
    assert first.status_code == 200
    etag, modified = first["ETag"], first["Last-Modified"]
    with django_capture_on_commit_callbacks(execute=True):
        record["draft"].title = "A secret new title"
        record["draft"].save()
        record["event"].title = "Hidden with its round"
        record["event"].save()
        factories.EventFactory(publication_status=DRAFT)
    again = client.get(url, headers={"if-none-match": etag})
    assert again.status_code == 304
    assert client.get(url)["Last-Modified"] == modified
    with django_capture_on_commit_callbacks(execute=True):
        record["round"].title = "A public correction"
        record["round"].save()
    assert client.get(url, headers={"if-none-match": etag}).status_code == 200


def changes(client, since):
    response = client.get("/api/v1/changes/", {"since": since.isoformat()})
    return {(c["resource"], c["id"]): c["change"] for c in response.json()["results"]}


def test_changes_never_names_a_row_that_was_never_public(client, record):
    since = timezone.now()
    event, draft = record["event"], record["draft"]
    event_pk = event.pk
    delegation = factories.DelegationFactory(round=draft)  # "published", hidden with its round
    participant = factories.ParticipantFactory(delegation=delegation)
    participant_pk = participant.pk
    participant.delete()
    delegation.publication_status = DRAFT
    delegation.save()
    event.delete()
    found = changes(client, since)
    assert ("events", event_pk) not in found
    assert ("participants", participant_pk) not in found
    assert ("delegations", delegation.pk) not in found


def test_changes_names_rows_hidden_with_their_parent(client, record):
    round_ = record["round"]
    delegation = factories.DelegationFactory(round=round_)
    since = timezone.now()
    round_.publication_status = DRAFT
    round_.save()
    found = changes(client, since)
    assert found[("rounds", round_.pk)] == "removed"
    assert found[("delegations", delegation.pk)] == "removed"


def test_changes_feed_does_not_report_a_field_changed_to_a_hidden_draft():
    position = factories.PositionFactory()
    position.document = factories.DocumentFactory(publication_status=DRAFT)
    position.save()
    summaries = [c.summary for c in recent_changes(limit=50)]
    assert "New position." in summaries
    assert not any("changed: document" in summary.lower() for summary in summaries)


# --- Redis down ------------------------------------------------------------------------------


@pytest.fixture
def redis_down(settings):
    """The shared cache is a Redis nobody answers at (a closed port), as in an outage."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    settings.PAGE_CACHE_SECONDS = 60
    yield
    versioning._cache_behind = False


@pytest.mark.parametrize("url", [*SURFACES, "/", "/rounds/1/", "/api/v1/rounds/?q=round"])
def test_with_redis_down_every_surface_answers_uncached(client, record, redis_down, url):
    response = client.get(url)
    assert response.status_code == 200
    assert "ETag" in response or url in ("/", "/rounds/1/")


def test_with_redis_down_an_admin_save_commits_and_says_so(
    publisher_client, record, redis_down, django_capture_on_commit_callbacks
):
    round_ = record["round"]
    url = reverse("admin:talks_round_change", args=[round_.pk])
    data = {**form_data(publisher_client.get(url), "round_form"), "title": "Saved in an outage"}
    with django_capture_on_commit_callbacks(execute=True):
        response = publisher_client.post(url, data)
    assert response.status_code == 302
    round_.refresh_from_db()
    assert round_.title == "Saved in an outage"


def test_an_old_etag_gets_no_304_after_a_write_the_cache_missed(
    client, record, monkeypatch, django_capture_on_commit_callbacks
):
    first = client.get("/api/v1/rounds/")

    def cache_down(*args, **kwargs):
        raise ConnectionError("Redis stalled")

    monkeypatch.setattr(cache, "set", cache_down)
    with django_capture_on_commit_callbacks(execute=True):
        record["round"].title = "Corrected while the cache stalled"
        record["round"].save()
    monkeypatch.undo()  # the cache is back, still holding the old version for a few seconds
    again = client.get("/api/v1/rounds/", headers={"if-none-match": first["ETag"]})
    assert again.status_code == 200
    assert "Corrected while the cache stalled" in again.content.decode()
