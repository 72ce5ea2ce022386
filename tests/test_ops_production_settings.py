"""Production settings, as gunicorn imports them from the environment (a fresh process each)."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings

PRODUCTION_ENV = {
    "DJANGO_DEBUG": "false",
    "DJANGO_SECRET_KEY": "test-only-0123456789abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJ",
    "DJANGO_ALLOWED_HOSTS": "talks.example.org",
}
PROBE = (
    "import json, django; django.setup(); from django.conf import settings as s; "
    "print(json.dumps({name: getattr(s, name, None) for name in ["
    "'SESSION_COOKIE_NAME', 'CSRF_COOKIE_NAME', 'SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE',"
    "'SESSION_COOKIE_HTTPONLY', 'CSRF_COOKIE_HTTPONLY', 'SECURE_PROXY_SSL_HEADER',"
    "'SECURE_SSL_REDIRECT', 'SECRET_KEY', 'PAGE_CACHE_SECONDS', 'CORRECTIONS_EMAIL']}))"
)


def production_settings(**extra):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_"))
    }
    env.update(PRODUCTION_ENV, DJANGO_SETTINGS_MODULE="config.settings", **extra)
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def test_production_cookies_are_secure_host_only_and_httponly():
    values = production_settings()
    assert values["SESSION_COOKIE_NAME"] == "__Host-sessionid"
    assert values["CSRF_COOKIE_NAME"] == "__Host-csrftoken"
    assert values["SESSION_COOKIE_SECURE"] is values["CSRF_COOKIE_SECURE"] is True
    assert values["SESSION_COOKIE_HTTPONLY"] is values["CSRF_COOKIE_HTTPONLY"] is True
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["PAGE_CACHE_SECONDS"] == 60


def test_forwarded_proto_is_believed_only_behind_a_trusted_proxy():
    assert production_settings()["SECURE_PROXY_SSL_HEADER"] is None
    behind_nginx = production_settings(DJANGO_TRUSTED_PROXIES="1")
    assert behind_nginx["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]


def test_secret_key_can_come_from_a_file(tmp_path):
    secret_file = tmp_path / "secret"
    secret_file.write_text("from-a-file-0123456789abcdefghijklmnopqrstuvwxyz-ABCDEF\n")
    values = production_settings(DJANGO_SECRET_KEY="", DJANGO_SECRET_KEY_FILE=str(secret_file))
    assert values["SECRET_KEY"] == "from-a-file-0123456789abcdefghijklmnopqrstuvwxyz-ABCDEF"


def test_corrections_go_to_the_sites_own_domain_unless_an_address_is_set():
    assert (
        production_settings(SITE_URL="https://talks.example.org")["CORRECTIONS_EMAIL"]
        == "corrections@talks.example.org"
    )
    chosen = production_settings(CORRECTIONS_EMAIL="desk@newsroom.example")
    assert chosen["CORRECTIONS_EMAIL"] == "desk@newsroom.example"
    # A value that is no address stops the process at start-up, not on the about page.
    with pytest.raises(subprocess.CalledProcessError) as refused:
        production_settings(CORRECTIONS_EMAIL="not an address")
    assert "CORRECTIONS_EMAIL must be an e-mail address" in refused.value.stderr


def test_check_deploy_passes_with_production_settings():
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    env.update(PRODUCTION_ENV)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "no issues (1 silenced)" in result.stdout
