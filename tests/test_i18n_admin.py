"""The editors' admin in Ukrainian and Russian (#15): every admin page an editor reaches, in
the language the editor picked, with none of our own interface strings left in English.

The pages are read from the admin site itself (as tests/test_admin_walk.py does), so a new
model admin or a new view of ours is covered without anyone remembering to; a view of a new
kind fails `test_every_admin_view_is_classified` until someone says how to open it. A text is
"ours" when it is written in the admin's own code (the admin modules, the workflow's messages,
templates/admin); record texts (the world's titles, names, users) may stay as they are.
"""

import re
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.models import User
from django.db import models
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.text import capfirst

from tests.page_html import Element, parse
from tests.test_admin_walk import kind_of, site_patterns, target, world  # noqa: F401

ROOT = Path(settings.BASE_DIR)
# Where the admin's own interface strings are written (model labels are checked by
# tests/test_i18n_model_strings.py).
OUR_CODE = [
    *ROOT.glob("*/admin.py"),
    *ROOT.glob("provenance/admin/*.py"),
    ROOT / "provenance/review.py",
    ROOT / "provenance/guard.py",
    ROOT / "provenance/workflow.py",
    *ROOT.glob("templates/admin/**/*.html"),
]
# Names, the same in every language.
SAME_IN_EVERY_LANGUAGE = {"Istanbul Talks Tracker", "English", "Markdown", "CSV"}
# Views that answer no page (JSON, a script, a redirect, a POST-only step) or another app's.
NOT_PAGES = {
    "autocomplete",
    "jsi18n",
    "view_on_site",
    "logout",
    "process_import",
    "object-redirect",
    "catch-all",
    "password_change_done",
    "qrcode",  # an authenticator's QR code, an image
}
# A model's pages; "config" is an authenticator device's set-up page (django-otp's).
MODEL_PAGES = {
    "changelist",
    "add",
    "change",
    "history",
    "delete",
    "compare",
    "simple_history",
    "config",
}
SITE_PAGES = {"index", "app_list", "password_change", "login"}
LANGUAGES = ["uk", "ru"]
SKIPPED_TAGS = {"script", "style", "textarea", "code"}
SHOWN_ATTRIBUTES = ("title", "placeholder", "aria-label")


def admin_pages(world) -> dict[str, str]:  # noqa: F811
    """{case: url} for every admin page an editor reaches, with one existing row of each model."""
    pages = {}
    for pattern, model_admin in site_patterns():
        kind = kind_of(pattern, model_admin)
        if kind in NOT_PAGES or kind == "import":
            continue
        if model_admin is None:
            if kind == "app_list":
                for label in {model._meta.app_label for model in admin.site._registry}:
                    pages[f"site:app_list:{label}"] = reverse(
                        "admin:app_list", kwargs={"app_label": label}
                    )
            elif kind != "login":
                pages[f"site:{kind}"] = reverse(f"admin:{kind}")
            continue
        opts = model_admin.opts
        name = f"admin:{pattern.name}"
        if kind in ("changelist", "add"):
            pages[f"{opts.label_lower}:{kind}"] = reverse(name)
            continue
        obj = target(model_admin.model, world)
        if obj is None:
            continue
        if kind == "simple_history":
            version = obj.history.order_by("history_id").first()
            url = reverse(name, args=[obj.pk, version.history_id])
        else:
            url = reverse(name, args=[obj.pk])
        pages[f"{opts.label_lower}:{kind}"] = url
    for model_admin in admin.site._registry.values():
        opts = model_admin.opts
        if hasattr(model_admin, "import_template"):
            pages[f"{opts.label_lower}:import"] = reverse(
                f"admin:{opts.app_label}_{opts.model_name}_import"
            )
    return pages


def test_every_admin_view_is_classified():
    kinds = {kind_of(p, m) for p, m in site_patterns()}
    assert kinds <= NOT_PAGES | MODEL_PAGES | SITE_PAGES | {"import"}, kinds - (
        NOT_PAGES | MODEL_PAGES | SITE_PAGES | {"import"}
    )


def our_strings() -> str:
    return "\n".join(path.read_text() for path in OUR_CODE)


def record_texts() -> set[str]:
    """Every text stored in the project's rows, each row's name and each user's: a record's own
    words, which the admin shows as they are."""
    texts = set(User.objects.values_list("username", flat=True))
    for model in apps.get_models():
        if model._meta.app_label not in ("provenance", "actors", "talks", "positions"):
            continue
        text_fields = [
            f.attname
            for f in model._meta.concrete_fields
            if isinstance(f, models.CharField | models.TextField)
        ]
        for obj in model._default_manager.all():
            texts.add(" ".join(str(obj).split()))
            texts.update(" ".join(str(getattr(obj, f) or "").split()) for f in text_fields)
    return {t for t in texts if t}


def model_labels() -> set[str]:
    """Every model's names and every field's label and help text, in English: the models' own
    strings, which tests/test_i18n_model_strings.py checks."""
    labels = set()
    with translation.override("en"):
        for model in apps.get_models():
            opts = model._meta
            labels.update({str(opts.verbose_name), str(opts.verbose_name_plural)})
            labels.add(capfirst(str(opts.verbose_name_plural)))
            for field in opts.get_fields():
                for text in (getattr(field, "verbose_name", ""), getattr(field, "help_text", "")):
                    if text:
                        labels.update({str(text), capfirst(str(text)), f"{capfirst(str(text))}:"})
    return labels


