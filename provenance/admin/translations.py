"""The admin of a model with translations: the Ukrainian and Russian fields next to the English,
and actions that record a person's review of a translation."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from provenance.translated import ORIGINAL_LANGUAGE, TRANSLATION_LANGUAGES, localized
from provenance.workflow import WorkflowError, can_publish

LANGUAGE_NAMES = {"uk": "Ukrainian", "ru": "Russian"}


class TranslatedAdmin:
    """Put before the model's own admin class: `class TrackAdmin(TranslatedAdmin,
    PublishableAdmin)`. The English is edited as before, as `summary` (the form, imports and
    tests keep their field names), with `summary_uk` and `summary_ru` right after it (they share
    its place in the model's field order); `translation_status` shows read-only; publishers get
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
        return fieldsets

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "translation_status"]

    def get_actions(self, request):
        actions = super().get_actions(request)
        # A review is a publisher's word on what readers see, like publishing.
        if self.has_change_permission(request) and can_publish(request.user):
            for name in self.review_actions:
                actions[name] = self.get_action(name)
        return actions

    def mark_reviewed(self, request, queryset, language: str) -> None:
        """Record that the requesting person reviewed the translation into `language` of each
        selected row against its English of now; rows with no such translation are skipped."""
        done, skipped = 0, 0
        for obj in queryset:
            if not any(obj.translation_texts(language)):
                skipped += 1
                continue
            obj.mark_translation_reviewed(language)
            try:
                with transaction.atomic():
                    obj.save()
            except (WorkflowError, PermissionDenied, ValidationError) as error:
                self.message_user(request, f"{obj}: {error}", messages.ERROR)
                continue
            done += 1
        name = LANGUAGE_NAMES[language]
        if done:
            self.message_user(request, f"{done} {name} translations marked reviewed.")
        if skipped:
            self.message_user(
                request, f"{skipped} skipped: no {name} translation.", messages.WARNING
            )

    @admin.action(description="Mark the Ukrainian translation reviewed")
    def mark_uk_reviewed(self, request, queryset):
        self.mark_reviewed(request, queryset, "uk")

    @admin.action(description="Mark the Russian translation reviewed")
    def mark_ru_reviewed(self, request, queryset):
        self.mark_reviewed(request, queryset, "ru")
