"""A clean 503 with Retry-After when the database is unreachable, instead of a 500.

PostgreSQL restarting, refusing connections or cancelling a statement after the configured
timeout all surface as these exceptions; each is over within DATABASE_CONNECT_TIMEOUT or
DATABASE_STATEMENT_TIMEOUT_MS, and Django opens a fresh connection on the next request, so
service resumes by itself when the database is back.
"""

import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils import translation
from psycopg_pool import PoolTimeout

DATABASE_DOWN = (OperationalError, InterfaceError, PoolTimeout)

logger = logging.getLogger("ops.outage")


def url_language(request) -> str:
    """The language of the request's address (/uk/…, /ru/…; English without a prefix), as
    ops.middleware.UrlLanguageMiddleware reads it. An error page is rendered in it explicitly:
    an error raised before that middleware ran would otherwise find whatever language the
    thread's previous request left active."""
    return translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE


def database_unavailable(request, exception) -> HttpResponse:
    with translation.override(url_language(request)):
        return _database_unavailable(request, exception)


def _database_unavailable(request, exception) -> HttpResponse:
    logger.warning("database unavailable on %s %s: %s", request.method, request.path, exception)
    if request.path.startswith("/api/"):
        response = JsonResponse(
            {"detail": "The database is unavailable. Retry shortly."}, status=503
        )
    elif request.method == "POST" and request.path.startswith("/admin/"):
        # An editor's save: give the typed text back, with a button that sends it again.
        response = HttpResponse(
            render_to_string(
                "503_form.html",
                {"fields": posted_fields(request), "action": request.get_full_path()},
            ),
            status=503,
        )
    else:
        # Rendered without the request: context processors could need the database.
        response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(settings.RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


# Never echoed back: passwords typed into the login or password forms.
UNECHOED = ("password", "old_password", "new_password1", "new_password2", "password1", "password2")


def posted_fields(request) -> list[tuple[str, str]]:
    """(name, value) of every field the editor posted, in order, for the 503 page to keep."""
    return [
        (name, value)
        for name, values in request.POST.lists()
        if name not in UNECHOED
        for value in values
    ]
