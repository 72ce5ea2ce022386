"""What every content admin shares: roles, the publish workflow, history with reasons and diffs,
optimistic locking, previews, and no bulk delete.

Roles (groups made by positions' data migration): an Editor may add and change drafts and submit
them for review; a Publisher, who holds `provenance.publish_content`, may also publish, unpublish,
change published content and delete it. Status is never an editable field: it only moves through
the actions below, which go through provenance.workflow.
"""

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils import formats, timezone, translation
from django.utils.html import format_html
from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportMixin
from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper

from provenance import guard, review
from provenance.admin.forms import (
    GuardedInlineFormSet,
    LockedInlineForm,
    ReasonForm,
    VersionedForm,
    form_value_shown,
)
from provenance.admin.widgets import SafeAutocompleteAdminMixin
from provenance.models import PublicationStatus, ReviewNote
from provenance.resources import NewsroomCSV
from provenance.review import shown_value
from provenance.workflow import WorkflowError, can_publish, change_status

MARKDOWN_FIELDS = ("summary", "biography", "description", "text")
MARKDOWN_HELP = _("Markdown: **bold**, *italic*, [link](https://…), lists. Raw HTML is removed.")


def restore_many_to_many(obj, version) -> list[str]:
    """Set `obj`'s many-to-many fields (sources, hosts…) as `version` recorded them. Returns the
    names of fields left as they are because the version predates their history (none kept)."""
    fields = list(getattr(version, "_history_m2m_fields", []))
    if not any(getattr(version, field.name).exists() for field in fields):
        return [str(field.verbose_name) for field in fields]
    for field in fields:
        target = field.m2m_reverse_field_name()
        ids = getattr(version, field.name).values_list(f"{target}_id", flat=True)
        getattr(obj, field.name).set(list(ids))
    return []


def is_locked_for(user, obj) -> bool:
    """Published content is read-only except to publishers."""
    return obj is not None and getattr(obj, "is_published", False) and not can_publish(user)


class ContentAdminMixin(SafeAutocompleteAdminMixin):
    """No bulk delete, facet counts, and help texts that say which fields are Markdown."""

    show_facets = admin.ShowFacets.ALWAYS
    list_per_page = 50
    markdown_fields = MARKDOWN_FIELDS

    def get_actions(self, request):
        # delete_selected calls QuerySet.delete(): no history, no per-object checks. Deleting is
        # one record at a time, from its page, where protected relations are listed.
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def get_search_results(self, request, queryset, search_term):
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if search_term and hasattr(self.model.objects, "search"):
            # Also match aliases, Cyrillic and text without diacritics ("Umierov", "Cirağan"),
            # the same rule as the public search, so autocomplete finds what readers find.
            queryset |= self.model.objects.search(search_term)
        return queryset, may_have_duplicates

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, models.URLField):
            kwargs["assume_scheme"] = "https"  # "reuters.com/…" means https, as in Django 6
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        is_markdown = field is not None and db_field.name in self.markdown_fields
        if is_markdown and str(MARKDOWN_HELP) not in str(field.help_text or ""):
            field.help_text = format_lazy("{} {}", field.help_text, MARKDOWN_HELP)
        return field


