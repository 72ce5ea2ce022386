"""The admin of a model with translations: the Ukrainian and Russian fields next to the English,
and actions that record a person's review of a translation."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext, ngettext, ngettext_lazy, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from provenance.translated import (
    MISSING,
    ORIGINAL_LANGUAGE,
    OUTDATED,
    REVIEWED,
    TRANSLATION_LANGUAGES,
    UNREVIEWED,
    localized,
)
from provenance.workflow import WorkflowError, can_publish

# A translation's language, as the desk's headings and the state column name it.
LANGUAGE_NAMES = {
    "uk": pgettext_lazy("translation into", "Ukrainian"),
    "ru": pgettext_lazy("translation into", "Russian"),
}
STATE_WORDS = {
    MISSING: _("missing (some text is shown in English)"),
    OUTDATED: _("outdated (the English changed since it was made or reviewed)"),
    UNREVIEWED: _("not yet reviewed by a person"),
    REVIEWED: _("reviewed"),
}
# Whole sentences per language, as "a Ukrainian translation" declines differently in each.
REVIEWED_MESSAGES = {
    "uk": ngettext_lazy(
        "%(count)d Ukrainian translation marked reviewed.",
        "%(count)d Ukrainian translations marked reviewed.",
        "count",
    ),
    "ru": ngettext_lazy(
        "%(count)d Russian translation marked reviewed.",
        "%(count)d Russian translations marked reviewed.",
        "count",
    ),
}
SKIPPED_NO_TRANSLATION = {"uk": _("no Ukrainian translation"), "ru": _("no Russian translation")}
SKIPPED_MISSING = {
    "uk": _("some text not translated into Ukrainian yet"),
    "ru": _("some text not translated into Russian yet"),
}
SKIPPED_REVIEWED = _("already reviewed")


class TranslatedAdmin:
    """Put before the model's own admin class: `class TrackAdmin(TranslatedAdmin,
    PublishableAdmin)`. The English is edited as before, as `summary` (the form, imports and
    tests keep their field names), with `summary_uk` and `summary_ru` right after it (they share
    its place in the model's field order); each translation's state shows read-only, in words; publishers get
    actions that mark a translation reviewed."""

    review_actions = tuple(f"mark_{language}_reviewed" for language in TRANSLATION_LANGUAGES)

    def get_exclude(self, request, obj=None):
        # `summary_en` is the column `summary` reads and writes in the admin's English.
        english = [localized(field, ORIGINAL_LANGUAGE) for field in self.model.translated_fields]
        return [*(super().get_exclude(request, obj) or ()), *english]

    def get_fieldsets(self, request, obj=None):
        # Declared fieldsets (the round desk's) name the English field only: its translations
        # go right after it.
        translated = set(self.model.translated_fields)
        fieldsets = []
        for name, options in super().get_fieldsets(request, obj):
            fields = []
            for item in options.get("fields", ()):
                fields.append(item)
                names = item if isinstance(item, list | tuple) else (item,)
                for field in names:
                    if field in translated:
                        fields += [
                            localized(field, language)
                            for language in TRANSLATION_LANGUAGES
                            if localized(field, language) not in options["fields"]
                        ]
            fieldsets.append((name, {**options, "fields": fields}))
        shown = {
            field
            for _, options in fieldsets
            for item in options["fields"]
            for field in (item if isinstance(item, list | tuple) else (item,))
        }
        if obj is not None and "translations" not in shown:
            # Declared fieldsets do not name it: it goes with the first translated text.
            for _, options in fieldsets:
                if translated & set(options["fields"]):
                    options["fields"].append("translations")
                    break
        return fieldsets

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "translations"]

    @admin.display(description=_("Translations"))
    def translations(self, obj) -> str:
        """Each translation's state in words ("Ukrainian: not yet reviewed · Russian:
        outdated…"), from `translation_status`, which the editor never types."""
        if obj is None or obj.pk is None:
            return "—"
        return " · ".join(
            gettext("%(language)s: %(state)s")
            % {
                "language": LANGUAGE_NAMES[language],
                "state": STATE_WORDS[obj.translation_state(language)],
            }
            for language in TRANSLATION_LANGUAGES
        )

    def get_actions(self, request):
        actions = super().get_actions(request)
        # A review is a publisher's word on what readers see, like publishing.
        if self.has_change_permission(request) and can_publish(request.user):
            for name in self.review_actions:
                actions[name] = self.get_action(name)
        return actions

    def mark_reviewed(self, request, queryset, language: str) -> None:
        """Record that the requesting person reviewed the translation into `language` of each
        selected row against its English of now. Skipped, and said so: rows with no such
        translation, or with some text not translated yet (a review of part of it would not
        make it complete), and rows already reviewed against the English of now."""
        done, skipped = 0, {}
        for obj in queryset:
            state = obj.translation_state(language)
            if not any(obj.translation_texts(language)):
                reason = SKIPPED_NO_TRANSLATION[language]
            elif state == MISSING:
                reason = SKIPPED_MISSING[language]
            elif state == REVIEWED:
                reason = SKIPPED_REVIEWED
            else:
                reason = None
            if reason:
                skipped[reason] = skipped.get(reason, 0) + 1
                continue
            obj.mark_translation_reviewed(language)
            try:
                with transaction.atomic():
                    obj.save()
            except (WorkflowError, PermissionDenied, ValidationError) as error:
                self.message_user(request, f"{obj}: {error}", messages.ERROR)
                continue
            done += 1
        if done:
            self.message_user(request, REVIEWED_MESSAGES[language] % {"count": done})
        for reason, count in skipped.items():
            self.message_user(
                request,
                ngettext("%(count)d skipped: %(reason)s.", "%(count)d skipped: %(reason)s.", count)
                % {"count": count, "reason": reason},
                messages.WARNING,
            )

    @admin.action(description=_("Mark the Ukrainian translation reviewed"))
    def mark_uk_reviewed(self, request, queryset):
        self.mark_reviewed(request, queryset, "uk")

    @admin.action(description=_("Mark the Russian translation reviewed"))
    def mark_ru_reviewed(self, request, queryset):
        self.mark_reviewed(request, queryset, "ru")
