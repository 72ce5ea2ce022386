"""Every admin URL pattern, for every role, GET and POST: nothing published changes without the
publish permission, and nothing answers 500 (#10, "the whole kind").

The patterns are read from the admin site itself — Django's own views, simple-history's
(history, versions), django-import-export's (import, confirm), ours (compare) and every model's
add/change/delete/changelist with their inlines and actions — so a new model admin is walked
without anyone remembering to. Each pattern is classified by what it is (`STRATEGIES`); a view
of a new kind fails `test_every_admin_view_is_classified` until someone says how to attack it.

Each case logs in as one role, GETs the page, then POSTs what would change published content:
the change form with every text changed (inlines included), a revert to an older version, every
workflow action on published and draft rows, a delete, an add attached to published records, a
CSV import over published figures and the confirmation of a publisher's dry run. The public
record — every published() row of every content model, with its many-to-many links — must be
the same afterwards for everyone but a publisher.
"""

import datetime

import pytest
from django import forms as django_forms
from django.contrib import admin
from django.contrib.auth.models import Group, User
from django.core import validators
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, reverse

from provenance.guard import has_status, is_content
from provenance.models import PublicationStatus
from tests import factories
from tests.admin_forms import form_data

ROLES = ["anonymous", "staff", "editor", "publisher"]
MAY_PUBLISH = {"publisher"}


# --- The patterns ----------------------------------------------------------------------------


def site_patterns():
    """(pattern, model admin or None) for every admin URL pattern, model admins' included."""
    found = []
    for item in admin.site.get_urls():
        if isinstance(item, URLResolver):
            continue  # the model admins, walked below with their model
        found.append((item, None))
    for model_admin in admin.site._registry.values():
        found += [(item, model_admin) for item in model_admin.get_urls()]
    return found


def kind_of(pattern: URLPattern, model_admin) -> str:
    if pattern.name is None:
        route = str(pattern.pattern)
        return {"<path:object_id>/": "object-redirect", "(?P<url>.*)$": "catch-all"}.get(
            route, route
        )
    if model_admin is None:
        return pattern.name
    opts = model_admin.opts
    return pattern.name.removeprefix(f"{opts.app_label}_{opts.model_name}_")


def case_id(pattern, model_admin) -> str:
    prefix = f"{model_admin.opts.label_lower}:" if model_admin else "site:"
    return prefix + kind_of(pattern, model_admin)


CASES = [(p, m) for p, m in site_patterns()]


# --- The world -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """One of everything, published, each with an older version to revert to; plus drafts.
    Built once per module; each test's writes are rolled back with its savepoint."""
    with django_db_blocker.unblock(), transaction.atomic():
        source = factories.SourceFactory(code="W1")
        factories.SourceFactory(code="W2", publication_status=PublicationStatus.DRAFT)
        person = factories.PersonFactory(slug="walk-person")
        factories.PersonFactory(slug="walk-newcomer")
        membership = factories.MembershipFactory(person=person)
        round_ = factories.RoundFactory(number=7, title="Walked round")
        round_.hosts.add(membership.organization)
        delegation = factories.DelegationFactory(round=round_, side="ukraine")
        participant = factories.ParticipantFactory(delegation=delegation, person=person)
        event = factories.EventFactory(round=round_)
        document = factories.DocumentFactory(round=round_)
        provision = factories.ProvisionFactory(document=document)
        position = factories.PositionFactory(round=round_, document=document)
        commitment = factories.CommitmentFactory(round=round_)
        exchange = factories.ExchangeFactory(
            commitment=commitment, title="Walked exchange", occurred_on=datetime.date(2025, 6, 11)
        )
        count = factories.ExchangeCountFactory(exchange=exchange, quantity=909)
        issue = position.issue
        issue.events.add(event)
        round_.track.parties.add(membership.organization)  # a track's form requires its parties
        standing = factories.StandingDelegationFactory(track=round_.track)
        standing_member = factories.StandingMemberFactory(
            standing_delegation=standing, person=person
        )
        facts = [
            source,
            person,
            membership,
            membership.organization,
            round_,
            delegation,
            participant,
            event,
            document,
            provision,
            position,
            commitment,
            exchange,
            count,
            round_.venue,
            round_.venue.city,
            round_.track,
            standing,
            standing_member,
            issue,
        ]
        for obj in facts:
            if hasattr(obj, "sources"):
                obj.sources.add(source)
            # A second version that differs from the first, so a revert would change something.
            for name in ("title", "name", "summary", "text", "note", "title_at_time", "post"):
                if hasattr(obj, name):
                    setattr(obj, name, f"{getattr(obj, name)} (v2)"[:60])
                    break
            obj.save()
        factories.RoundFactory(
            number=8, title="Draft round", publication_status="draft", track=round_.track
        )
        from provenance.models import ReviewNote

        ReviewNote.add(round_, "submitted", user=None, note="Walked note")
        editor = User.objects.create_user("walk-editor", is_staff=True)
        editor.groups.add(factories.role_group("Editor"))
        publisher = User.objects.create_user("walk-publisher", is_staff=True)
        publisher.groups.add(factories.role_group("Publisher"))
        User.objects.create_user("walk-staff", is_staff=True)
        from django_otp.plugins.otp_static.models import StaticDevice
        from django_otp.plugins.otp_totp.models import TOTPDevice

        TOTPDevice.objects.create(user=editor, name="app")
        StaticDevice.objects.create(user=editor, name="codes")
        from axes.models import AccessAttempt, AccessFailureLog, AccessLog

        AccessAttempt.objects.create(ip_address="192.0.2.1", failures_since_start=1)
        AccessLog.objects.create(ip_address="192.0.2.1", username="x")
        AccessFailureLog.objects.create(ip_address="192.0.2.1", username="x")
        yield {**{type(obj): obj for obj in facts}, "public record": public_record()}
        transaction.set_rollback(True)