class HistoryAdmin(ContentAdminMixin, SimpleHistoryAdmin):
    """A content admin whose every save records who, when, what and an optional reason."""

    form = ReasonForm
    object_history_template = "admin/provenance/object_history.html"
    object_history_form_template = "admin/provenance/object_history_form.html"
    object_history_list_template = "admin/provenance/object_history_list.html"
    # What a save is given, not what the record holds: no place on a read-only view, where the
    # admin would show each as an empty "Change reason: None".
    SAVE_ONLY_FIELDS = ("change_reason", "loaded_version")

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or self.has_change_permission(request, obj):
            return fieldsets
        kept = []
        for name, options in fieldsets:
            fields = [
                field for field in options.get("fields", ()) if field not in self.SAVE_ONLY_FIELDS
            ]
            if fields:
                kept.append((name, {**options, "fields": fields}))
        return kept

    def save_model(self, request, obj, form, change):
        if reason := form.cleaned_data.get("change_reason"):
            obj._change_reason = reason
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        # Rows saved with the record (participants, counts…) share its reason for change.
        if reason := form.cleaned_data.get("change_reason"):
            for inline_form in formset.forms:
                inline_form.instance._change_reason = reason
        super().save_formset(request, form, formset, change)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method == "POST" and object_id:
            obj = self.get_object(request, unquote(object_id))
            if (
                obj is not None
                and self.has_view_permission(request, obj)
                and not self.has_change_permission(request, obj)
            ):
                return self.not_saved(request, obj)
        return super().changeform_view(request, object_id, form_url, extra_context)

    def not_saved(self, request, obj):
        """The record became read-only to this user while they edited it (someone published
        it): say so and who did it, and give back everything they typed, instead of a bare
        403 that loses it."""
        latest = (
            obj.history.select_related("history_user").first() if hasattr(obj, "history") else None
        )
        fields = self.typed_fields(request, obj)
        kept = []
        for name, values in request.POST.lists():
            if name not in fields:
                continue  # the form's machinery (token, versions, row ids, counts), not typed
            label, field = fields[name]
            kept += [(label, form_value_shown(field, value)) for value in values if value]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": obj,
            "title": gettext("Not saved: %(record)s") % {"record": obj},
            "reason": guard.locked_reason(obj) or gettext("You may not change this record."),
            "latest": latest,
            "kept": kept,
        }
        return TemplateResponse(request, "admin/provenance/not_saved.html", context, status=409)

    def typed_fields(self, request, obj) -> dict:
        """{POST name: (label, form field)} for every field an editor types into on the record's
        page, its inlines' rows included ("Participant 2: Title at the time"); hidden fields
        (versions, row ids, the parent link) are left out."""
        form = self.get_form(request, obj)()
        fields = {
            name: (field.label or name, field)
            for name, field in form.fields.items()
            if not field.widget.is_hidden
        }
        for formset, inline in self.get_formsets_with_inlines(request, obj):
            prefix = formset.get_default_prefix()
            row_form = formset(instance=obj).empty_form
            kind = capfirst(inline.opts.verbose_name)
            rows = int(request.POST.get(f"{prefix}-TOTAL_FORMS") or 0)
            for number in range(min(rows, 1000)):
                for name, field in row_form.fields.items():
                    if not field.widget.is_hidden:
                        label = f"{kind} {number + 1}: {field.label or name}"
                        fields[f"{prefix}-{number}-{name}"] = (label, field)
        return fields

    def get_urls(self):
        opts = self.model._meta
        return [
            path(
                "<path:object_id>/history/compare/",
                self.admin_site.admin_view(self.compare_view),
                name=f"{opts.app_label}_{opts.model_name}_compare",
            ),
            *super().get_urls(),
        ]

    def get_historical_record_context_helper(self, request, historical_record):
        # The full old and new text of each change, not "[88 chars]": editors read them.
        return HistoricalRecordContextHelper(
            self.model, historical_record, max_displayed_delta_change_chars=1_000_000
        )

    def history_view(self, request, object_id, extra_context=None):
        opts = self.model._meta
        compare_url = reverse(f"admin:{opts.app_label}_{opts.model_name}_compare", args=[object_id])
        return super().history_view(
            request, object_id, extra_context={**(extra_context or {}), "compare_url": compare_url}
        )

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """GET: the old version, read-only, with a Revert button for those who may change the
        record now. POST: revert to that version (`revert`); the form's values are ignored."""
        if not str(version_id).isdigit():
            raise Http404(gettext("No such version."))  # not a version id at all: not a 500
        if request.method == "POST":
            return self.revert(request, object_id, version_id)
        return super().history_form_view(request, object_id, version_id, extra_context)

    def revert_disabled(self, request, obj=None):
        # `obj` is the old version; whether a revert is allowed depends on the row as it is now.
        current = self.get_object(request, str(obj.pk)) if obj is not None else None
        return current is None or not self.has_change_permission(request, current)

    @transaction.atomic
    def revert(self, request, object_id, version_id):
        """Put the record back as it was in version `version_id`, many-to-many fields included.

        Allowed to whoever may change the record as it is now (an editor never touches
        published content this way). The record keeps its status and its version number moves
        on; the change is recorded as a revert, with the reason given. Refused with a message,
        never a half-saved record, if the record moved on since the page was opened or the old
        version no longer fits (another round took its number since).
        """
        current = self.get_object(request, unquote(object_id))
        if current is None:
            raise Http404(gettext("No such record."))
        if not self.has_change_permission(request, current):
            raise PermissionDenied
        version = get_object_or_404(self.model.history.model, id=current.pk, history_id=version_id)
        here = reverse(
            f"admin:{self.opts.app_label}_{self.opts.model_name}_simple_history",
            args=[current.pk, version.history_id],
        )
        if hasattr(current, "version"):
            locked = type(current)._default_manager.select_for_update().get(pk=current.pk)
            if str(locked.version) != request.POST.get("loaded_version", ""):
                self.message_user(
                    request,
                    gettext(
                        "Not reverted: someone saved this record after you opened this page. "
                        "Look at its history again before reverting."
                    ),
                    messages.ERROR,
                )
                return HttpResponseRedirect(here)
        restored = version.instance
        restored._state.adding = False
        # A revert restores content, never a status, a version number or a stable key.
        for name in ("publication_status", "version", "created_at", "key"):
            if hasattr(current, name):
                setattr(restored, name, getattr(current, name))
        when = formats.date_format(timezone.localtime(version.history_date), "d M Y H:i")
        # Kept in the history as the reason for the change: in the editor's language, as the
        # reasons they type are.
        reason = gettext("Reverted to the version of %(when)s") % {"when": when}
        if extra := request.POST.get("change_reason", "").strip():
            reason = f"{reason}: {extra}"
        try:
            restored.full_clean()
        except ValidationError as error:
            self.message_user(
                request,
                gettext("Not reverted: %(errors)s") % {"errors": "; ".join(error.messages)},
                messages.ERROR,
            )
            return HttpResponseRedirect(here)
        restored._history_user = request.user
        restored._change_reason = reason[:100]
        restored.save()
        kept = restore_many_to_many(restored, version)
        self.log_change(request, restored, reason)
        note = (
            " "
            + gettext("Not recorded with that version, so kept as they are: %(fields)s.")
            % {"fields": ", ".join(kept)}
            if kept
            else ""
        )
        self.message_user(request, f"{reason}.{note}", messages.SUCCESS)
        return HttpResponseRedirect(
            reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[current.pk])
        )

    def compare_view(self, request, object_id):
        """Two chosen versions side by side: each changed field, old value and new value."""
        obj = get_object_or_404(self.model, pk=object_id)
        if not self.has_view_history_or_change_history_permission(request, obj):
            raise PermissionDenied
        versions = list(obj.history.select_related("history_user").order_by("-history_date"))
        by_id = {str(version.history_id): version for version in versions}
        default_new = versions[0] if versions else None
        default_old = versions[1] if len(versions) > 1 else default_new
        try:
            new = by_id[request.GET["new"]] if "new" in request.GET else default_new
            old = by_id[request.GET["old"]] if "old" in request.GET else default_old
        except KeyError:
            raise Http404(gettext("No such version of this record.")) from None
        changes = []
        if new is not None and old is not None and new != old:
            if old.history_date > new.history_date:
                old, new = new, old
            changes = new.diff_against(old, foreign_keys_are_objs=True).changes
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": obj,
            "title": gettext("Compare versions of %(record)s") % {"record": obj},
            "versions": versions,
            "old": old,
            "new": new,
            "changes": [
                {
                    "field": self.model._meta.get_field(change.field).verbose_name,
                    "old": shown_value(self.model, change.field, change.old),
                    "new": shown_value(self.model, change.field, change.new),
                }
                for change in changes
            ],
        }
        return TemplateResponse(request, "admin/provenance/compare_versions.html", context)


