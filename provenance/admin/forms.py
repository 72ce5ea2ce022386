"""Admin forms that keep a reason for each change and refuse to overwrite a newer version."""

import hashlib

from django import forms
from django.db import transaction
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from provenance import guard

REASON_HELP = _("Optional. Kept in the record's history, e.g. 'Corrected the date per S41'.")


class GuardedForm(forms.ModelForm):
    """Says in the form, not with a bare 403, when a save would change published content that
    the user may not change (provenance.guard holds the rule on every other path too)."""

    def _post_clean(self):
        super()._post_clean()
        user = guard.current_actor()
        if user is not None and not self.errors and (message := guard.refusal(self.instance, user)):
            self.add_error(None, message)


class ReasonForm(GuardedForm):
    """Adds a "reason for change" that the admin hands to simple-history as the change reason."""

    change_reason = forms.CharField(
        label=_("Reason for change"), required=False, max_length=100, help_text=REASON_HELP
    )


class VersionedForm(ReasonForm):
    """Optimistic locking: the form carries the version it was loaded at, and the save is refused
    if the row has moved on since (another editor saved in between).

    The check runs inside the admin's transaction and locks the row (SELECT … FOR UPDATE on
    PostgreSQL; SQLite's IMMEDIATE transactions serialise writers), so two saves cannot both pass
    it. Publishable.save() then adds one to the version.
    """

    # Hidden, but labelled: the admin still writes a hidden field's label into the page.
    loaded_version = forms.IntegerField(
        label=_("loaded version"), widget=forms.HiddenInput, required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.current_status = None
        if self.instance.pk is not None and not self.is_bound:
            # From the row, not the instance: a revert form's instance is an old version.
            self.initial["loaded_version"] = self.current_row()[0]

    def current_row(self, lock: bool = False):
        rows = type(self.instance)._default_manager.filter(pk=self.instance.pk)
        if lock and transaction.get_connection().in_atomic_block:
            rows = rows.select_for_update()
        return rows.values_list("version", "publication_status").first()

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is None or self.instance._state.adding:
            return cleaned
        row = self.current_row(lock=True)
        if row is None:
            raise forms.ValidationError(
                gettext("This record was deleted while you were editing it.")
            )
        current_version, self.current_status = row
        if cleaned.get("loaded_version") != current_version:
            opts = self.instance._meta
            url = reverse(
                f"admin:{opts.app_label}_{opts.model_name}_change", args=[self.instance.pk]
            )
            history = reverse(
                f"admin:{opts.app_label}_{opts.model_name}_history", args=[self.instance.pk]
            )
            raise forms.ValidationError(
                format_html(
                    gettext(
                        "Not saved: someone else saved this {kind} after you opened it (you had "
                        "version {yours}, it is now at version {theirs}). Your changes would have "
                        'overwritten theirs. <a href="{newer}">Open the newer version</a> (and '
                        '<a href="{history}">see what changed</a>), then make your change again.'
                    ),
                    kind=opts.verbose_name,
                    yours=cleaned.get("loaded_version"),
                    theirs=current_version,
                    newer=url,
                    history=history,
                ),
                code="stale_version",
            )
        return cleaned


def form_value_shown(field, value) -> str:
    """A form value as the form shows it: a choice by its label ("Rustem Umerov", not "12"),
    several joined by commas; any other value as it is."""
    choices = {str(key): str(text) for key, text in getattr(field, "choices", ())}
    if isinstance(value, list | tuple):
        return ", ".join(choices.get(str(item), str(item)) for item in value)
    return choices.get(str(value), str(value))


def row_state(instance) -> str:
    """A digest of the row as stored now: every column and many-to-many link. One query per
    many-to-many field, one for the row."""
    model = type(instance)
    row = model._base_manager.filter(pk=instance.pk).values().first()
    if row is None:
        return "deleted"
    links = [
        sorted(model._base_manager.filter(pk=instance.pk).values_list(field.name, flat=True))
        for field in model._meta.many_to_many
    ]
    return hashlib.sha256(repr((sorted(row.items()), links)).encode()).hexdigest()[:20]


class LockedInlineForm(GuardedForm):
    """Optimistic locking for a row edited inside another record's page (participants on a
    delegation, counts on an exchange, positions on a round): the form carries a digest of the
    row as loaded, and a save over a row someone changed since is refused, showing their values
    next to the editor's, whose input stays in the form."""

    loaded_state = forms.CharField(
        label=_("loaded state"), widget=forms.HiddenInput, required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None and not self.is_bound:
            self.initial["loaded_state"] = row_state(self.instance)

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is None or self.instance._state.adding or not self.has_changed():
            return cleaned
        if cleaned.get("loaded_state") == row_state(self.instance):
            return cleaned
        stored = type(self.instance)._base_manager.filter(pk=self.instance.pk).first()
        if stored is None:
            raise forms.ValidationError(
                gettext("Not saved: someone deleted this row after you opened the page.")
            )
        differences = []
        for name, field in self.fields.items():
            if name in ("loaded_state", "id", "DELETE") or name not in cleaned:
                continue
            theirs = field.prepare_value(
                list(getattr(stored, name).values_list("pk", flat=True))
                if name in {f.name for f in stored._meta.many_to_many}
                else getattr(stored, name + "_id", getattr(stored, name, None))
            )
            yours = field.prepare_value(cleaned[name])
            if str(theirs) != str(yours):
                label = field.label or name
                differences.append(
                    gettext("%(field)s: theirs “%(theirs)s”, yours “%(yours)s”")
                    % {
                        "field": label,
                        "theirs": form_value_shown(field, theirs),
                        "yours": form_value_shown(field, yours),
                    }
                )
        raise forms.ValidationError(
            gettext("Not saved: someone else changed this row after you opened the page.")
            + " "
            + ("; ".join(differences) + ". " if differences else "")
            + gettext(
                "Your input is kept below; reload the page to see their version, then redo "
                "your change."
            ),
            code="stale_row",
        )


class GuardedInlineFormSet(forms.BaseInlineFormSet):
    """Says on the page, not with a bare 403 that loses the editor's other input, when a row
    ticked for deletion is one an editor may not delete (a record in review;
    provenance.guard holds the rule on every path). Django ignores the errors of forms ticked
    for deletion, so the check is the formset's own."""

    def clean(self):
        super().clean()
        user = guard.current_actor()
        if user is None or guard.may_publish(user):
            return
        for form in self.deleted_forms:
            row = form.instance
            reason = (
                row.pk is not None and guard.has_status(type(row)) and guard.in_review_reason(row)
            )
            if reason:
                raise forms.ValidationError(reason)
