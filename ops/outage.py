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
from psycopg_pool import PoolTimeout

DATABASE_DOWN = (OperationalError, InterfaceError, PoolTimeout)

logger = logging.getLogger("ops.outage")


def database_unavailable(request, exception) -> HttpResponse:
    logger.warning("database unavailable on %s %s: %s", request.method, request.path, exception)
    if request.path.startswith("/api/"):
        response = JsonResponse(
            {"detail": "The database is unavailable. Retry shortly."}, status=503
        )
    else:
        # Rendered without the request: context processors could need the database.
        response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(settings.RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response
