"""The admin for sources, the review desk, and the base classes every content admin builds on
(base.py); the admin site's autocomplete labels and two-factor login are set here."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from provenance.admin import desk, sources  # noqa: F401  (registers the desk and SourceAdmin)
from provenance.admin.autocomplete import LabelledAutocompleteJsonView
from provenance.admin.two_factor import LOGIN_TEMPLATE, TwoFactorLoginForm, requiring_two_factor

# Autocomplete answers label each record so editors can tell them apart (see autocomplete.py).
admin.site.autocomplete_view = LabelledAutocompleteJsonView.as_view(admin_site=admin.site)

# Two-factor authentication (django-otp), required unless debugging: see two_factor.py.
admin.site.login_form = TwoFactorLoginForm
admin.site.login_template = LOGIN_TEMPLATE
admin.site.has_permission = requiring_two_factor(admin.site.has_permission)

admin.site.site_header = _("Istanbul Talks Tracker — editors")
admin.site.site_title = _("Istanbul Talks Tracker admin")
admin.site.index_title = _("The record")