def shown_texts(root: Element) -> list[str]:
    """The page's text nodes and shown attributes, with its buttons' labels."""
    found = []
    for node in root.iter():
        if node.tag in SKIPPED_TAGS or any(a.tag in SKIPPED_TAGS for a in node.ancestors()):
            continue
        if node.tag == "input" and node.attrs.get("type") in ("submit", "button"):
            found.append(node.attrs.get("value", ""))
        found += [node.attrs[a] for a in SHOWN_ATTRIBUTES if node.attrs.get(a)]
        found += [child for child in node.children if isinstance(child, str)]
    return [" ".join(t.split()) for t in found if t.strip()]


def is_ours(text: str, code: str) -> bool:
    """The text, or a run of three of its words, is written in our code."""
    if text in code:
        return True
    words = text.split()
    return any(" ".join(words[i : i + 3]) in code for i in range(len(words) - 2))


def english_left(english: list[str], other: list[str], names: set[str], code: str) -> list[str]:
    """Texts of ours shown the same on the English page and the page in another language."""
    same = set(english) & set(other)
    return sorted(
        text
        for text in same
        if re.search(r"[A-Za-z]{2}", text)
        and text not in names
        and text not in SAME_IN_EVERY_LANGUAGE
        and is_ours(text, code)
    )


def client_in(language: str, user=None) -> Client:
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    if user is not None:
        client.force_login(user)
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["walk-publisher", "walk-editor"])
def test_every_admin_page_in_ukrainian_and_russian(world, role):  # noqa: F811
    user = User.objects.get(username=role)
    pages = admin_pages(world)
    assert len(pages) > 80
    names, code = record_texts() | model_labels(), our_strings()
    english = client_in("en", user)
    others = {language: client_in(language, user) for language in LANGUAGES}
    left, failed = {}, {}
    checked = 0
    for case, url in pages.items():
        page = english.get(url)
        if page.status_code in (403, 404):
            continue  # not this role's page (another app's, or a publisher's)
        assert page.status_code == 200, (case, url, page.status_code)
        checked += 1
        texts = shown_texts(parse(page.content.decode()))
        for language, client in others.items():
            response = client.get(url)
            if response.status_code != 200:
                failed[(case, language)] = response.status_code
                continue
            html = response.content.decode()
            assert f'<html lang="{language}"' in html, (case, language)
            if found := english_left(texts, shown_texts(parse(html)), names, code):
                left[(case, language)] = found
    assert checked > (80 if role == "walk-publisher" else 40), checked
    assert not failed, failed
    assert not left, "\n".join(
        f"{case} {language}: {found}" for (case, language), found in left.items()
    )


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_login_two_factor_and_lockout_pages(editor, settings, language):
    """The login page, its second step's words and errors, and the lock-out page."""
    settings.TWO_FACTOR_REQUIRED = True
    code = our_strings()
    pages = {}
    for shown in ("en", language):
        client = client_in(shown)
        client.defaults["REMOTE_ADDR"] = f"198.51.100.{len(pages) + 1}"
        login = client.get(reverse("admin:login"))
        wrong = client.post(
            reverse("admin:login"),
            {"username": editor.username, "password": "wrong", "otp_token": "123456"},
        )
        for _ in range(settings.AXES_FAILURE_LIMIT):
            locked = client.post(
                reverse("admin:login"), {"username": editor.username, "password": "wrong"}
            )
        assert locked.status_code == 429
        pages[shown] = [login, wrong, locked]
    for english, other in zip(pages["en"], pages[language], strict=True):
        html = other.content.decode()
        assert f'<html lang="{language}"' in html
        english_texts = shown_texts(parse(english.content.decode()))
        left = english_left(english_texts, shown_texts(parse(html)), set(), code)
        assert not left, left
    assert 'id="admin-language"' in pages[language][0].content.decode()


# django-otp writes its device names as plain strings, which no catalogue can translate.
UNTRANSLATABLE_MODEL_NAMES = {"otp_totp.totpdevice", "otp_static.staticdevice"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_model_on_the_admin_index_is_named_in_the_editors_language(language):
    """Every model registered in the admin, ours and other apps' (django-axes' lockout records),
    is listed on the index under a name in the editor's language, and the index's column
    headings (read by screen readers) are translated too."""
    from provenance.admin.other_apps_strings import OTHER_APPS_STRINGS

    english_names = {}
    with translation.override("en"):
        for model in admin.site._registry:
            english_names[model._meta.label_lower] = str(model._meta.verbose_name_plural)
    with translation.override(language):
        left = {
            label: english
            for model in admin.site._registry
            if (label := model._meta.label_lower) not in UNTRANSLATABLE_MODEL_NAMES
            and str(model._meta.verbose_name_plural) == (english := english_names[label])
        }
        assert not left
        assert all(translation.gettext(text) != text for text in OTHER_APPS_STRINGS)
