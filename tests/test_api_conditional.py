"""Conditional requests work for every API list and detail (the router's RESOURCES), from a
script or a browser: a 304 carries the ETag and Last-Modified (so `curl --etag-compare` keeps
getting 304), and a CORS preflight allows If-None-Match and If-Modified-Since while every answer
exposes ETag, Last-Modified and Link to the page's script.
"""

import pytest

from api.urls import RESOURCES
from tests.record_builder import build_record

pytestmark = pytest.mark.django_db


@pytest.fixture
def record():
    return build_record()


def _addresses(prefix, basename) -> list[str]:
    from record.kinds import RESOURCES as KINDS

    kind = next(kind for kind in KINDS if kind.name == basename)
    row = kind.public().order_by("pk").first()
    urls = [f"/api/v1/{prefix}/", f"/api/v1/{prefix}.csv"]
    if row is not None:
        urls.append(f"/api/v1/{prefix}/{row.pk}/")
    return urls


def test_every_304_carries_its_etag_and_last_modified(client, record):
    checked = 0
    for prefix, _viewset, basename in RESOURCES:
        for url in _addresses(prefix, basename):
            first = client.get(url)
            assert first.status_code == 200, url
            for condition in (
                {"if-none-match": first["ETag"]},
                {"if-modified-since": first["Last-Modified"]},
            ):
                again = client.get(url, headers=condition)
                assert again.status_code == 304, (url, condition)
                assert again["ETag"] == first["ETag"], (url, condition)
                assert again["Last-Modified"] == first["Last-Modified"], (url, condition)
                # What `curl --etag-save` then sends: still 304, not 200 every other time.
                assert client.get(url, headers={"if-none-match": again["ETag"]}).status_code == 304
            checked += 1
    assert checked >= 2 * len(RESOURCES)


def test_a_browser_may_revalidate_every_list(client, record):
    for prefix, _viewset, _basename in RESOURCES:
        url = f"/api/v1/{prefix}/"
        preflight = client.options(
            url,
            headers={
                "origin": "https://newsroom.example",
                "access-control-request-method": "GET",
                "access-control-request-headers": "if-none-match,if-modified-since",
            },
        )
        assert preflight.status_code == 200, url
        allowed = preflight["Access-Control-Allow-Headers"].lower()
        assert {"if-none-match", "if-modified-since"} <= {h.strip() for h in allowed.split(",")}
        answer = client.get(url, headers={"origin": "https://newsroom.example"})
        exposed = {h.strip().lower() for h in answer["Access-Control-Expose-Headers"].split(",")}
        assert {"etag", "last-modified", "link"} <= exposed, url
