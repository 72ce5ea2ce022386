"""The publication workflow for one record: draft → in review → published, and back to draft.

Every status change goes through `change_status()`, which checks the user's permission, refuses
to publish a fact without a source, records who did it in the record's history (with a change
reason such as "Published by ana") and writes a line to the `security` log. The admin actions and
positions.services (a round with everything under it) both call it.
"""

import logging

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext

from provenance.models import PublicationStatus

security_log = logging.getLogger("security")

PUBLISH_PERMISSION = "provenance.publish_content"


class WorkflowError(Exception):
    """A status change that the record's content does not allow; the message is for editors."""


def can_publish(user) -> bool:
    return user.has_perm(PUBLISH_PERMISSION)


def describe(obj) -> str:
    return f"{obj._meta.verbose_name.capitalize()} “{obj}”"


def lacks_source(obj) -> bool:
    """True for a sourced fact that cites nothing. One query (unless sources are prefetched)."""
    if not hasattr(obj, "sources"):
        return False  # sources themselves, venues, issues: nothing to cite
    return not obj.sources.exists()


def check_sources(objects) -> None:
    """Raise WorkflowError naming every fact in `objects` that cites no source."""
    missing = [describe(obj) for obj in objects if lacks_source(obj)]
    if missing:
        raise WorkflowError(
            gettext("Not published: no source for %(records)s.") % {"records": "; ".join(missing)}
        )


def change_status(obj, status: str, *, user, reason: str = "") -> bool:
    """Move `obj` to `status` as `user`; False if it was already there. Raises on a refusal."""
    if status == obj.publication_status:
        return False
    # Publishing and taking down published content are the publisher's call; moving a draft
    # into review (or back) is any editor's.
    if (status == PublicationStatus.PUBLISHED or obj.is_published) and not can_publish(user):
        raise PermissionDenied(
            gettext("%(user)s may not publish or unpublish content.") % {"user": user}
        )
    if status == PublicationStatus.PUBLISHED:
        check_sources([obj])
    verb = {
        PublicationStatus.PUBLISHED: "Published",
        PublicationStatus.IN_REVIEW: "Submitted for review",
        PublicationStatus.DRAFT: "Unpublished" if obj.is_published else "Returned to draft",
    }[status]
    obj.publication_status = status
    obj._workflow_transition = True  # provenance.guard: a status change, not an edit
    obj._history_user = user
    obj._change_reason = reason or f"{verb} by {user}"
    obj.save()
    security_log.info(
        "%s %s pk=%s %r by user=%s",
        verb.lower(),
        obj._meta.label,
        obj.pk,
        str(obj),
        user,
    )
    return True
