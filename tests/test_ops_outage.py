"""With the database gone, requests get a quick 503 with Retry-After, and service resumes by itself."""

import logging

import pytest
from django.db import OperationalError, connection
from django.test import Client, RequestFactory

from ops.views import server_error

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="stops a real PostgreSQL connection"
)


@pytest.fixture
def database_down():
    """Point the connection at a closed port: every new connection is refused, as in a restart."""
    real_port = connection.settings_dict["PORT"]
    connection.close()
    connection.settings_dict["PORT"] = "1"
    yield
    connection.settings_dict["PORT"] = real_port
    connection.close()


@pytest.fixture
def queries_fail():
    """Every query fails as it does when PostgreSQL drops connections mid-request."""

    def refuse(execute, sql, params, many, context):
        raise OperationalError("server closed the connection unexpectedly")

    with connection.execute_wrapper(refuse):
        yield


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_site_and_api_answer_503_while_postgresql_is_down_and_recover(admin_user):
    client = Client(raise_request_exception=False)
    client.force_login(admin_user)  # the API then reads the session from the database
    real_port = connection.settings_dict["PORT"]
    connection.close()
    connection.settings_dict["PORT"] = "1"
    try:
        page = client.get("/")
        api = client.get("/api/v1/")
    finally:
        connection.settings_dict["PORT"] = real_port
        connection.close()
    assert page.status_code == 503
    assert page["Retry-After"] == "5"
    assert b"Temporarily unavailable" in page.content
    assert api.status_code == 503
    assert api["Retry-After"] == "5"
    assert api.json() == {"detail": "The database is unavailable. Retry shortly."}
    # No restart: the next request opens a fresh connection.
    assert client.get("/").status_code == 200


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_postgresql_connections_carry_the_statement_timeout():
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone() == ("5s",)


@pytest.mark.django_db
def test_page_is_a_plain_503_when_queries_fail(client, queries_fail, settings):
    settings.DEBUG = False
    response = client.get("/")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert response["Cache-Control"] == "no-store"
    assert b"Traceback" not in response.content
    assert b"try again in a few seconds" in response.content


@pytest.mark.django_db
def test_outage_outside_a_view_is_503_not_500(queries_fail):
    request = RequestFactory().get("/api/v1/rounds/")
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except OperationalError:
        response = server_error(request)  # what Django calls for an error raised in middleware
    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"


@pytest.mark.django_db
def test_other_errors_are_logged_with_traceback_but_hidden_from_the_client(settings, caplog):
    settings.DEBUG = False

    def explode(execute, sql, params, many, context):
        raise ZeroDivisionError("a bug")

    client = Client(raise_request_exception=False)
    with connection.execute_wrapper(explode), caplog.at_level(logging.ERROR, "django.request"):
        response = client.get("/")
    assert response.status_code == 500
    assert b"ZeroDivisionError" not in response.content
    assert b"Something went wrong" in response.content
    [record] = [r for r in caplog.records if r.name == "django.request"]
    assert record.exc_info[0] is ZeroDivisionError
