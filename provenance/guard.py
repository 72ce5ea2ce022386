"""Nothing that is published changes without the publish permission, whatever path writes it.

The admin's permission checks guard its forms, but rows are also written by history views,
imports, popups, inlines, actions and the effects of deletes. So the rule is held once more where
every one of those paths ends: the model signals. While a request's user is acting (the
`ActingUserMiddleware` below sets it for every logged-in request), each save, delete and
many-to-many change of a content row is checked, and one that would change published content
without `provenance.publish_content` is refused with PermissionDenied, which rolls the request's
transaction back. Management commands (the loader) and tests that write directly act as nobody.

What counts as published content, for a user without the permission:
- a row with a status of its own whose status is published (reviewed; it may still wait for a
  parent, but what it says was approved);
- a row without a status of its own (participant, provision, exchange count) whose owner — the
  first path of its `publication_parents`: the delegation, document or exchange it belongs to —
  is published, as it stood before the change and as it would stand after;
- a row with neither status nor parents: public the moment it is saved.

Editing a row while it is in review sends it back to draft (or its owner, for a row without a
status), so that a publisher never publishes something other than what was reviewed.
"""

import contextvars
from contextlib import contextmanager

from django.core.exceptions import PermissionDenied
from django.db.models.signals import m2m_changed, pre_delete, pre_save
from django.utils.translation import gettext

from provenance.models import PublicationStatus

PROJECT_APPS = ("provenance", "actors", "talks", "positions")
PUBLISH_PERMISSION = "provenance.publish_content"

_acting = contextvars.ContextVar("acting_request", default=None)


