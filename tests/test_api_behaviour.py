"""What every list and detail of the journalist API does: paging, parameters, CSV, caching, limits."""

import csv
import datetime
import io
import re

import factory
import pytest
from django.test import override_settings
from django.utils import timezone

from talks.models import Round
from tests import factories
from tests.record_builder import build_record

pytestmark = pytest.mark.django_db


@pytest.fixture
def record():
    return build_record()


def csv_of(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(response.content.decode())))


# --- Parameters --------------------------------------------------------------------------------


def test_misspelled_parameter_is_400_listing_the_accepted_ones(client, record):
    response = client.get("/api/v1/positions/?sied=russia")
    assert response.status_code == 400
    body = response.json()
    assert "sied" in body["detail"]
    assert {"side", "issue", "round", "q", "updated_since", "page_size"} <= set(body["accepted"])


def test_unknown_ordering_field_is_400(client, record):
    response = client.get("/api/v1/rounds/?ordering=password")
    assert response.status_code == 400
    assert "ordering" in response.json()


def test_ordering_descending(client, record):
    numbers = [
        r["number"] for r in client.get("/api/v1/rounds/?ordering=-number").json()["results"]
    ]
    assert numbers == [2, 1]


def test_in_filter_takes_a_comma_separated_list(client, record):
    factories.EventFactory(title="A statement", kind="statement")
    factories.EventFactory(title="A decree", kind="decree")
    titles = {
        e["title"]
        for e in client.get("/api/v1/events/?kind__in=statement,decree").json()["results"]
    }
    assert titles == {"A statement", "A decree"}


def test_date_range_filters(client, record):
    results = client.get(
        "/api/v1/exchanges/?occurred_on__gte=2025-06-01&occurred_on__lte=2025-06-30"
    ).json()["results"]
    assert [e["title"] for e in results] == [
        "Prisoner exchange 1 after round 2",
        "Prisoner exchange 2 after round 2",
        "Prisoner exchange 3 after round 2",
        "Repatriation of bodies after round 2",
    ]


def test_bad_date_is_400_with_a_message(client, record):
    response = client.get("/api/v1/exchanges/?occurred_on__gte=yesterday")
    assert response.status_code == 400
    assert "occurred_on__gte" in response.json()


@pytest.mark.parametrize(
    "query",
    [
        "q=%00",
        "side=rus%00sia",
        "round=99999999999999999999999999999",
        "person=-1",
        "organization=1e400",
        "venue=NaN",
        "updated_since=2025-13-45",
        "include=everything",
        "page=10000000000000000000000000000000",
        "page=-1",
        "page=abc",
        "page_size=-5",
        "page_size=abc",
        "cursor=%00garbage",
    ],
)
def test_bad_input_is_400_json_never_500(client, record, query):
    endpoint = "/api/v1/rounds/" if "venue" in query else "/api/v1/participants/"
    if "organization" in query:
        endpoint = "/api/v1/memberships/"
    response = client.get(f"{endpoint}?{query}")
    assert response.status_code == 400, response.content
    assert response["Content-Type"].startswith("application/json")


@pytest.mark.parametrize("path", ["/api/v1/rounds/99999999999999999999999/", "/api/v1/rounds/%00/"])
def test_huge_or_nul_id_is_404(client, record, path):
    assert client.get(path).status_code == 404


# --- Pagination --------------------------------------------------------------------------------


def test_page_size_is_capped_at_500(client):
    factories.IssueFactory.create_batch(3)
    response = client.get("/api/v1/issues/?page_size=1000000")
    assert response.status_code == 200
    assert len(response.json()["results"]) == 3  # every row, served as one capped page


def test_link_header_and_body_agree(client):
    factories.IssueFactory.create_batch(5)
    response = client.get("/api/v1/issues/?page_size=2&page=2")
    body = response.json()
    links = {rel: url for url, rel in re.findall(r'<([^>]+)>; rel="(\w+)"', response["Link"])}
    assert links["next"] == body["next"]
    assert links["prev"] == body["previous"]
    assert links["first"].endswith("page=1&page_size=2") or "page=1" in links["first"]
    assert "page=3" in links["last"]
    assert body["count"] == 5


def test_default_page_is_50(client):
    factories.IssueFactory.create_batch(51)
    body = client.get("/api/v1/issues/").json()
    assert len(body["results"]) == 50
    assert body["next"].endswith("page=2")


