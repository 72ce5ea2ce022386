"""Every API error is JSON: DRF's handler plus Django's validation and database refusals."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DataError
from django.http import JsonResponse
from rest_framework import exceptions
from rest_framework.views import exception_handler as drf_exception_handler


def api_not_found(request, *args, **kwargs):
    """JSON 404 for any URL under /api/v1/ that names no endpoint (not the site's HTML page)."""
    return JsonResponse({"detail": "No such endpoint. See /api/docs/."}, status=404)


def api_exception_handler(exc, context):
    """DRF's handler, plus Django validation errors and database refusals as 400 JSON."""
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(
            exc.message_dict if hasattr(exc, "error_dict") else {"detail": exc.messages}
        )
    elif isinstance(exc, DataError | ValueError | OverflowError):
        # e.g. a value the database cannot represent; the request is at fault, not the server.
        exc = exceptions.ValidationError(
            {"detail": "A parameter value is out of range or invalid."}
        )
    response = drf_exception_handler(exc, context)
    if response is not None and isinstance(exc, exceptions.Throttled):
        request = context["request"]
        for header, value in getattr(request, "rate_limit", {}).items():
            response[header] = value
    return response
