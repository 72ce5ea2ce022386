"""The admin of a model with translations: the Ukrainian and Russian fields next to the English
(modeltranslation's admin), and actions that record a person's review of a translation."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from modeltranslation.admin import TranslationAdmin

from provenance.translated import TRANSLATION_LANGUAGES
from provenance.workflow import WorkflowError

LANGUAGE_NAMES = {"uk": "Ukrainian", "ru": "Russian"}


class TranslatedAdmin(TranslationAdmin):
    """Put before the model's own admin class: `class TrackAdmin(TranslatedAdmin,
    PublishableAdmin)`. Each translated field shows as its English, Ukrainian and Russian
    fields; `translation_status` shows read-only; the actions mark a translation reviewed."""

    review_actions = tuple(f"mark_{language}_reviewed" for language in TRANSLATION_LANGUAGES)

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "translation_status"]

    def get_actions(self, request):
        actions = super().get_actions(request)
        if self.has_change_permission(request):
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
