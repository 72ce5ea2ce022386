"""A single "content version" that moves whenever something a reader could see changes.

Every save, delete or many-to-many change of a row readers can see — before or after the
change, by its model's published() rule — moves the version and its time. A change to a draft,
or to a row hidden with its draft parent, does not: what readers get is the same, so ETags,
Last-Modified and cached pages must not move (a moving ETag would tell anyone watching that an
unseen draft changed). Anything derived from the
published record — cached pages, API ETags, feeds, calendars, downloads — keys itself on
`content_version()` and so is never stale after a publish.

The version lives in the database (`ContentVersion`), written after the change commits; the
shared cache keeps a copy for `CACHED_SECONDS` so that most conditional requests cost no query.
The cache is an optimisation: when it is down, the version is read from the database and a
change is never lost with it. If a process could not refresh the cached copy after a write, it
reads the database until it can, and other processes see the change within `CACHED_SECONDS`.

A row that stops being public (unpublished, deleted, moved out of a published owner, hidden with
its parent) is written to `Withdrawal`, so the API's `changes/` tells mirrors to drop it, and
only it. A row that becomes public (saved public, published, moved into a published owner, shown
when a record it belongs to is published) is written to `Appearance`, so `changes/` reports it
"created" to a mirror that did not have it, even when the row itself did not change.
"""

import hashlib
import logging

from django.apps import apps
from django.core.cache import cache
from django.db import DatabaseError, connection, transaction
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.utils import timezone, translation
from django.views.decorators.http import condition

from provenance.guard import PROJECT_APPS, has_status, is_content, locked_reason, stored
from provenance.models import Appearance, ContentVersion, Withdrawal, publication_paths

VERSION_KEY = "content:version:v2"
CACHED_SECONDS = 5

logger = logging.getLogger(__name__)

# Set when this process committed a change but could not refresh the cached copy (cache down):
# until a refresh succeeds, it reads the version from the database.
_cache_behind = False


def _read_database() -> tuple[int, object]:
    row = ContentVersion.objects.filter(pk=1).values_list("version", "changed_at").first()
    if row is None:  # a fresh or flushed database: start counting from now
        row = ContentVersion.objects.get_or_create(pk=1)[0]
        row = (row.version, row.changed_at)
    return row


def _current() -> tuple[int, object]:
    """(version, changed_at): from the cache when it has a fresh copy, else the database."""
    global _cache_behind
    if not _cache_behind:
        try:
            cached = cache.get(VERSION_KEY)
        except Exception:  # noqa: BLE001 — any cache failure: the database has the answer
            cached = None
        if cached is not None:
            return cached
    current = _read_database()
    try:
        cache.set(VERSION_KEY, current, timeout=CACHED_SECONDS)
        _cache_behind = False
    except Exception:  # noqa: BLE001
        logger.warning("content version: cache unavailable, reading the database")
    return current


def content_version() -> str:
    """The version of the public record, for ETags and cache keys: its counter and the time it
    moved, so a counter started afresh (a flushed or new database) never repeats an old key."""
    version, changed_at = _current()
    return f"{version}-{changed_at.timestamp() if changed_at else 0}"


def last_modified_time():
    """When the public record last changed, to the second; None if it never did here."""
    changed_at = _current()[1]
    return changed_at.replace(microsecond=0) if changed_at else None


def bump_content_version() -> None:
    """Move the version on (after a commit). Never raises: the write it follows is done."""
    global _cache_behind
    try:
        now = timezone.now()
        if not ContentVersion.objects.filter(pk=1).update(version=F("version") + 1, changed_at=now):
            ContentVersion.objects.create(pk=1, version=1, changed_at=now)
        current = _read_database()
    except DatabaseError:
        logger.exception("content version: could not record a change")
        _cache_behind = True
        return
    try:
        cache.set(VERSION_KEY, current, timeout=CACHED_SECONDS)
    except Exception:  # noqa: BLE001
        logger.warning("content version: cache unavailable; it is read from the database")
        _cache_behind = True


def _schedule_bump() -> None:
    # One bump per commit however many rows it wrote (the loader saves thousands in one): each
    # change counts itself on its connection (one per thread), the first callback run after the
    # commit bumps once and clears the count, the others find nothing to do.
    connection.pending_content_changes = getattr(connection, "pending_content_changes", 0) + 1
    transaction.on_commit(_bump_if_pending)


def _bump_if_pending() -> None:
    if getattr(connection, "pending_content_changes", 0):
        connection.pending_content_changes = 0
        bump_content_version()


def is_reviewed(obj) -> bool:
    """True for content a reader could see now or once its parents are published."""
    return bool(locked_reason(obj))


def is_visible(obj) -> bool:
    """Public right now, by the model's own published() rule. One query."""
    return type(obj).objects.published().filter(pk=obj.pk).exists()