class PublishableAdmin(HistoryAdmin):
    """A content admin for Publishable models: the workflow actions, locking and previews."""

    form = VersionedForm
    actions = ["submit_for_review", "send_back", "publish", "unpublish"]

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "publication_status"]

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not is_locked_for(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and not can_publish(request.user) and guard.in_review_reason(obj):
            return False  # editors delete drafts only (provenance.guard holds it for every path)
        return super().has_delete_permission(request, obj) and not is_locked_for(request.user, obj)

    def has_publish_permission(self, request):
        return can_publish(request.user)

    def save_model(self, request, obj, form, change):
        if change and isinstance(form, VersionedForm):
            # The version and status the row has now (checked under lock in form.clean): a
            # revert restores an old version's content, never its number or its status.
            obj.version = form.cleaned_data["loaded_version"]
            obj.publication_status = form.current_status
        super().save_model(request, obj, form, change)

    def get_view_on_site_url(self, obj=None):
        if obj is None or obj.pk is None:
            return None
        if obj.is_published:
            return super().get_view_on_site_url(obj)
        opts = obj._meta
        if hasattr(obj, "get_absolute_url"):
            # The public page itself, drafts in place, under a preview banner, in the admin's
            # language (/uk/preview/rounds/4/): the page's path is taken without its language
            # prefix, which the preview's own address already carries.
            # A record shown on another's page (a track's standing delegation) has an address
            # with a #fragment, which goes after the preview's path, not inside it.
            with translation.override(settings.LANGUAGE_CODE):
                path, hash_, fragment = obj.get_absolute_url().lstrip("/").partition("#")
            return reverse("public:public-preview", args=[path]) + hash_ + fragment
        return reverse("public:preview", args=[opts.app_label, opts.model_name, obj.pk])

    def change_status(self, request, queryset, status, *, only_from=None) -> None:
        done, skipped = 0, 0
        for obj in queryset:
            if only_from and obj.publication_status not in only_from:
                skipped += 1
                continue
            try:
                with transaction.atomic():
                    done += change_status(obj, status, user=request.user)
            except (WorkflowError, PermissionDenied) as error:
                self.message_user(request, str(error), messages.ERROR)
        label = PublicationStatus(status).label.lower()
        if done:
            self.message_user(
                request,
                ngettext(
                    "%(count)d moved to “%(status)s”.", "%(count)d moved to “%(status)s”.", done
                )
                % {"count": done, "status": label},
                messages.SUCCESS,
            )
        if skipped:
            self.message_user(
                request,
                ngettext(
                    "%(count)d skipped: not a draft.", "%(count)d skipped: not a draft.", skipped
                )
                % {"count": skipped},
                messages.WARNING,
            )

    @admin.action(
        description=_("Submit selected for review (with what they need)"), permissions=["change"]
    )
    def submit_for_review(self, request, queryset):
        """Each selected record goes into review with its tree (provenance.review): a round
        with its delegations, documents, positions, commitments, exchanges, events, new people
        and sources."""
        note = request.POST.get("review_note", "").strip()
        for obj in queryset:
            try:
                changed = review.submit(obj, user=request.user, note=note)
            except (WorkflowError, PermissionDenied) as error:
                self.message_user(request, f"{obj}: {error}", messages.ERROR)
                continue
            if changed:
                self.message_user(
                    request,
                    ngettext(
                        "%(record)s: %(count)d record submitted for review.",
                        "%(record)s: %(count)d records submitted for review.",
                        len(changed),
                    )
                    % {"record": obj, "count": len(changed)},
                    messages.SUCCESS,
                )
            else:
                self.message_user(
                    request,
                    gettext("%(record)s: nothing was a draft.") % {"record": obj},
                    messages.WARNING,
                )

    @admin.action(
        description=_("Publish selected (as reviewed, with what they need)"),
        permissions=["publish"],
    )
    def publish(self, request, queryset):
        """A confirmation page with each record's tree and its diff against the published
        version; "Yes, publish" publishes exactly that tree, or nothing, with the reason."""
        roots = list(queryset)
        if "confirm" not in request.POST:
            return TemplateResponse(
                request,
                "admin/provenance/publish_confirmation.html",
                {
                    **self.admin_site.each_context(request),
                    "opts": self.model._meta,
                    "title": gettext("Publish exactly this?"),
                    "roots": [publication_plan(root) for root in roots],
                    "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
                },
            )
        for root in roots:
            seen = request.POST.get(f"seen-{root.pk}")
            if not seen:
                # Publishing is confirming what the page showed; no page, nothing seen.
                self.message_user(
                    request,
                    gettext(
                        "%(record)s: not published — open the confirmation page and check it first."
                    )
                    % {"record": root},
                    messages.ERROR,
                )
                continue
            try:
                changed = review.publish(root, user=request.user, seen=seen)
            except (WorkflowError, PermissionDenied) as error:
                self.message_user(request, f"{root}: {error}", messages.ERROR)
                continue
            opts = root._meta
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[root.pk])
            self.message_user(
                request,
                format_html(
                    '{} <a href="{}">{}</a>',
                    ngettext(
                        "%(record)s: published %(count)d record.",
                        "%(record)s: published %(count)d records.",
                        len(changed),
                    )
                    % {"record": root, "count": len(changed)},
                    url,
                    gettext("History"),
                ),
                messages.SUCCESS,
            )
        return None

    @admin.action(description=_("Send back to the editor, with a note"), permissions=["publish"])
    def send_back(self, request, queryset):
        """A page to write what to change; then each selected record in review, with its tree,
        goes back to draft and the note is shown to its editor."""
        note = request.POST.get("review_note", "").strip()
        if not note:
            return TemplateResponse(
                request,
                "admin/provenance/send_back.html",
                {
                    **self.admin_site.each_context(request),
                    "opts": self.model._meta,
                    "title": gettext("Send back with a note"),
                    "objects": list(queryset),
                    "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
                },
            )
        for obj in queryset:
            changed = review.send_back(obj, user=request.user, note=note)
            self.message_user(
                request,
                ngettext(
                    "%(record)s: sent back (%(count)d record to draft).",
                    "%(record)s: sent back (%(count)d records to draft).",
                    len(changed),
                )
                % {"record": obj, "count": len(changed)},
            )
        return None

    def change_view(self, request, object_id, form_url="", extra_context=None):
        notes = []
        if obj := self.get_object(request, unquote(object_id)):
            notes = list(ReviewNote.of(obj).select_related("user")[:5])
        return super().change_view(
            request, object_id, form_url, {**(extra_context or {}), "review_notes": notes}
        )

    @admin.action(description=_("Unpublish selected (back to draft)"), permissions=["publish"])
    def unpublish(self, request, queryset):
        self.change_status(request, queryset, PublicationStatus.DRAFT)


