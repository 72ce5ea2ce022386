"""Health probes for load balancers and compose, the outage-aware 500 handler, the drill write."""

import sys

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.http import Http404, JsonResponse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST
from django.views.defaults import server_error as django_server_error
from redis.exceptions import RedisError

from ops.outage import DATABASE_DOWN, database_unavailable, url_language
from provenance.models import PublicationStatus, Source


@never_cache
@require_GET
def healthz(request):
    """The process is up and serving; touches neither the database nor the cache."""
    return JsonResponse({"status": "ok"})


@never_cache
@require_GET
def readyz(request):
    """Ready for traffic: the database answers and the cache round-trips, each within its timeout."""
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = "ok"
    except DATABASE_DOWN as error:
        checks["database"] = f"error: {error.__class__.__name__}"
    try:
        cache.set("ops:readyz", "ok", timeout=10)
        checks["cache"] = "ok" if cache.get("ops:readyz") == "ok" else "error: no round trip"
    except (RedisError, OSError) as error:
        checks["cache"] = f"error: {error.__class__.__name__}"
    ready = all(value == "ok" for value in checks.values())
    response = JsonResponse({"status": "ok" if ready else "unavailable", **checks})
    if not ready:
        response.status_code = 503
        response["Retry-After"] = str(settings.RETRY_AFTER_SECONDS)
    return response


def server_error(request):
    """handler500: a database outage raised outside a view is still a 503, not a 500. Either
    page is in the language of the request's address (500.html and 503.html are translated)."""
    exception = sys.exc_info()[1]
    if isinstance(exception, DATABASE_DOWN):
        return database_unavailable(request, exception)
    with translation.override(url_language(request)):
        return django_server_error(request)


@csrf_exempt
@require_POST
def drill_write(request):
    """Create a draft Source and answer 201 only after it is committed.

    Exists only for scripts/fault_drill.py (DJANGO_FAULT_DRILL_WRITES=true, off by default): the
    drill counts the 201s and then checks every acknowledged code is in the database. Drafts
    are never public.
    """
    if not settings.FAULT_DRILL_WRITES:
        raise Http404
    code = request.POST.get("code", "")
    if not code.startswith("drill-") or len(code) > 16:
        return JsonResponse({"detail": "code must be drill-<n>, at most 16 characters"}, status=400)
    with transaction.atomic():
        Source.objects.create(
            code=code,
            title="Fault drill write",
            publisher="fault drill",
            publication_status=PublicationStatus.DRAFT,
        )
    # Leaving the atomic block committed the row; only now is the write acknowledged.
    return JsonResponse({"code": code}, status=201)
