"""Autocomplete widgets that survive a value that names nothing.

Django's autocomplete widgets look up the posted values to render the form again; a value that
is not a key at all ("abc" for an id) makes that lookup raise ValueError, a 500 instead of the
form error the field already reports. These drop such values before the lookup.
"""

from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.core.exceptions import ValidationError


class ValidValuesOnlyMixin:
    def optgroups(self, name, value, attrs=None):
        remote = self.field.remote_field
        target = remote.model._meta.get_field(getattr(remote, "field_name", None) or "id")
        valid = []
        for item in value:
            try:
                target.to_python(item)
            except ValidationError:
                continue
            valid.append(item)
        return super().optgroups(name, valid, attrs)


class SafeAutocompleteSelect(ValidValuesOnlyMixin, AutocompleteSelect):
    pass


class SafeAutocompleteSelectMultiple(ValidValuesOnlyMixin, AutocompleteSelectMultiple):
    pass


class SafeAutocompleteAdminMixin:
    """For ModelAdmins and inlines: autocomplete fields use the widgets above."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = SafeAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = SafeAutocompleteSelectMultiple(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)
