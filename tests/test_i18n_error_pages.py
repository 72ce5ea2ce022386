"""The 500 and 503 pages speak the language of the address that failed: English without a
prefix, Ukrainian under /uk/, Russian under /ru/; whatever language the thread's previous request
left active."""

import re

import pytest
from django.db import OperationalError, connection
from django.template.loader import render_to_string
from django.test import Client, RequestFactory
from django.utils import translation

from ops.views import server_error

PREFIXES = {"en": "", "uk": "/uk", "ru": "/ru"}


def refuse(execute, sql, params, many, context):
    raise OperationalError("server closed the connection unexpectedly")  # the database is down


def explode(execute, sql, params, many, context):
    raise ZeroDivisionError("a bug")  # any other error: a 500


def words(page: str) -> list[str]:
    """The page's text, a line per element."""
    text = re.sub(r"<[^>]+>", "\n", page)
    return [line.strip() for line in text.splitlines() if line.strip()]


def error_page(prefix: str, failure) -> tuple[int, str]:
    client = Client(raise_request_exception=False)
    with connection.execute_wrapper(failure):
        response = client.get(prefix + "/rounds/")
    return response.status_code, response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(("failure", "status"), [(explode, 500), (refuse, 503)])
def test_a_failing_page_answers_in_its_addresss_language(settings, failure, status):
    settings.DEBUG = False
    status_code, english = error_page("", failure)
    assert status_code == status
    assert '<html lang="en">' in english
    for code in ("uk", "ru"):
        status_code, page = error_page(PREFIXES[code], failure)
        assert status_code == status, code
        assert f'<html lang="{code}">' in page, code
        left = [line for line in words(page) if line in words(english)]
        assert not left, (code, left)
    # And English again after them: the thread's last language does not stick.
    assert error_page("", failure) == (status, english)


@pytest.mark.django_db
@pytest.mark.parametrize("failure", [explode, refuse])
def test_an_error_raised_before_the_language_is_read_still_uses_the_addresss(settings, failure):
    """handler500 for an error in a middleware that runs before the language's (the page
    cache): the language comes from the address, not from the thread."""
    settings.DEBUG = False
    pages = {}
    for code, prefix in PREFIXES.items():
        request = RequestFactory().get(prefix + "/rounds/")
        other = "ru" if code != "ru" else "uk"
        with translation.override(other):
            try:
                with connection.execute_wrapper(failure), connection.cursor() as cursor:
                    cursor.execute("SELECT 1")
            except (OperationalError, ZeroDivisionError):
                pages[code] = server_error(request).content.decode()
        assert f'<html lang="{code}">' in pages[code], code
    assert len(set(pages.values())) == len(PREFIXES)


def test_the_editors_503_form_is_translated_too():
    """Editors save under /admin/, which is English; its strings are translated all the same."""
    context = {"fields": [("title", "Round 2")], "action": "/admin/talks/round/1/change/"}
    with translation.override("en"):
        english = words(render_to_string("503_form.html", context))
    assert "Save again" in english
    for code in ("uk", "ru"):
        with translation.override(code):
            page = render_to_string("503_form.html", context)
        assert f'<html lang="{code}">' in page
        left = [
            line for line in words(page) if line in english and line not in {"title", "Round 2"}
        ]
        assert not left, (code, left)
