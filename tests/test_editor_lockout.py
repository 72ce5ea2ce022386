"""The admin login locks a client out after repeated failures, identified correctly behind a proxy."""

import datetime

import pytest
from django.conf import settings
from django.test import Client, RequestFactory, override_settings

from ops.clientip import client_ip

LOGIN = "/admin/login/?next=/admin/"
PASSWORD = "correct horse battery"


def attempt(client, password, **headers):
    return client.post(LOGIN, {"username": "ana", "password": password}, **headers)


def logged_in(response) -> bool:
    return response.status_code == 302 and response["Location"] == "/admin/"


def fail_until_locked(client, **headers):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        assert not logged_in(attempt(client, "wrong password", **headers))


@pytest.mark.django_db
def test_limit_and_cool_off_have_sane_defaults():
    assert 3 <= settings.AXES_FAILURE_LIMIT <= 10
    assert datetime.timedelta(minutes=30) == settings.AXES_COOLOFF_TIME


@pytest.mark.django_db
def test_correct_password_is_refused_once_locked_out(editor):
    attacker = Client(REMOTE_ADDR="203.0.113.5")
    fail_until_locked(attacker)
    locked = attempt(attacker, PASSWORD)
    assert not logged_in(locked)
    assert locked.status_code == 429
    assert "Too many failed logins" in locked.content.decode()


@pytest.mark.django_db
def test_another_client_is_not_locked_out(editor):
    fail_until_locked(Client(REMOTE_ADDR="203.0.113.5"))
    assert logged_in(attempt(Client(REMOTE_ADDR="198.51.100.7"), PASSWORD))


@pytest.mark.django_db
def test_fewer_failures_than_the_limit_do_not_lock(editor):
    client = Client(REMOTE_ADDR="203.0.113.5")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        attempt(client, "wrong password")
    assert logged_in(attempt(client, PASSWORD))


@pytest.mark.django_db
def test_without_a_proxy_a_forged_forwarded_for_header_does_not_dodge_the_lockout(editor):
    client = Client(REMOTE_ADDR="203.0.113.5")
    for n in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "wrong password", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}")
    assert not logged_in(attempt(client, PASSWORD, HTTP_X_FORWARDED_FOR="192.0.2.200"))


@pytest.mark.django_db
@override_settings(TRUSTED_PROXIES=1)  # DJANGO_TRUSTED_PROXIES=1: nginx in front
def test_behind_a_proxy_clients_are_told_apart_by_the_address_the_proxy_saw(editor):
    proxy = Client(REMOTE_ADDR="10.0.0.2")  # every request arrives from nginx
    # The attacker forges the left part of the header; nginx appends the real peer address.
    for n in range(settings.AXES_FAILURE_LIMIT):
        attempt(proxy, "wrong password", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}, 203.0.113.5")
    assert not logged_in(attempt(proxy, PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.5"))
    # A colleague behind the same proxy is not locked out with the attacker.
    assert logged_in(attempt(proxy, PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.7"))


@pytest.mark.parametrize(
    ("proxies", "forwarded_for", "expected"),
    [
        (0, "192.0.2.1", "10.0.0.2"),  # no proxy: the header is the client's own claim
        (1, "", "10.0.0.2"),
        (1, "203.0.113.5", "203.0.113.5"),
        (1, "192.0.2.1, 203.0.113.5", "203.0.113.5"),  # forged entry on the left
        (2, "192.0.2.1, 203.0.113.5, 10.0.0.9", "203.0.113.5"),  # CDN then nginx
        (2, "203.0.113.5", "203.0.113.5"),
    ],
)
def test_client_ip_counts_trusted_proxies_from_the_right(
    settings, proxies, forwarded_for, expected
):
    settings.TRUSTED_PROXIES = proxies
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded_for)
    assert client_ip(request) == expected


@pytest.mark.django_db
def test_a_successful_login_does_not_reset_the_failure_count(editor):
    """Otherwise one valid account would let its holder keep guessing the others' passwords."""
    client = Client(REMOTE_ADDR="203.0.113.5")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        attempt(client, "wrong password")
    assert logged_in(attempt(client, PASSWORD))
    client.logout()
    attempt(client, "wrong password")
    assert not logged_in(attempt(client, PASSWORD))
