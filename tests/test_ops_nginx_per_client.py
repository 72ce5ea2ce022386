"""The shipped nginx (deploy/nginx.conf, run here as `make load-test` runs it) never replays one
client's rate-limit figures to another from its micro-cache, even if the app forgot to mark the
answer private; pages without such headers are still cached, and a 304 it answers from a
cached copy carries the ETag and Last-Modified (`curl --etag-compare` keeps getting 304)."""

import http.server
import itertools
import shutil
import socket
import sys
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

pytestmark = pytest.mark.skipif(shutil.which("nginx") is None, reason="nginx is not installed")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _Upstream(http.server.BaseHTTPRequestHandler):
    """Each answer says "public, max-age=60"; /api/ ones carry a per-client count as well."""

    counter = itertools.count()

    def do_GET(self):  # noqa: N802 — http.server's name
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Cache-Control", "public, max-age=60")
        self.send_header("ETag", 'W/"v1"')
        self.send_header("Last-Modified", "Mon, 30 Nov 2026 12:00:00 GMT")
        if self.path.startswith("/api/"):
            # As the API sends them; the first count is 0, which alone nginx would read as "no".
            self.send_header("X-RateLimit-Limit", "600")
            self.send_header("X-RateLimit-Remaining", str(next(self.counter)))
            self.send_header("X-RateLimit-Reset", "1790000000")
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args):
        pass


def _get(port: int, path: str, **headers):
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.headers
    except urllib.error.HTTPError as error:  # urllib raises on a 304
        error.headers["Status"] = str(error.code)
        return error.headers


def test_nginx_does_not_cache_answers_with_per_client_headers_and_its_304s_keep_the_etag():
    from django.conf import settings
    from stack import nginx

    upstream = http.server.ThreadingHTTPServer(("127.0.0.1", _free_port()), _Upstream)
    threading.Thread(target=upstream.serve_forever, daemon=True).start()
    port = _free_port()
    try:
        with nginx(port, f"127.0.0.1:{upstream.server_address[1]}", ROOT / "static"):
            _get(port, "/a-page/")
            assert _get(port, "/a-page/")["X-Cache"] == "HIT"  # the micro-cache is on
            # A 304 from the micro-cache carries the ETag and Last-Modified, as Django's do.
            for condition in (
                {"If-None-Match": 'W/"v1"'},
                {"If-Modified-Since": "Mon, 30 Nov 2026 12:00:00 GMT"},
            ):
                not_modified = _get(port, "/a-page/", **condition)
                assert not_modified["Status"] == "304", condition
                assert not_modified["ETag"] == 'W/"v1"', condition
                assert not_modified["Last-Modified"], condition
            for path in ("/api/v1/rounds/", "/api/v1/rounds/?page=2"):
                first, second = _get(port, path), _get(port, path)
                assert second["X-Cache"] != "HIT", path
                assert first["X-RateLimit-Remaining"] != second["X-RateLimit-Remaining"]
    finally:
        upstream.shutdown()
    assert "X-RateLimit-Remaining" in settings.PER_CLIENT_HEADERS
