"""Request logging, the anonymous page cache, and 503s when the database is down."""

import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import (
    get_cache_key,
    get_conditional_response,
    learn_cache_key,
    patch_vary_headers,
)
from django.utils.http import parse_http_date_safe
from redis.exceptions import RedisError

from ops.clientip import client_ip
from ops.outage import DATABASE_DOWN, database_unavailable
from provenance.translated import records_in_english
from provenance.versioning import content_version

request_logger = logging.getLogger("request")


class RequestLogMiddleware:
    """One log line per request: method, path, status, duration and client address."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        request_logger.info(
            "%s %s %s %.1fms ip=%s",
            request.method,
            request.path,
            response.status_code,
            (time.perf_counter() - started) * 1000,
            client_ip(request),
        )
        return response


class DatabaseUnavailableMiddleware:
    """Views that hit a dead database answer 503; ops.views.server_error covers middleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_DOWN):
            return database_unavailable(request, exception)
        return None


class AnonymousPageCacheMiddleware:
    """Serve anonymous GETs from the shared cache, keyed on the content version.

    Any committed change to the record bumps `content_version()`, which changes every key, so a
    publish is visible on the very next request and no purge is needed. Logged-in users (a
    session cookie), the admin and anything private, streamed or setting a cookie bypass it.
    So does the API: it answers conditional requests itself, and its throttling, rate-limit and
    CORS headers belong to each request, which a cached copy would replay.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self._cacheable_request(request):
            return self.get_response(request)
        # This runs before UrlLanguageMiddleware: name the page's language now, from its URL as
        # that middleware will, so the key looked up here (Django suffixes it with
        # request.LANGUAGE_CODE) is the key stored after the view, and a Ukrainian page is never
        # served for an English address.
        language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
        request.LANGUAGE_CODE = language
        try:
            prefix = f"page:{settings.RELEASE}:{content_version()}:{language}"
            key = get_cache_key(request, prefix, "GET", cache=cache)
            cached = cache.get(key) if key else None
        except RedisError:  # a cache outage must not take the site down with it
            return self.get_response(request)
        if cached is not None:
            # The view's own condition() never runs for a cached copy: answer If-None-Match and
            # If-Modified-Since here, from the copy's ETag and Last-Modified, so a feed reader
            # still gets its 304, carrying both.
            return self._conditional(request, cached)
        response = self.get_response(request)
        if self._cacheable_response(response):
            timeout = settings.PAGE_CACHE_SECONDS
            try:
                key = learn_cache_key(request, response, timeout, prefix, cache=cache)
                cache.set(key, response, timeout)
            except RedisError:
                pass
        return response

    @staticmethod
    def _conditional(request, response):
        modified = response.get("Last-Modified")
        return get_conditional_response(
            request,
            etag=response.get("ETag"),
            last_modified=parse_http_date_safe(modified) if modified else None,
            response=response,
        )

    @staticmethod
    def _cacheable_request(request) -> bool:
        return (
            settings.PAGE_CACHE_SECONDS > 0
            and request.method == "GET"
            and not request.path.startswith(("/admin/", "/api/", "/i18n/"))
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and "HTTP_AUTHORIZATION" not in request.META
        )

    @staticmethod
    def _cacheable_response(response) -> bool:
        cache_control = response.get("Cache-Control", "")
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not any(word in cache_control for word in ("private", "no-store", "no-cache"))
            # A copy must not replay one client's figures (rate limits) to another.
            and not any(header in response for header in settings.PER_CLIENT_HEADERS)
        )


# The editors' workspace: in each editor's own language, at the same addresses for everyone.
WORKSPACE_PREFIX = "/admin/"


class UrlLanguageMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, for a site whose language is in its URL and nowhere else, and
    an admin in each editor's language.

    Public site: with `i18n_patterns(prefix_default_language=False)` (config/urls.py) Django
    already takes /uk/… as Ukrainian and any address without a prefix as English, whatever
    Accept-Language or a cookie says, and never redirects. What it still does is add
    `Vary: Accept-Language` to unprefixed answers, which would split every cache (this site's
    page cache, nginx's) by each browser's header for the same English page: not here, where
    that header changes nothing.

    Admin (/admin/…, unprefixed, so a link passed between editors opens in each one's language):
    the language the editor picked in the admin's menu (Django's set_language view, kept in the
    language cookie), else the browser's Accept-Language, else English; the answers vary on both.
    The record's texts stay in their own columns there whatever the interface language
    (provenance.translated.records_in_english).
    """

    def __call__(self, request):
        if not request.path_info.startswith(WORKSPACE_PREFIX):
            return super().__call__(request)
        with records_in_english():
            return super().__call__(request)

    def process_request(self, request):
        if not request.path_info.startswith(WORKSPACE_PREFIX):
            return super().process_request(request)
        translation.activate(translation.get_language_from_request(request, check_path=False))
        request.LANGUAGE_CODE = translation.get_language()
        return None

    def process_response(self, request, response):
        if request.path_info.startswith(WORKSPACE_PREFIX):
            patch_vary_headers(response, ("Accept-Language", "Cookie"))
        response.headers.setdefault("Content-Language", translation.get_language())
        return response
