"""A row's `updated_at` covers every row its API representation includes, so `updated_since=`,
the `updated_at` a client reads and `?cursor=` pages in (`updated_at`, `id`) order see a change
to a delegation's participant, an exchange's count or a venue's name as a change of the
delegation, exchange or round.

Which rows a resource includes is read from its serializer (`included_paths`): every related
object it names (`{id, name, url}` references), every nested list (participants, counts,
provisions, sources) and every value read through a relation (`city.name`), however deep. When a
row that readers can see — before or after the change — is saved, deleted or linked, the rows
that include it are touched (`updated_at` set to now, in one UPDATE per path; no history row,
no signals). Touching the parent, rather than computing `Greatest(updated_at, children…)` on
every read, keeps `updated_at` an indexed column that cursors and filters use as they are, and
is the only way a deleted child can still move its parent's time. A draft's changes touch
nothing, as they move no ETag (provenance.versioning).
"""

import functools

from django.core.exceptions import FieldDoesNotExist
from django.db.models.signals import m2m_changed, post_save, pre_delete, pre_save
from django.utils import timezone
from rest_framework.serializers import BaseSerializer, ListSerializer

from provenance.bulk import defer
from provenance.guard import is_content
from provenance.versioning import is_reviewed, is_visible


def _walk(serializer, model, prefix: tuple[str, ...]):
    for field in serializer.fields.values():
        child = field.child if isinstance(field, ListSerializer) else field
        attrs = [] if field.source == "*" else field.source.split(".")
        path, related = list(prefix), model
        for attr in attrs:
            try:
                relation = related._meta.get_field(attr)
            except FieldDoesNotExist:
                break
            if not relation.is_relation:
                break
            path.append(attr)
            related = relation.related_model
            yield "__".join(path), related
        else:
            if isinstance(child, BaseSerializer) and attrs:
                yield from _walk(child, related, tuple(path))


def included_paths(serializer_class) -> dict[str, type]:
    """{relation path from the resource's model: the related model} for every related row the
    resource's representation shows (with `include=sources`, the widest one)."""
    serializer = serializer_class()
    model = serializer.Meta.model
    return dict(_walk(serializer, model, ()))


@functools.cache
def including() -> dict[type, list[tuple[type, str]]]:
    """{model: [(resource model, path to it)]}: which resources' rows show a row of `model`."""
    from api.urls import RESOURCES  # the router's list; imported late, as it imports views

    found: dict[type, list[tuple[type, str]]] = {}
    for _prefix, viewset, _basename in RESOURCES:
        parent = viewset.serializer_class.Meta.model
        if not _has_time(parent):
            continue  # no time of its own (participants, counts): its filter reads its parents'
        for path, related in included_paths(viewset.serializer_class).items():
            found.setdefault(related, []).append((parent, path))
    return found


@functools.cache
def shown_by(model) -> dict[str, type]:
    """The related rows the resource of `model` shows ({path: model}); {} if it has none."""
    from api.urls import RESOURCES

    for _prefix, viewset, _basename in RESOURCES:
        if viewset.serializer_class.Meta.model is model:
            return included_paths(viewset.serializer_class)
    return {}


def touch_including(model, pk) -> None:
    """Set `updated_at` to now on every resource row that shows the row (`model`, `pk`), as it
    is linked now. In a bulk write (the loader's, provenance.bulk) once at its end, for all the
    rows it saved: one UPDATE per path instead of one per path and row."""
    if not defer(_touch_all, (model, pk)):
        touch_including_now(model, [pk])


def touch_including_now(model, pks) -> None:
    """As touch_including, at once: for a row as it is linked before a change or a delete."""
    now = timezone.now()
    for parent, path in including().get(model, ()):
        parent._default_manager.filter(**{f"{path}__in": pks}).update(updated_at=now)


def _touch_all(rows: set) -> None:
    by_model: dict[type, list] = {}
    for model, pk in rows:
        by_model.setdefault(model, []).append(pk)
    for model, pks in by_model.items():
        touch_including_now(model, sorted(pks))


def _seen(instance) -> bool:
    # provenance.versioning has found it out for this save when its receiver ran first.
    known = instance.__dict__.get("visible_after_save")
    if known is not None:
        return known
    return is_reviewed(instance) and is_visible(instance)


def _has_time(model) -> bool:
    return any(field.name == "updated_at" for field in model._meta.concrete_fields)


def _before_save(sender, instance, raw=False, **kwargs):
    # The rows that showed it before the change (a participant moved to another delegation).
    if raw or sender not in including():
        return
    if is_content(sender) and getattr(instance, "_visible_before", False):
        touch_including_now(sender, [instance.pk])


def _after_save(sender, instance, raw=False, **kwargs):
    if raw or not is_content(sender) or sender not in including():
        return
    if getattr(instance, "_visible_before", False) or _seen(instance):
        touch_including(sender, instance.pk)


def _before_delete(sender, instance, **kwargs):
    if getattr(instance, "_deleted_visible", False):
        touch_including_now(sender, [instance.pk])


def _on_m2m(sender, instance, action, reverse, model, pk_set, **kwargs):
    """A link added or removed changes the rows at both of its ends (a round and a host) and
    every row that shows either."""
    if not action.startswith("post_"):
        return
    ends = []
    candidates = [(type(instance), {instance.pk})]
    if pk_set is not None:  # None after a clear: which rows were linked is gone
        candidates.append((model, set(pk_set)))
    for end, pks in candidates:
        if is_content(end):
            pks = list(end.objects.published().filter(pk__in=pks).values_list("pk", flat=True))
            if not pks:
                # A link to or from a row readers cannot see (a draft citing a published
                # source) changes nothing they see: touching would publish a time for it.
                return
        ends.append((end, pks))
    for end, pks in ends:
        if not is_content(end):
            continue
        if _has_time(end):
            end._default_manager.filter(pk__in=pks).update(updated_at=timezone.now())
        for pk in pks:
            touch_including(end, pk)


def connect_signals() -> None:
    pre_save.connect(_before_save, dispatch_uid="api-sync-pre-save")
    post_save.connect(_after_save, dispatch_uid="api-sync-save")
    pre_delete.connect(_before_delete, dispatch_uid="api-sync-pre-delete")
    m2m_changed.connect(_on_m2m, dispatch_uid="api-sync-m2m")
