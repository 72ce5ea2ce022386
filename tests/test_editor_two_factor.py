"""Two-factor authentication for editors and publishers (#10): required when DJANGO_DEBUG is
false (TWO_FACTOR_REQUIRED), a code from the authenticator app or a single-use recovery code."""

import io
import re

import pytest
from django.core.management import call_command
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery"


@pytest.fixture
def required(settings):
    settings.TWO_FACTOR_REQUIRED = True


def enrol(username: str) -> list[str]:
    out = io.StringIO()
    call_command("enrol_two_factor", username, stdout=out)
    assert "otpauth://totp/" in out.getvalue()
    return re.findall(r"^  ([a-z0-9]{8})$", out.getvalue(), re.MULTILINE)


def log_in(client, username, token=""):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": username, "password": PASSWORD, "otp_token": token},
    )


def test_password_alone_is_not_enough(required, editor):
    enrol("ana")
    client = Client()
    response = log_in(client, "ana")
    assert response.status_code == 200  # the form again, asking for the code
    assert client.get("/admin/").status_code == 302
    client.force_login(editor)  # a session without the second step
    assert client.get("/admin/").status_code == 302


def test_an_authenticator_code_lets_an_editor_in(required, editor):
    enrol("ana")
    device = TOTPDevice.objects.get(user=editor)
    client = Client()
    assert log_in(client, "ana", str(totp(device.bin_key)).zfill(6)).status_code == 302
    assert client.get("/admin/").status_code == 200


def test_a_recovery_code_works_once(required, publisher):
    codes = enrol("pavlo")
    assert len(codes) == 10
    first = Client()
    assert log_in(first, "pavlo", codes[0]).status_code == 302
    assert first.get("/admin/").status_code == 200
    again = Client()
    assert log_in(again, "pavlo", codes[0]).status_code == 200  # used up
    assert again.get("/admin/").status_code == 302


def test_local_work_logs_in_with_a_password(editor, settings):
    settings.TWO_FACTOR_REQUIRED = False
    client = Client()
    assert log_in(client, "ana").status_code == 302
    assert client.get("/admin/").status_code == 200