def test_cursor_pages_walk_every_row_once_in_update_order(client):
    issues = factories.IssueFactory.create_batch(5, name=factory.Iterator("EDCBA"))
    seen, url = [], "/api/v1/issues/?cursor=&page_size=2"
    while url:
        response = client.get(url)
        assert response.status_code == 200
        body = response.json()
        seen += [row["id"] for row in body["results"]]
        url = body["next"]
    assert seen == [issue.pk for issue in issues]


# --- Related objects and sources ---------------------------------------------------------------


def test_related_objects_are_id_name_url(client, record):
    position = client.get("/api/v1/positions/?issue=nato&round=2&side=russia").json()["results"][0]
    assert position["issue"] == {
        "id": record["nato"].pk,
        "name": "NATO and alliances",
        "url": f"http://testserver/api/v1/issues/{record['nato'].pk}/",
    }


def test_include_sources_embeds_published_sources_only(client, record):
    plain = client.get(f"/api/v1/people/{record['umerov'].pk}/").json()
    assert "sources" not in plain
    person = client.get(f"/api/v1/people/{record['umerov'].pk}/?include=sources").json()
    assert [source["code"] for source in person["sources"]] == ["S1"]


# --- CSV ---------------------------------------------------------------------------------------


def test_csv_by_suffix_and_by_format_parameter_are_flat(client, record):
    by_suffix = client.get("/api/v1/positions.csv?issue=nato")
    by_param = client.get("/api/v1/positions/?issue=nato&format=csv")
    assert by_suffix["Content-Type"].startswith("text/csv")
    assert by_suffix.content == by_param.content
    rows = csv_of(by_suffix)
    assert len(rows) == 4
    assert {"issue_id", "issue_name", "issue_url", "round_number", "side", "stance"} <= set(rows[0])
    assert rows[0]["url"].endswith("/")  # canonical item URLs, not …/2.csv


def test_csv_escapes_spreadsheet_formulas(client, record):
    rows = csv_of(client.get("/api/v1/sources.csv"))
    assert rows[0]["title"] == '\'=HYPERLINK("http://evil")'


def test_csv_dates_are_iso(client, record):
    rows = csv_of(client.get("/api/v1/exchanges.csv"))
    assert [row["occurred_on"] for row in rows] == [
        *("2025-05-23", "2025-05-24", "2025-05-25", "2025-05-25"),  # after round 1
        *("2025-06-09", "2025-06-10", "2025-06-11", "2025-06-11"),  # after round 2
    ]


# --- Incremental sync --------------------------------------------------------------------------


def test_updated_since_returns_only_later_changes(client, record):
    cutoff = timezone.now()
    round2 = record["rounds"][1]
    round2.title = "Second round, renamed"
    round2.save()
    results = client.get("/api/v1/rounds/", {"updated_since": cutoff.isoformat()}).json()["results"]
    assert [r["title"] for r in results] == ["Second round, renamed"]


def test_changes_feed_reports_unpublished_rows_without_their_content(client, record):
    cutoff = timezone.now()
    event = record["event"]
    event.title = "Now secret"
    event.publication_status = "draft"
    event.save()
    response = client.get("/api/v1/changes/", {"since": cutoff.isoformat()})
    changes = response.json()["results"]
    assert {"resource": "events", "id": event.pk, "change": "removed"} in [
        {k: c[k] for k in ("resource", "id", "change")} for c in changes
    ]
    assert "Now secret" not in response.content.decode()


def test_changes_feed_requires_since(client):
    assert client.get("/api/v1/changes/").status_code == 400