def dependants(obj) -> list[tuple[str, int]]:
    """(model, pk) of the public rows that are public with `obj`: rows whose publication paths
    lead to it, however deep (a round's delegations, their participants; a track's rounds and
    everything in them). One query per such path."""
    found = []
    for model in apps.get_models():
        if not is_content(model):
            continue
        for path in publication_paths(model):
            if _path_target(model, path) is type(obj):
                pks = (
                    model.objects.published().filter(**{path: obj.pk}).values_list("pk", flat=True)
                )
                found += [(model._meta.label_lower, pk) for pk in pks]
    return found


def _path_target(model, path: str):
    for part in path.split("__"):
        model = model._meta.get_field(part).related_model
    return model


def _withdraw(rows) -> None:
    now = timezone.now()
    Withdrawal.objects.bulk_create(
        [Withdrawal(model=label, object_id=pk, withdrawn_at=now) for label, pk in rows]
    )


def _appear(rows) -> None:
    now = timezone.now()
    Appearance.objects.bulk_create(
        [Appearance(model=label, object_id=pk, appeared_at=now) for label, pk in rows]
    )


def _before_save(sender, instance, raw=False, **kwargs):
    if raw or not is_content(sender):
        return
    before = stored(instance)
    instance.__dict__.pop("visible_after_save", None)  # this save's is set by _after_save
    instance._reviewed_before = before is not None and is_reviewed(before)
    instance._visible_before = instance._reviewed_before and is_visible(instance)
    instance._hidden_with_it = []
    if instance._visible_before and (
        (has_status(sender) and not instance.is_published) or _parents_moved(before, instance)
    ):
        instance._hidden_with_it = dependants(instance)


def _parents_moved(before, instance) -> bool:
    names = {path.split("__")[0] for path in getattr(type(instance), "publication_parents", ())}
    return any(
        getattr(before, f"{name}_id", None) != getattr(instance, f"{name}_id", None)
        for name in names
    )


def _after_save(sender, instance, raw=False, created=False, **kwargs):
    if raw or not is_content(sender):
        return
    visible_before = getattr(instance, "_visible_before", False)
    visible_now = is_reviewed(instance) and is_visible(instance)
    # For the other post_save receivers of this save (api.sync): one query, not one each.
    instance.visible_after_save = visible_now
    if visible_before or visible_now:
        _schedule_bump()
    if visible_before and not visible_now:
        _withdraw([(sender._meta.label_lower, instance.pk), *instance._hidden_with_it])
    if visible_now and not visible_before:
        # A new row has nothing that belongs to it yet; an existing one may bring its own into
        # view (a round published with its delegations and their participants).
        _appear(
            [(sender._meta.label_lower, instance.pk), *([] if created else dependants(instance))]
        )
    instance.__dict__.pop("_stored_row", None)


def _before_delete(sender, instance, **kwargs):
    if not is_content(sender):
        return
    instance._deleted_visible = is_reviewed(instance) and is_visible(instance)
    if instance._deleted_visible:
        _withdraw([(sender._meta.label_lower, instance.pk)])


def _after_delete(sender, instance, **kwargs):
    if getattr(instance, "_deleted_visible", False):
        _schedule_bump()


def _on_m2m(sender, instance, action, reverse, model, pk_set, **kwargs):
    if not action.startswith("post_"):
        return
    # A link is read on the page of the row that holds the field (a round's sources): it moves
    # the version when that row is public. `reverse`: `instance` is the other end.
    if not reverse:
        visible = is_content(type(instance)) and is_reviewed(instance) and is_visible(instance)
    else:
        rows = model.objects.published() if is_content(model) else model.objects.none()
        visible = bool(pk_set) and rows.filter(pk__in=pk_set).exists()
    if visible:
        _schedule_bump()


def connect_signals() -> None:
    for model in apps.get_models():
        if model._meta.app_label in PROJECT_APPS:
            label = model._meta.label
            pre_save.connect(_before_save, sender=model, dispatch_uid=f"version-pre-{label}")
            post_save.connect(_after_save, sender=model, dispatch_uid=f"version-save-{label}")
            pre_delete.connect(_before_delete, sender=model, dispatch_uid=f"version-pdel-{label}")
            post_delete.connect(_after_delete, sender=model, dispatch_uid=f"version-del-{label}")
    m2m_changed.connect(_on_m2m, dispatch_uid="version-m2m")


def content_etag(request, *args, **kwargs) -> str:
    """What a public answer depends on: the content version, the full URL, the format asked
    for (Accept) and the language it is made in (the API's may come from Accept-Language). A
    weak ETag: equal answers, not equal bytes (CSV and JSON are streamed)."""
    key = "|".join(
        [
            str(content_version()),
            request.get_full_path(),
            request.META.get("HTTP_ACCEPT", ""),
            translation.get_language() or "",
        ]
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
