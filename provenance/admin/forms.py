"""Admin forms that keep a reason for each change and refuse to overwrite a newer version."""

from django import forms
from django.db import transaction
from django.urls import reverse
from django.utils.html import format_html

from provenance import guard

REASON_HELP = "Optional. Kept in the record's history, e.g. 'Corrected the date per S41'."


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
        label="Reason for change", required=False, max_length=100, help_text=REASON_HELP
    )


class VersionedForm(ReasonForm):
    """Optimistic locking: the form carries the version it was loaded at, and the save is refused
    if the row has moved on since (another editor saved in between).

    The check runs inside the admin's transaction and locks the row (SELECT … FOR UPDATE on
    PostgreSQL; SQLite's IMMEDIATE transactions serialise writers), so two saves cannot both pass
    it. Publishable.save() then adds one to the version.
    """

    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

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
            raise forms.ValidationError("This record was deleted while you were editing it.")
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
                    "Not saved: someone else saved this {} after you opened it (you had version "
                    "{}, it is now at version {}). Your changes would have overwritten theirs. "
                    '<a href="{}">Open the newer version</a> (and <a href="{}">see what '
                    "changed</a>), then make your change again.",
                    opts.verbose_name,
                    cleaned.get("loaded_version"),
                    current_version,
                    url,
                    history,
                ),
                code="stale_version",
            )
        return cleaned