# --- Conditional requests ----------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/api/v1/rounds/", "/api/v1/rounds/{id}/", "/api/v1/timeline/"])
def test_etag_gives_304_until_something_changes(
    client, record, path, django_capture_on_commit_callbacks
):
    path = path.format(id=record["rounds"][0].pk)
    first = client.get(path)
    assert first.status_code == 200
    assert first["Last-Modified"]
    again = client.get(path, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    by_date = client.get(path, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert by_date.status_code == 304
    with django_capture_on_commit_callbacks(execute=True):  # the version bumps on commit
        record["rounds"][0].save()
    assert client.get(path, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


def test_etag_differs_between_json_and_csv(client, record):
    assert client.get("/api/v1/rounds/")["ETag"] != client.get("/api/v1/rounds.csv")["ETag"]


# --- CORS, throttling, read-only ---------------------------------------------------------------


def test_cors_allows_any_origin_to_read_the_headers_it_needs(client, record):
    response = client.get("/api/v1/rounds/", HTTP_ORIGIN="https://newsroom.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    exposed = response["Access-Control-Expose-Headers"]
    for header in ("Link", "ETag", "Last-Modified", "X-RateLimit-Remaining", "Retry-After"):
        assert header in exposed


def test_cors_is_not_sent_for_the_site(client):
    response = client.get("/admin/login/", HTTP_ORIGIN="https://newsroom.example")
    assert "Access-Control-Allow-Origin" not in response


@override_settings(API_ANON_RATE="3/minute")
def test_rate_limit_headers_then_429_with_retry_after(client, record):
    remaining = [client.get("/api/v1/issues/")["X-RateLimit-Remaining"] for _ in range(3)]
    assert remaining == ["2", "1", "0"]
    refused = client.get("/api/v1/issues/")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert refused["X-RateLimit-Limit"] == "3"
    assert "detail" in refused.json()


def test_rate_limit_is_per_client_ip_behind_the_trusted_proxy(client, record, settings):
    settings.API_ANON_RATE = "1/minute"
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    assert client.get("/api/v1/issues/", HTTP_X_FORWARDED_FOR="203.0.113.1").status_code == 200
    assert client.get("/api/v1/issues/", HTTP_X_FORWARDED_FOR="203.0.113.2").status_code == 200
    assert client.get("/api/v1/issues/", HTTP_X_FORWARDED_FOR="203.0.113.1").status_code == 429


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_writes_are_refused(client, record, method):
    response = getattr(client, method)("/api/v1/rounds/1/", {}, content_type="application/json")
    assert response.status_code in (403, 405)
    assert getattr(client, method)("/api/v1/rounds/", {}).status_code in (403, 405)


def test_basic_auth_is_not_accepted(client, record, django_user_model):
    django_user_model.objects.create_superuser("editor", password="a-long-password-1")
    response = client.get(
        f"/api/v1/rounds/{record['drafts']['round'].pk}/",
        HTTP_AUTHORIZATION="Basic ZWRpdG9yOmEtbG9uZy1wYXNzd29yZC0x",
    )
    assert response.status_code == 404
    assert "WWW-Authenticate" not in response


# --- Search, timeline, exports -----------------------------------------------------------------


@pytest.mark.parametrize("q", ["Umierov", "умєров", "UMYEROV"])
def test_people_found_by_alias_and_cyrillic(client, record, q):
    names = [p["name"] for p in client.get("/api/v1/people/", {"q": q}).json()["results"]]
    assert names == ["Rustem Umerov"]


def test_search_finds_a_venue_and_its_rounds_by_the_venue_cyrillic_alias(client, record):
    hits = client.get("/api/v1/search/", {"q": "Чирагань"}).json()["results"]
    # Both published rounds were held there; the draft round 9 is not.
    rounds = [str(Round.objects.get(number=n)) for n in (1, 2)]
    assert [(h["type"], h["name"]) for h in hits] == [
        ("venue", "Çırağan Palace, Istanbul"),
        *(("round", name) for name in rounds),
    ]


def test_search_finds_commitments_and_exchanges_in_any_script(client, record):
    commitment = factories.CommitmentFactory(
        title="Return of bodies", description="Повернення тіл."
    )
    factories.ExchangeFactory(commitment=commitment, title="Repatriation of bodies")
    hits = client.get("/api/v1/search/", {"q": "ТІЛ", "type__in": "commitment"}).json()
    assert [(h["type"], h["name"]) for h in hits["results"]] == [("commitment", "Return of bodies")]
    assert hits["results"][0]["url"].endswith(f"/api/v1/commitments/{commitment.pk}/")
    listed = client.get("/api/v1/commitments/", {"q": "повернення"}).json()["results"]
    assert [c["title"] for c in listed] == ["Return of bodies"]
    exchanges = client.get("/api/v1/exchanges/", {"q": "REPATRIATION"}).json()["results"]
    assert "Repatriation of bodies" in [e["title"] for e in exchanges]


def test_timeline_lists_every_kind_in_date_order(client, record):
    results = client.get("/api/v1/timeline/").json()["results"]
    dates = [item["date"] for item in results]
    assert dates == sorted(dates)
    assert {item["type"] for item in results} >= {"round", "event", "exchange", "document"}


def test_timelinejs_export_has_dates_and_sanitised_text(client, record):
    data = client.get("/api/v1/timeline.json").json()
    strike = next(e for e in data["events"] if e["unique_id"] == f"event-{record['event'].pk}")
    assert strike["start_date"] == {"year": 2025, "month": 6, "day": 1}
    assert strike["group"] == "event"
    assert "<strong>Operation</strong>" in strike["text"]["text"]
    assert "<script" not in strike["text"]["text"]


def test_popolo_export_links_people_to_organizations(client, record):
    data = client.get("/api/v1/popolo.json").json()
    umerov = next(p for p in data["persons"] if p["name"] == "Rustem Umerov")
    assert {"name": "Umierov"} in umerov["other_names"]
    membership = next(m for m in data["memberships"] if m["person_id"] == umerov["id"])
    ministry = next(o for o in data["organizations"] if o["id"] == membership["organization_id"])
    assert ministry["name"] == "Ministry of Defence of Ukraine"
    assert ministry["parent_id"] is not None


def test_exchange_counts_are_nested_and_flat(client, record):
    june = client.get(f"/api/v1/exchanges/{record['repatriations'][1].pk}/").json()
    nested = sorted((c["claimed_by"], c["quantity"]) for c in june["counts"])
    flat = client.get(
        "/api/v1/exchange-counts/", {"exchange": record["repatriations"][1].pk}
    ).json()
    assert nested == sorted((c["claimed_by"], c["quantity"]) for c in flat["results"])
    assert ("russia", 6060) in nested
    assert ("ukraine", 6057) in nested


def test_datetime_filter_accepts_an_offset(client, record):
    since = (timezone.now() - datetime.timedelta(days=1)).isoformat()
    # Umerov, Medinsky, three delegates a side and the partners' adviser; not the draft person.
    assert client.get("/api/v1/people/", {"updated_since": since}).json()["count"] == 9


def test_empty_csv_still_has_its_header_row(client, record):
    response = client.get("/api/v1/exchanges.csv?occurred_on__gte=2030-01-01")
    assert response["Content-Type"].startswith("text/csv")
    header = response.content.decode().splitlines()[0].split(",")
    assert {"id", "title", "occurred_on", "commitment_id", "commitment_name"} <= set(header)


def test_changes_feed_reports_deleted_rows(client, record):
    cutoff = timezone.now()
    membership = record["umerov"].memberships.get()
    membership_id = membership.pk
    membership.delete()
    changes = client.get("/api/v1/changes/", {"since": cutoff.isoformat()}).json()["results"]
    assert [(c["resource"], c["id"], c["change"], c["url"]) for c in changes] == [
        ("memberships", membership_id, "removed", None)
    ]


@pytest.mark.parametrize(
    "query",
    [
        "/api/v1/changes/?since=0247-05-16T08:23:38%2B20:52",
        "/api/v1/rounds/?updated_since=2025-05-16T08:23:38%2B20:52",
        "/api/v1/participants/?updated_since=0001-01-01T00:00:00%2B05:00",
    ],
)
def test_times_postgresql_cannot_store_are_handled_before_the_query(client, record, query):
    # An offset beyond ±15:59 or a time before year 1 in UTC; the next query must still work.
    assert client.get(query).status_code in (200, 400)
    assert client.get("/api/v1/rounds/").status_code == 200


def test_format_parameter_picks_the_renderer_on_every_list(client, record):
    # Round has a model field called `format`; the filter for it must not take the name.
    for endpoint in ("rounds", "events", "exchanges", "timeline", "search"):
        query = "format=json&q=x" if endpoint == "search" else "format=json"
        assert client.get(f"/api/v1/{endpoint}/?{query}").status_code == 200, endpoint
    assert client.get("/api/v1/rounds/?round_format=plenary").status_code == 200


def test_venues_embed_their_published_sources(client, record):
    venue = factories.VenueFactory(name="Dolmabahçe Palace")
    venue.sources.add(
        factories.SourceFactory(code="S96"),
        factories.SourceFactory(code="SDRAFT9", publication_status="draft"),
    )
    rows = client.get("/api/v1/venues/", {"include": "sources", "q": "dolmabahce"}).json()
    assert [[s["code"] for s in row["sources"]] for row in rows["results"]] == [["S96"]]
    assert rows["results"][0]["confidence"] == "single_source"
