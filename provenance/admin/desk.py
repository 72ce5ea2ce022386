"""The review desk: my drafts, waiting for review (who submitted, when, their note), changes
requested, recently published, and the record's translations still to do (missing, outdated,
not reviewed) — the list page of provenance.ReviewNote, with its counts also on the admin index
(templatetags/review_desk.py)."""

from django.apps import apps
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from provenance.admin.translations import LANGUAGE_NAMES
from provenance.guard import has_status, is_content, locked_reason, may_publish, owner_path
from provenance.models import PublicationStatus, ReviewNote, ReviewStep
from provenance.translated import (
    MISSING,
    OUTDATED,
    TRANSLATION_LANGUAGES,
    UNREVIEWED,
    Translated,
)

# The desk names at most this many records per language and state; the heading counts them all.
TRANSLATIONS_LISTED = 50
STATES = {
    MISSING: _("Missing"),
    OUTDATED: _("Outdated: the English changed since"),
    UNREVIEWED: _("Not yet reviewed by a person"),
}


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
        "translations": translations_to_do(user),
    }


def translated_models() -> list:
    return [m for m in apps.get_models() if issubclass(m, Translated)]


def translations_to_do(user) -> list[dict]:
    """Per language, the records whose translation is missing, outdated (the English changed
    since it was made or reviewed) or not yet reviewed by a person:
    [{"language": "uk", "name": "Ukrainian", "states": [{"state": "missing", "title": …,
    "count": n, "rows": [{"obj", "kind", "url"}, …]}, …]}, …], at most TRANSLATIONS_LISTED rows
    per state. Drafts included: they are translated before they are published. Only what `user`
    may change: a publisher sees every record; an editor only those not yet public (published
    content, and issues, which are public as soon as saved, are a publisher's to change,
    provenance.guard). One query per model with translations, and those a listed row's name
    needs (a position names its round)."""
    everything = may_publish(user)
    found = {language: {state: [] for state in STATES} for language in TRANSLATION_LANGUAGES}
    for model in translated_models():
        rows = model._default_manager.order_by("pk")
        if owner_path(model):  # a position's round: whether it is published, in the same query
            rows = rows.select_related(owner_path(model))
        for obj in rows:
            if not everything and locked_reason(obj):
                continue
            for language in TRANSLATION_LANGUAGES:
                state = obj.translation_state(language)
                if state in STATES:
                    found[language][state].append(obj)
    return [
        {
            "language": language,
            "name": LANGUAGE_NAMES[language],
            "states": [
                {
                    "state": state,
                    "title": title,
                    "count": len(found[language][state]),
                    "rows": [
                        {"obj": obj, "kind": obj._meta.verbose_name, "url": admin_url(obj)}
                        for obj in found[language][state][:TRANSLATIONS_LISTED]
                    ],
                }
                for state, title in STATES.items()
            ],
        }
        for language in TRANSLATION_LANGUAGES
    ]


def _still(note, status) -> bool:
    model = apps.get_model(note.model)
    return model.objects.filter(pk=note.object_id, publication_status=status).exists()


def counts(user) -> dict:
    """What the admin index shows next to the desk's link."""
    lists = desk(user)
    translations = lists.pop("translations")
    return {
        **{name: len(rows) for name, rows in lists.items()},
        # What needs a translator's work now; unreviewed translations wait for a reviewer.
        "translations": sum(
            state["count"]
            for language in translations
            for state in language["states"]
            if state["state"] in (MISSING, OUTDATED)
        ),
    }


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
            "title": _("Review desk"),
            **desk(request.user),
        }
        return TemplateResponse(request, "admin/provenance/review_desk.html", context)
