"""Autocomplete answers whose labels tell records apart: "Round 3 · 23 Jul 2025 · published",
a commitment with its round, anything with a status with its status. A model admin says how its
records read with `autocomplete_label(obj)`."""

from django.contrib.admin.views.autocomplete import AutocompleteJsonView


def with_status(obj, text: str) -> str:
    if hasattr(obj, "get_publication_status_display"):
        return f"{text} · {obj.get_publication_status_display().lower()}"
    return text


class LabelledAutocompleteJsonView(AutocompleteJsonView):
    def serialize_result(self, obj, to_field_name):
        result = super().serialize_result(obj, to_field_name)
        label = getattr(self.model_admin, "autocomplete_label", None)
        result["text"] = label(obj) if label else with_status(obj, str(obj))
        return result
