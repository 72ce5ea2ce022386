"""Every URL the project serves answers with the security headers, anonymous and staff alike.

The URLconf is walked recursively, so a page added later is checked without touching this file;
its path parameters are filled from factory-made objects. A parameter this file cannot fill
fails the test with its name, so a new URL is never skipped silently.
"""

import datetime
import re

import pytest
from axes.models import AccessFailureLog
from django.apps import apps
from django.contrib.auth.models import Group
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from provenance.models import RecordReview
from tests import factories

PROJECT_APPS = ("provenance", "actors", "talks", "positions")
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)[^>]*>", re.I)
INLINE_STYLE = re.compile(r"<style[\s>]|\sstyle\s*=", re.I)
INLINE_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.I)


def walk(resolvers, namespace=""):
    """(name, parameter names) for every named URL pattern, at any depth of include()."""
    for entry in resolvers:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from walk(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            regex = entry.pattern.regex
            if regex.groups > len(regex.groupindex):  # unnamed groups: simple-history's admin
                yield f"{namespace}{entry.name}", ("object_id", "history_id")
            else:
                yield f"{namespace}{entry.name}", tuple(regex.groupindex)


def model_for(name):
    """The model a URL name is about: admin:talks_round_change, public:round-detail, round-list…"""
    namespace, _, short = name.rpartition(":")
    for model in apps.get_models():
        label = f"{model._meta.app_label}_{model._meta.model_name}_"
        if namespace == "admin" and short.startswith(label):
            return model
    wanted = short.split("-")[0].replace("_", "")
    # The URL's own app first (positions:round-detail), then any project app (the API router's names).
    app_labels = [namespace] if namespace in PROJECT_APPS else []
    for app_label in [*app_labels, *PROJECT_APPS]:
        for model in apps.get_app_config(app_label).get_models():
            if model._meta.model_name == wanted:
                return model
    return None


def kwargs_for(name, params, staff):
    # URLs naming their model (the draft preview) get a round; others are about one model.
    model = apps.get_model("talks", "round") if "model_name" in params else model_for(name)
    obj = model._default_manager.order_by("pk").first() if model else None
    if "history_id" in params and obj is not None and not obj.history.exists():
        obj.save()  # made without history (a track as its migration makes it): give it one
    kwargs = {}
    for param in params:
        if param == "format":  # DRF's format-suffix twins of each API URL
            kwargs[param] = "json"
        elif param == "app_label":
            kwargs[param] = "talks"
        elif param == "model_name":
            kwargs[param] = "round"
        elif param in ("pk", "id", "object_id") and obj is not None:
            kwargs[param] = obj.pk
        elif param == "history_id" and obj is not None:
            kwargs[param] = obj.history.first().history_id
        elif param == "content_type_id":
            kwargs[param] = 1
        elif param == "user_id":  # admin:auth_user_password_change
            kwargs[param] = staff.pk
        elif param == "table":  # the downloads page's whole-table files
            kwargs[param] = "rounds"
        elif param == "extension":
            kwargs[param] = "csv"
        elif param == "path":  # the staff preview of a public page
            kwargs[param] = "rounds/1/"
        elif obj is not None and hasattr(obj, param):
            kwargs[param] = getattr(obj, param)
        else:
            pytest.fail(f"{name}: no value for path parameter {param!r}; add one in kwargs_for()")
    return kwargs


@pytest.fixture
def record(db, client, admin_user):
    """One object of every kind, so every detail URL has something to show."""
    # A failed and a successful login: django-axes' attempt and log records.
    client.post("/admin/login/", {"username": "admin", "password": "wrong"})
    client.post("/admin/login/", {"username": "admin", "password": "password"})
    client.logout()
    # Registered in the admin but only written with AXES_ENABLE_ACCESS_FAILURE_LOG.
    AccessFailureLog.objects.create(username="admin", ip_address="203.0.113.1", path_info="/")
    factories.ExchangeCountFactory()
    factories.ParticipantFactory()
    factories.PositionFactory()
    factories.ProvisionFactory()
    factories.MembershipFactory()
    factories.EventFactory()
    factories.SourceFactory()
    factories.StandingMemberFactory()
    # The Istanbul track is made by a migration, which records no history: give it a version.
    factories.TrackFactory().save()
    RecordReview.objects.create(reviewed_to=datetime.date(2026, 5, 15))
    Group.objects.create(name="Editors")
    # The review desk's notes and the two-factor devices have admin pages too.
    from django_otp.plugins.otp_static.models import StaticDevice
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from provenance.models import ReviewNote

    ReviewNote.add(factories.RoundFactory(), "submitted", user=admin_user, note="Checked")
    TOTPDevice.objects.create(user=admin_user, name="app")
    StaticDevice.objects.create(user=admin_user, name="codes")


def urls_to_check(staff):
    for name, params in sorted(set(walk(get_resolver().url_patterns))):
        if name == "admin:view_on_site":  # a redirect to another URL in this list
            continue
        kwargs = kwargs_for(name, params, staff)
        if name.endswith("_simple_history"):
            yield name, reverse(name, args=list(kwargs.values()))
        else:
            yield name, reverse(name, kwargs=kwargs)


def assert_secure_headers(url, response):
    where = f"{url} ({response.status_code})"
    assert response.status_code < 500, where
    assert response["Strict-Transport-Security"].startswith("max-age=31536000"), where
    assert response["X-Content-Type-Options"] == "nosniff", where
    assert response["X-Frame-Options"] == "DENY", where
    assert response["Referrer-Policy"] == "same-origin", where
    assert response["Cross-Origin-Opener-Policy"] == "same-origin", where
    policy = dict(
        (directive.split(" ", 1) + [""])[:2]
        for directive in response["Content-Security-Policy"].split("; ")
    )
    assert policy["object-src"] == "'none'", where
    assert policy["base-uri"] == "'none'", where
    assert policy["frame-ancestors"] == "'none'", where
    assert "'unsafe-inline'" not in policy["script-src"], where
    assert "'unsafe-inline'" not in policy["style-src"], where
    if response["Content-Type"].startswith("text/html"):
        # What the policy would block in a browser must not be in the page at all.
        html = response.content.decode()
        assert not INLINE_SCRIPT.search(html), f"{where}: inline <script>"
        if not url.startswith("/admin/"):
            # The admin has two cosmetic inline styles (a changelist column width without
            # actions, a paginator border in simple-history); the policy blocks them and the
            # pages work the same, so the admin gets no exception. Our templates have none.
            assert not INLINE_STYLE.search(html), f"{where}: inline style"
        assert not INLINE_HANDLER.search(html), f"{where}: on* event handler attribute"


# Admin forms with a URLField warn about Django 6's https default; that is the editors' admin to
# settle, not a header problem.
@pytest.mark.filterwarnings("ignore:The default scheme will be changed")
@pytest.mark.parametrize("as_staff", [False, True], ids=["anonymous", "staff"])
def test_every_url_sends_the_security_headers(client, admin_user, record, settings, as_staff):
    settings.DEBUG = False  # django-csp leaves DEBUG error pages alone; production does not
    if as_staff:
        client.force_login(admin_user)
    checked = 0
    for _name, url in urls_to_check(admin_user):
        assert_secure_headers(url, client.get(url, secure=True))
        checked += 1
    assert_secure_headers("/no-such-page/", client.get("/no-such-page/", secure=True))
    assert checked > 50  # the admin alone has more; a broken walk must not pass quietly


@pytest.mark.django_db
def test_swagger_ui_page_and_script_pass_without_a_policy_exception(client):
    page = client.get("/api/docs/", secure=True)
    assert_secure_headers("/api/docs/", page)
    assert b"api/swagger.css" in page.content  # our template, not the one with <style>
    script = client.get("/api/docs/?script=", secure=True)
    assert script["Content-Type"].startswith("application/javascript")
    assert_secure_headers("/api/docs/?script=", script)
