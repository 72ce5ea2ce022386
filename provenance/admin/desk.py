"""The review desk: my drafts, waiting for review (who submitted, when, their note), changes
requested, recently published — the list page of provenance.ReviewNote, with its counts also on
the admin index (templatetags/review_desk.py)."""

from django.apps import apps
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse

from provenance.guard import has_status, is_content
from provenance.models import PublicationStatus, ReviewNote, ReviewStep


def publishable_models():
    return [m for m in apps.get_models() if is_content(m) and has_status(m)]


def admin_url(obj) -> str:
    opts = obj._meta
    try:
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    except NoReverseMatch:
        return ""


def desk(user) -> dict:
    """The desk's four lists for `user`. Two queries per content model, and three for notes."""
    mine, waiting = [], []
    for model in publishable_models():
        created_by_me = model.history.filter(history_type="+", history_user=user).values("id")
        mine += model.objects.filter(
            publication_status=PublicationStatus.DRAFT, pk__in=created_by_me
        )
        waiting += model.objects.filter(publication_status=PublicationStatus.IN_REVIEW)
    submitted = {
        (note.model, note.object_id): note
        for note in ReviewNote.objects.filter(step=ReviewStep.SUBMITTED).select_related("user")[
            :500
        ]
        if True
    }
    # Notes are newest first: keep the latest per record.
    latest_submission = {}
    for key, note in submitted.items():
        latest_submission.setdefault(key, note)
    sent_back = [
        note
        for note in ReviewNote.objects.filter(step=ReviewStep.SENT_BACK).select_related("user")[:50]
        if _still(note, PublicationStatus.DRAFT)
    ]
    published = list(
        ReviewNote.objects.filter(step=ReviewStep.PUBLISHED).select_related("user")[:20]
    )
    return {
        "mine": [{"obj": obj, "url": admin_url(obj)} for obj in mine],
        "waiting": [
            {
                "obj": obj,
                "url": admin_url(obj),
                "submission": latest_submission.get((obj._meta.label_lower, obj.pk)),
            }
            for obj in waiting
        ],
        "sent_back": sent_back,
        "published": published,
    }


def _still(note, status) -> bool:
    model = apps.get_model(note.model)
    return model.objects.filter(pk=note.object_id, publication_status=status).exists()


def counts(user) -> dict:
    """What the admin index shows next to the desk's link."""
    lists = desk(user)
    return {name: len(rows) for name, rows in lists.items()}


@admin.register(ReviewNote)
class ReviewDeskAdmin(admin.ModelAdmin):
    """The review desk. Notes are written by the workflow only: nobody adds, edits or deletes
    them here."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Review desk",
            **desk(request.user),
        }
        return TemplateResponse(request, "admin/provenance/review_desk.html", context)