def publication_plan(root) -> dict:
    """What the confirmation page shows for one record: its tree, each row with its status,
    its diff against the published version and its parts (participants, counts…), what it
    waits for, and the fingerprint the confirmation carries back."""
    rows = review.tree(root)
    return {
        "root": root,
        "rows": [
            {
                "obj": row,
                "label": row._meta.verbose_name,
                "status": row.get_publication_status_display(),
                "diff": review.published_diff(row),
                "parts": review.parts_of(row),
            }
            for row in rows
        ],
        "drafts": [row for row in rows if row.publication_status == PublicationStatus.DRAFT],
        "waiting_for": review.waiting_for(root),
        "seen": review.fingerprint(rows),
    }


class ParentLockedAdmin(HistoryAdmin):
    """An admin for rows with no status of their own (participants, exchange counts): they are
    public with their parent, named by `lock_parent`, so they are read-only to editors with it."""

    lock_parent: str

    def _locked(self, request, obj) -> bool:
        return is_locked_for(request.user, getattr(obj, self.lock_parent) if obj else None)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not self._locked(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not self._locked(request, obj)


class ReferenceAdmin(HistoryAdmin):
    """Venues and issues: public as soon as they are saved, so only publishers add, change or
    delete them (editors pick them and read their history); every change is recorded."""

    def has_add_permission(self, request):
        return super().has_add_permission(request) and can_publish(request.user)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and can_publish(request.user)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and can_publish(request.user)


class ParentLockedInlineMixin(SafeAutocompleteAdminMixin):
    """Rows inside a published record are read-only to editors, like the record itself."""

    form = LockedInlineForm
    formset = GuardedInlineFormSet
    extra = 0
    show_change_link = True

    def get_fields(self, request, obj=None):
        fields = super().get_fields(request, obj)
        if not self.has_change_permission(request, obj):
            # Read-only rows save nothing, so they carry no state to check a save against (the
            # admin would show it as a hidden "None").
            return fields
        return [*fields, "loaded_state"]

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and not is_locked_for(request.user, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not is_locked_for(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not is_locked_for(request.user, obj)


class PublishableInlineMixin(ParentLockedInlineMixin):
    """An inline of Publishable rows: their status shows but only changes through actions."""

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "publication_status"]


class NewsroomImportMixin(ImportMixin):
    """CSV import as newsroom spreadsheets save it (provenance.resources.NewsroomCSV), with a
    template to download next to the file field: `static/import/<import_template>.csv`."""

    import_formats = [NewsroomCSV]
    import_template = ""

    def get_import_form_class(self, request):
        template = static(f"import/{self.import_template}.csv")

        class TemplateLinkedImportForm(super().get_import_form_class(request)):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                self.fields["import_file"].help_text = format_html(
                    '<a href="{}" download>{}</a> {}',
                    template,
                    gettext("Download a template"),
                    gettext(
                        "(one example row). Columns may be separated by commas or semicolons; "
                        "the labels shown in the admin work as well as the codes; numbers may "
                        "be written 1 212, 1,212 or 1.212."
                    ),
                )

        return TemplateLinkedImportForm

    # The dry runs this session may confirm, by import page: a confirmation names the file kept
    # from its dry run, so without this a second click, a back button or a hand-written name
    # (import_file_name=/etc/passwd) reached the temporary storage and answered with a 500.
    PENDING_IMPORTS = "pending_imports"

    def pending_key(self) -> str:
        return self.model._meta.label_lower

    def get_confirm_form_initial(self, request, import_form):
        initial = super().get_confirm_form_initial(request, import_form)
        if name := initial.get("import_file_name"):
            pending = request.session.get(self.PENDING_IMPORTS, {})
            mine = pending.setdefault(self.pending_key(), [])
            mine.append(name)
            del mine[:-20]  # dry runs never confirmed do not grow the session without end
            request.session[self.PENDING_IMPORTS] = pending
        return initial

    def process_import(self, request, **kwargs):
        """Confirms a dry run of this user's, once: any other file name is refused with a
        message and a redirect to the import page, never read."""
        if request.method != "POST" or not self.has_import_permission(request):
            return super().process_import(request, **kwargs)
        name = request.POST.get("import_file_name", "")
        pending = request.session.get(self.PENDING_IMPORTS, {})
        mine = pending.get(self.pending_key(), [])
        if name not in mine:
            if self.is_someone_elses_dry_run(name):
                message = gettext(
                    "This dry run was made by another user; upload the file yourself to check "
                    "and import it."
                )
            else:
                message = gettext(
                    "This import was already done or has expired; upload the file again."
                )
            messages.error(request, message)
            return HttpResponseRedirect(request.path.replace("process_import/", "import/"))
        mine.remove(name)  # one confirmation per dry run, even if this one fails
        request.session[self.PENDING_IMPORTS] = pending
        try:
            return super().process_import(request, **kwargs)
        except (FileNotFoundError, TypeError):  # removed by the system's temp cleaner
            messages.error(
                request,
                gettext("This import was already done or has expired; upload the file again."),
            )
            return HttpResponseRedirect(request.path.replace("process_import/", "import/"))

    def is_someone_elses_dry_run(self, name: str) -> bool:
        """A dry run another live session made and has not confirmed (database sessions)."""
        from django.contrib.sessions.models import Session

        if not name:
            return False
        for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
            pending = session.get_decoded().get(self.PENDING_IMPORTS, {})
            if name in pending.get(self.pending_key(), []):
                return True
        return False