class ActingUserMiddleware:
    """Makes the logged-in user of each request the one every write is checked against."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _acting.set(request)
        try:
            return self.get_response(request)
        finally:
            _acting.reset(token)


@contextmanager
def acting_as(user):
    """Check writes in this block against `user` (tests and scripts acting as someone)."""

    class _Request:
        pass

    request = _Request()
    request.user = user
    token = _acting.set(request)
    try:
        yield
    finally:
        _acting.reset(token)


def current_actor():
    """The logged-in user writing now, or None (anonymous, a command, a test's factory)."""
    request = _acting.get()
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    return user


def may_publish(user) -> bool:
    return user is None or user.has_perm(PUBLISH_PERMISSION)


def is_content(model) -> bool:
    return model._meta.app_label in PROJECT_APPS and hasattr(model.objects, "published")


def has_status(model) -> bool:
    return any(field.name == "publication_status" for field in model._meta.concrete_fields)


def owner_path(model) -> str | None:
    """The record a row without a status of its own belongs to (a participant's delegation)."""
    parents = getattr(model, "publication_parents", ())
    return parents[0].split("__")[0] if parents and not has_status(model) else None


def owner_of(obj):
    path = owner_path(type(obj))
    return getattr(obj, path, None) if path else None


def label(obj) -> str:
    return f"{obj._meta.verbose_name} “{obj}”"


def locked_reason(obj) -> str:
    """Why `obj`, as it stands, is published content ("" if it is not)."""
    model = type(obj)
    if has_status(model):
        return (
            gettext("The %(record)s is published.") % {"record": label(obj)}
            if obj.is_published
            else ""
        )
    if owner_path(model):
        owner = owner_of(obj)
        if owner is not None and owner.is_published:
            return gettext("The %(record)s belongs to the published %(owner)s.") % {
                "record": label(obj),
                "owner": label(owner),
            }
        return ""
    return gettext("The %(record)s is public as soon as it is saved.") % {"record": label(obj)}


def stored(obj):
    """The row as it is in the database now, or None for a new row. One query, kept on `obj`
    until it is saved (provenance.versioning clears it), so the checks of one save share it."""
    if obj.pk is None or obj._state.adding:
        return None
    if "_stored_row" not in obj.__dict__:
        obj.__dict__["_stored_row"] = type(obj)._base_manager.filter(pk=obj.pk).first()
    return obj.__dict__["_stored_row"]


def refusal(obj, user, before=None) -> str:
    """Why `user` may not save `obj` as it now stands in memory ("" if they may). `before` is
    the stored row if the caller has it already."""
    if may_publish(user):
        return ""
    before = before if before is not None else stored(obj)
    if before is not None and (reason := locked_reason(before)):
        return f"{reason} {gettext('Only a publisher may change it.')}"
    if reason := locked_reason(obj):
        return f"{reason} {gettext('Only a publisher may publish it.')}"
    return ""


def _check_save(sender, instance, raw=False, **kwargs):
    user = current_actor()
    if raw or user is None or not is_content(sender):
        return
    before = stored(instance)
    if message := refusal(instance, user, before):
        raise PermissionDenied(message)
    if not getattr(instance, "_workflow_transition", False):
        back_to_draft_if_in_review(instance, before, user)


def _check_delete(sender, instance, **kwargs):
    user = current_actor()
    if user is None or may_publish(user) or not is_content(sender):
        return
    if reason := locked_reason(instance):
        raise PermissionDenied(f"{reason} {gettext('Only a publisher may delete it.')}")
    if has_status(sender):
        if reason := in_review_reason(stored(instance) or instance):
            raise PermissionDenied(reason)
    else:
        back_to_draft_if_in_review(instance, instance, user)


def in_review_reason(obj) -> str:
    """Why an editor may not delete `obj` ("" if they may): editors delete drafts only, and a
    record in review is what a publisher is about to read."""
    if obj.publication_status != PublicationStatus.IN_REVIEW:
        return ""
    return gettext(
        "The %(record)s is in review: editors delete drafts only. Change it (it goes back to "
        "draft) or ask a publisher."
    ) % {"record": label(obj)}


def _check_m2m(sender, instance, action, reverse, model, pk_set, **kwargs):
    user = current_actor()
    if user is None or may_publish(user) or not action.startswith("pre_"):
        return
    if not reverse:
        rows = [instance] if is_content(type(instance)) else []
    elif is_content(model):
        rows = model._base_manager.filter(pk__in=pk_set) if pk_set is not None else []
        if action == "pre_clear":
            # The relation's accessor on `instance` names the forward rows losing it.
            for field in model._meta.many_to_many:
                if field.remote_field.through is sender:
                    rows = model._base_manager.filter(**{field.name: instance})
    else:
        rows = []
    for row in rows:
        if reason := locked_reason(stored(row) or row):
            raise PermissionDenied(f"{reason} {gettext('Only a publisher may change it.')}")


def back_to_draft_if_in_review(instance, before, user) -> None:
    """A change to content in review sends it back to draft: what was reviewed is not what is
    there any more. For a row without a status, its owner goes back to draft."""
    model = type(instance)
    if has_status(model):
        if before is not None and before.publication_status == PublicationStatus.IN_REVIEW:
            instance.publication_status = PublicationStatus.DRAFT
            reason = getattr(instance, "_change_reason", "") or f"Changed by {user}"
            instance._change_reason = f"{reason} (during review: back to draft)"[:100]
        return
    owners = {
        owner.pk: owner for owner in (owner_of(instance), before and owner_of(before)) if owner
    }
    for owner in owners.values():
        if owner.publication_status == PublicationStatus.IN_REVIEW:
            owner.publication_status = PublicationStatus.DRAFT
            owner._history_user = user
            owner._change_reason = f"Back to draft: {label(instance)} changed during review"[:100]
            owner._workflow_transition = True
            owner.save()


def connect_signals() -> None:
    pre_save.connect(_check_save, dispatch_uid="guard-save")
    pre_delete.connect(_check_delete, dispatch_uid="guard-delete")
    m2m_changed.connect(_check_m2m, dispatch_uid="guard-m2m")
