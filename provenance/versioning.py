"""A single "content version" that changes whenever any record changes.

Every save, delete or many-to-many change of a model in the project's apps bumps the version and
the last-modified time kept in the cache. Anything derived from the data — cached pages, API
ETags, feeds — can key itself on `content_version()` and so is never stale after a publish.
The cache is shared (Redis) in production, so all processes see the same version.
"""

import hashlib
import time

from django.apps import apps
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone
from django.views.decorators.http import condition

VERSION_KEY = "content:version"
MODIFIED_KEY = "content:last-modified"
PROJECT_APPS = ("provenance", "actors", "talks", "positions")


def content_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        # A cold cache (restart, eviction) starts a new version so nothing old is reused.
        version = time.time_ns()
        cache.add(VERSION_KEY, version, timeout=None)
        version = cache.get(VERSION_KEY, version)
    return version


def content_last_modified():
    """When any record last changed (as seen by this cache), or None if unknown."""
    return cache.get(MODIFIED_KEY)


def bump_content_version() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # key missing: start a fresh version
        cache.set(VERSION_KEY, time.time_ns(), timeout=None)
    cache.set(MODIFIED_KEY, timezone.now(), timeout=None)


def _on_change(sender, **kwargs) -> None:
    # After commit, so a reader never caches the old state under the new version.
    transaction.on_commit(bump_content_version)


def connect_signals() -> None:
    for model in apps.get_models():
        if model._meta.app_label in PROJECT_APPS:
            post_save.connect(
                _on_change, sender=model, dispatch_uid=f"version-save-{model._meta.label}"
            )
            post_delete.connect(
                _on_change, sender=model, dispatch_uid=f"version-del-{model._meta.label}"
            )
    m2m_changed.connect(_on_change, dispatch_uid="version-m2m")


def last_modified_time():
    """When the content last changed; after a cold cache, from now on (never too early)."""
    value = content_last_modified()
    if value is None:
        cache.add(MODIFIED_KEY, timezone.now().replace(microsecond=0), timeout=None)
        value = cache.get(MODIFIED_KEY) or timezone.now()
    return value


def content_etag(request, *args, **kwargs) -> str:
    """What a public answer depends on: the content version, the full URL and the format asked
    for (Accept). A weak ETag: equal answers, not equal bytes (CSV and JSON are streamed)."""
    key = "|".join(
        [str(content_version()), request.get_full_path(), request.META.get("HTTP_ACCEPT", "")]
    )
    return 'W/"' + hashlib.sha256(key.encode()).hexdigest()[:32] + '"'


def _last_modified(request, *args, **kwargs):
    return last_modified_time()


# The one conditional-request mechanism for everything derived from the published record: the
# API, downloads, feeds and calendars. Django's condition() answers If-None-Match /
# If-Modified-Since with 304 (carrying the ETag) before the view runs, and sets ETag and
# Last-Modified on every other GET answer. Feed readers, calendar apps and mirrors poll, so most
# of their requests then cost no query at all.
conditional_on_content = condition(etag_func=content_etag, last_modified_func=_last_modified)
