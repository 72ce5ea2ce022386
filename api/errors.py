"""Every API error is JSON: DRF's handler plus Django's validation and database refusals."""

from django.core.exceptions import (
    DisallowedHost,
    RequestDataTooBig,
    TooManyFieldsSent,
)
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DataError
from django.http import Http404, HttpResponsePermanentRedirect, JsonResponse
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.defaults import bad_request
from rest_framework import exceptions
from rest_framework.views import exception_handler as drf_exception_handler

from api.language import requested_language


def api_not_found(request, *args, **kwargs):
    """JSON 404 for any URL under /api/v1/ that names no endpoint (not the site's HTML page).

    A URL that names one once a slash is added (`/api/v1/rounds?side=russia`) is redirected
    there with its query, as the site's pages are: this catch-all resolves every API path, so
    Django's APPEND_SLASH never sees them.
    """
    if not request.path.endswith("/"):
        try:
            match = resolve(f"{request.path}/")
        except Resolver404:
            match = None
        if match is not None and match.func is not api_not_found:
            query = request.META.get("QUERY_STRING", "")
            location = f"{request.path}/"
            if query:
                # Re-encoded from the decoded parameters, like the pages' links (api/pagination).
                location += f"?{request.GET.urlencode()}"
            return HttpResponsePermanentRedirect(location)
    with translation.override(requested_language(request)):
        return JsonResponse({"detail": gettext("No such endpoint. See /api/docs/.")}, status=404)


# What Django refuses before any view runs, said in the API's words.
REFUSALS = (
    (TooManyFieldsSent, _("Too many query parameters (at most 1,000).")),
    (RequestDataTooBig, _("The request is too large.")),
    (DisallowedHost, _("This host name is not served here.")),
)


def bad_request_view(request, exception=None):
    """handler400: under /api/ a JSON error (Django's is an HTML page), elsewhere Django's."""
    if not request.path.startswith("/api/"):
        return bad_request(request, exception)
    with translation.override(requested_language(request)):
        detail = next(
            (str(text) for kind, text in REFUSALS if isinstance(exception, kind)),
            gettext("Bad request."),
        )
        return JsonResponse({"detail": detail}, status=400)


def api_exception_handler(exc, context):
    """DRF's handler, plus Django validation errors and database refusals as 400 JSON."""
    if isinstance(exc, Http404):
        # Django's message names the model ("No Round matches the given query."); every API
        # 404 for a row says the same, whatever the kind or whether it is a draft.
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(
            exc.message_dict if hasattr(exc, "error_dict") else {"detail": exc.messages}
        )
    elif isinstance(exc, DataError | ValueError | OverflowError):
        # e.g. a value the database cannot represent; the request is at fault, not the server.
        exc = exceptions.ValidationError(
            {"detail": gettext("A parameter value is out of range or invalid.")}
        )
    response = drf_exception_handler(exc, context)
    if response is not None and isinstance(exc, exceptions.Throttled):
        request = context["request"]
        for header, value in getattr(request, "rate_limit", {}).items():
            response[header] = value
    return response
