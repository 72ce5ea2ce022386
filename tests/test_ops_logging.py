"""Request and security logs: what happened, to whom, from where (the log line carries when)."""

import logging

import pytest


@pytest.mark.django_db
def test_each_request_is_logged_with_method_path_status_and_duration(client, caplog):
    with caplog.at_level(logging.INFO, "request"):
        client.get("/healthz", REMOTE_ADDR="203.0.113.9")
    [record] = [r for r in caplog.records if r.name == "request"]
    method, path, status, duration, address = record.getMessage().split()
    assert (method, path, status, address) == ("GET", "/healthz", "200", "ip=203.0.113.9")
    assert duration.endswith("ms")


@pytest.mark.django_db
def test_client_address_comes_from_the_trusted_proxy_hop_only(client, caplog, settings):
    settings.TRUSTED_PROXIES = 1
    with caplog.at_level(logging.INFO, "request"):
        # The client forged the first entry; nginx appended the real address.
        client.get("/healthz", HTTP_X_FORWARDED_FOR="10.0.0.1, 198.51.100.7")
    [record] = [r for r in caplog.records if r.name == "request"]
    assert record.getMessage().endswith("ip=198.51.100.7")


@pytest.mark.django_db
def test_failed_admin_login_is_a_security_event_with_username_and_address(
    client, admin_user, caplog
):
    with caplog.at_level(logging.INFO, "security"):
        client.post(
            "/admin/login/",
            {"username": "admin", "password": "wrong-password"},
            REMOTE_ADDR="203.0.113.5",
        )
        client.post("/admin/login/", {"username": "admin", "password": "password"})
    messages = [r.getMessage() for r in caplog.records if r.name == "security"]
    assert messages[0] == "login failed username='admin' ip=203.0.113.5"
    assert messages[1] == "login user='admin' ip=127.0.0.1"
    assert "wrong-password" not in caplog.text


def test_security_and_lockout_loggers_are_routed_at_info():
    from django.conf import settings

    for name in ("security", "axes", "request"):
        assert settings.LOGGING["loggers"][name]["level"] == "INFO"
    assert logging.getLogger("security").isEnabledFor(logging.INFO)
    assert logging.getLogger("axes.watch_login").isEnabledFor(logging.INFO)