def target(model, world):
    if model in world:
        return world[model]
    if model is User:
        return User.objects.get(username="walk-editor")
    if model is Group:
        return Group.objects.get(name="Editor")
    return model._default_manager.first()


def public_record() -> dict:
    """Every row readers may see, with its many-to-many links: what must not move."""
    from django.apps import apps

    state = {}
    for model in apps.get_models():
        if not is_content(model):
            continue
        rows = model.objects.published().order_by("pk")
        state[model._meta.label] = list(rows.values())
        for field in model._meta.many_to_many:
            through = field.remote_field.through
            links = through.objects.filter(
                **{f"{field.m2m_field_name()}__in": rows.values("pk")}
            ).order_by("pk")
            state[f"{model._meta.label}.{field.name}"] = list(links.values_list(flat=False))
    return state


# --- How each kind of view is attacked ----------------------------------------------------------


def client_for(role: str) -> Client:
    client = Client(raise_request_exception=False)
    username = {"staff": "walk-staff", "editor": "walk-editor", "publisher": "walk-publisher"}
    if role in username:
        client.force_login(User.objects.get(username=username[role]))
    return client


LENGTH_VALIDATORS = (
    validators.MaxLengthValidator,
    validators.MinLengthValidator,
    validators.ProhibitNullCharactersValidator,
)
_PUBLISHER_PAGES: dict = {}


def publisher_page(url: str):
    """The page as a publisher sees it (every field editable), once per module: each test starts
    from the same world, so the form is the same."""
    if url not in _PUBLISHER_PAGES:
        _PUBLISHER_PAGES[url] = client_for("publisher").get(url)
    return _PUBLISHER_PAGES[url]


def free_text_fields(page) -> dict[str, object]:
    """Prefixed names of the page's free-text and number fields (main form and inlines)."""
    context = page.context or {}
    forms = [context["adminform"].form] if "adminform" in context else []
    for inline in context.get("inline_admin_formsets", []):
        forms += list(inline.formset.forms)
    found = {}
    for form in forms:
        for name, field in form.fields.items():
            if name in ("change_reason", "time_zone") or getattr(field, "choices", None):
                continue
            if field.widget.is_hidden:  # the loaded version, ids
                continue
            model_field = next((f for f in form._meta.model._meta.fields if f.name == name), None)
            checks = [*field.validators, *(model_field.validators if model_field else [])]
            if any(not isinstance(v, LENGTH_VALIDATORS) for v in checks):
                continue  # a Wikidata id, a country code: changed text would only be refused
            if isinstance(field, django_forms.IntegerField):
                found[form.add_prefix(name)] = "number"
            elif type(field) in (django_forms.CharField,):
                found[form.add_prefix(name)] = field.max_length or 1000
    return found


