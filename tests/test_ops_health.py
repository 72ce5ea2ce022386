"""Health probes: /healthz never needs the database, /readyz reports the database and the cache."""

import pytest
from django.db import connection

from provenance.models import PublicationStatus, Source

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="refuses a real PostgreSQL connection"
)


@pytest.mark.django_db
def test_healthz_answers_without_any_query(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]  # never cached by nginx or the page cache


@pytest.mark.django_db
def test_readyz_is_ok_when_database_and_cache_answer(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}


@pytest.mark.django_db
def test_readyz_is_503_when_the_cache_is_unreachable(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there: refused at once
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert response.json()["cache"].startswith("error")
    assert response.json()["database"] == "ok"


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_readyz_is_503_and_healthz_200_when_postgresql_is_down(client):
    real_port = connection.settings_dict["PORT"]
    connection.close()
    connection.settings_dict["PORT"] = "1"
    try:
        ready = client.get("/readyz")
        alive = client.get("/healthz")
    finally:
        connection.settings_dict["PORT"] = real_port
        connection.close()
    assert ready.status_code == 503
    assert ready.json()["database"] == "error: OperationalError"
    assert alive.status_code == 200


@pytest.mark.django_db
def test_drill_write_endpoint_is_off_by_default(client):
    assert client.post("/ops/drill-write", {"code": "drill-1"}).status_code == 404


@pytest.mark.django_db
def test_drill_write_acknowledges_a_committed_draft(client, settings):
    settings.FAULT_DRILL_WRITES = True
    response = client.post("/ops/drill-write", {"code": "drill-7"})
    assert response.status_code == 201
    source = Source.objects.get(code="drill-7")
    assert source.publication_status == PublicationStatus.DRAFT
    assert client.post("/ops/drill-write", {"code": "../x"}).status_code == 400


@pytest.mark.django_db
def test_probes_answer_over_plain_http_while_pages_redirect_to_https(client, settings):
    settings.SECURE_SSL_REDIRECT = True  # production: a balancer probes inside the network
    assert client.get("/healthz").status_code == 200
    assert client.get("/readyz").status_code == 200
    redirect = client.get("/")
    assert redirect.status_code == 301
    assert redirect["Location"] == "https://testserver/"
