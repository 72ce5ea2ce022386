"""Strings of Django's admin and of django-axes that their own Ukrainian catalogues leave
untranslated, so that an editor working in Ukrainian does not meet them in English on the admin's
index (the app list's column headings, the lockout records' names).

Never imported: `make messages` finds them here and puts them in locale/, whose catalogues Django
reads before any app's (LOCALE_PATHS), so our translation is used wherever Django or the app asks
for the same message. tests/test_i18n_admin.py checks that each one is translated.

django-otp's device names ("TOTP devices", "static devices") are not marked for translation in
its code at all, so no catalogue can translate them.
"""

from django.utils.translation import gettext_noop

OTHER_APPS_STRINGS = [
    # django/contrib/admin/templates/admin/app_list.html (screen readers read them).
    gettext_noop("Model name"),
    gettext_noop("Add link"),
    gettext_noop("Change or view list link"),
    # axes/models.py
    gettext_noop("access attempt"),
    gettext_noop("access attempts"),
    gettext_noop("access failure"),
    gettext_noop("access failures"),
    gettext_noop("access log"),
    gettext_noop("access logs"),
]