def changed(page, data: dict) -> dict:
    """The form as posted, with every free text changed and every number moved on."""
    out = dict(data)
    for name, kind in free_text_fields(page).items():
        value = data.get(name)
        if not isinstance(value, str):
            continue
        if kind == "number":
            out[name] = str(int(value or 0) + 100)
        else:
            out[name] = f"{value} (walked)"[-kind:]
    return out


def filled_add_form(url: str) -> dict:
    """The add form, blanks filled, every foreign key pointing at a published record."""
    page = publisher_page(url)
    if page.status_code != 200 or "adminform" not in (page.context or {}):
        return {}
    form = page.context["adminform"].form
    data = form_data(page, f"{form._meta.model._meta.model_name}_form")
    for name, field in form.fields.items():
        if data.get(name) not in (None, "", []):
            continue
        queryset = getattr(field, "queryset", None)
        if queryset is not None:
            model = queryset.model
            rows = model.objects.published() if hasattr(model.objects, "published") else queryset
            # The newest published row: the world's first rows already fill unique slots.
            last = rows.order_by("pk").last()
            data[name] = str(last.pk) if last else ""
        elif getattr(field, "choices", None):
            values = [str(v) for v, _ in field.choices if v not in ("", None)]
            data[name] = values[-1] if values else ""
        elif field.__class__.__name__ == "DateField":
            data[name] = "2025-06-01"
        elif field.__class__.__name__ in ("IntegerField", "DecimalField"):
            data[name] = "9"
        elif field.__class__.__name__ == "URLField":
            data[name] = "https://example.org/walk"
        elif field.__class__.__name__ == "SlugField":
            data[name] = "walked-slug"
        elif field.__class__.__name__ == "CharField":
            data[name] = "Walked value"
    return data


def csv_upload(text: str):
    return {
        "resource": "0",
        "format": "0",
        "import_file": SimpleUploadedFile("walk.csv", text.encode(), content_type="text/csv"),
    }


IMPORTS = {
    "talks.participant": (
        "round,side,person,role,title_at_time,represents,at_table,order,confidence,note,sources\n"
        "7,ukraine,walk-newcomer,member,Walked,,yes,0,,,W1\n"
        "7,ukraine,walk-person,head,Walked head,,no,1,,,W1\n"
    ),
    "positions.exchangecount": (
        "exchange_title,exchange_kind,exchange_occurred_on,commitment,receiving_side,category,"
        "quantity,precision,claimed_by,confidence,note,sources\n"
        "Walked exchange (v2),pow_swap,2025-06-11,,ukraine,pows,90900,exact,ukraine,,,W1\n"
        "Walked exchange (v2),pow_swap,2025-06-11,,russia,pows,12345,exact,russia,,,W1\n"
    ),
}


def posts(kind, url, model_admin, obj, role):
    """The POST bodies that attack a view of this kind: a list of (url, data)."""
    opts = model_admin.opts if model_admin else None
    if kind in ("change", "object-redirect"):
        page = publisher_page(url if kind == "change" else url + "change/")
        form_id = f"{opts.model_name}_form"
        return [(url, changed(page, form_data(page, form_id)))]
    if kind == "simple_history":
        page = publisher_page(url)
        data = form_data(page, f"historical{opts.model_name}_form") or {}
        return [(url, changed(page, data)), (url, data)]
    if kind == "add":
        return [(url, filled_add_form(url))]
    if kind == "delete":
        return [(url, {"post": "yes"})]
    if kind == "changelist":
        published = str(obj.pk)
        draft = opts.model._default_manager.exclude(pk=obj.pk).values_list("pk", flat=True)
        selected = [published, *map(str, draft[:2])]
        actions = ["publish", "unpublish", "submit_for_review", "delete_selected"]
        return [
            (
                url,
                {
                    "action": action,
                    "_selected_action": selected,
                    "index": "0",
                    "confirm": "yes",
                    "with_drafts": "on",
                    "post": "yes",
                },
            )
            for action in actions
        ]
    if kind == "import":
        return [(url, csv_upload(IMPORTS[opts.label_lower]))]
    if kind == "process_import":
        # A publisher's dry run, confirmed by the role under test.
        dry_run = client_for("publisher").post(
            url.replace("process_import", "import"), csv_upload(IMPORTS[opts.label_lower])
        )
        confirm = dry_run.context and dry_run.context.get("confirm_form")
        return [(url, dict(confirm.initial) if confirm else {})]
    if kind == "password_change":  # the site's, or a user's (auth_user_password_change)
        return [
            (url, {"old_password": "x", "password1": "Walk-pass-123", "password2": "Walk-pass-123"})
        ]
    return [(url, {"term": "walk", "name": "Walked", "title": "Walked"})]


def url_for(pattern, model_admin, kind, world):
    if model_admin is None:
        if kind == "view_on_site":
            from django.contrib.contenttypes.models import ContentType

            obj = next(iter(world.values()))
            return reverse(
                "admin:view_on_site",
                args=[ContentType.objects.get_for_model(obj).pk, obj.pk],
            )
        if kind == "app_list":
            return reverse("admin:app_list", args=["talks"])
        if kind == "catch-all":
            return "/admin/no-such-page/"
        if kind == "autocomplete":
            return (
                reverse("admin:autocomplete")
                + "?term=wal&app_label=talks&model_name=round&field_name=venue"
            )
        return reverse(f"admin:{pattern.name}")
    opts = model_admin.opts
    obj = target(opts.model, world)
    if obj is None:
        pytest.skip(f"no {opts.label} to walk")
    if kind in ("changelist", "add", "import", "process_import"):
        return reverse(f"admin:{pattern.name}")
    if kind == "simple_history":
        version = obj.history.order_by("history_date").first()
        return reverse(f"admin:{pattern.name}", args=[obj.pk, version.history_id])
    if kind == "object-redirect":
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])[
            : -len("change/")
        ]
    return reverse(f"admin:{pattern.name}", args=[obj.pk])


# Every kind of admin view, and whether its POST is an attack worth building (all are POSTed).
STRATEGIES = {
    # Django's site views
    "index", "login", "logout", "password_change", "password_change_done", "autocomplete",
    "jsi18n", "view_on_site", "app_list", "catch-all",
    # every model admin's
    "changelist", "add", "change", "delete", "history", "object-redirect",
    # simple-history's version page (revert) and ours (compare)
    "simple_history", "compare",
    # django-import-export's
    "import", "process_import",
    # django-otp's device pages (superusers only): the key's address and its QR code
    "config", "qrcode",
}  # fmt: skip


# Kinds whose POST, made by a publisher, does change the public record (the walk's self-check).
EFFECTIVE = {"change", "simple_history", "changelist", "process_import"}


def test_every_admin_view_is_classified():
    unknown = sorted({case_id(p, m) for p, m in CASES if kind_of(p, m) not in STRATEGIES})
    assert not unknown, (
        f"Admin views nobody has classified: {unknown}. Add each to STRATEGIES in this file, "
        "with a POST in posts() that tries to change published content through it."
    )


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("pattern", "model_admin"), CASES, ids=[case_id(p, m) for p, m in CASES])
def test_no_role_without_the_publish_permission_changes_the_public_record(
    world, db, fast_password_hashing, pattern, model_admin, role
):
    kind = kind_of(pattern, model_admin)
    if kind not in STRATEGIES:
        pytest.fail(f"unclassified admin view {case_id(pattern, model_admin)}")
    url = url_for(pattern, model_admin, kind, world)
    obj = target(model_admin.opts.model, world) if model_admin else None
    attacks = posts(kind, url, model_admin, obj, role)
    before = world["public record"]
    client = client_for(role)
    answers = [client.get(url).status_code]
    for post_url, data in attacks:
        answers.append(client.post(post_url, data).status_code)
    assert all(status < 500 for status in answers), answers
    after = public_record()
    if role not in MAY_PUBLISH:
        assert after == before, f"{role} changed the public record via {url}"
    elif kind in EFFECTIVE and has_status(model_admin.opts.model):
        # The same POST works for a publisher, so the attack above was a real one.
        assert after != before, f"the publisher's POST to {url} changed nothing"
