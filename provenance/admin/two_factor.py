"""Two-factor authentication for the admin, with django-otp: a code from an authenticator app
(TOTP) or one of ten single-use recovery codes, after the password.

Required when `TWO_FACTOR_REQUIRED` (settings: on unless DJANGO_DEBUG, so `make run` and the
tests log in with a password only). A user who has not passed the second step is treated as not
staff: the admin sends them back to the login page. Enrolment: `manage.py enrol_two_factor`
(README, "Two-factor authentication").
"""

from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from django_otp.admin import OTPAdminAuthenticationForm
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

# django-otp's login page with our words, in the editor's language (django-otp has no Ukrainian
# or Russian), and the admin's language menu.
LOGIN_TEMPLATE = "admin/two_factor_login.html"


class TwoFactorLoginForm(OTPAdminAuthenticationForm):
    """The admin's login form: the password, then (when required) the code."""

    otp_error_messages = {
        **OTPAdminAuthenticationForm.otp_error_messages,
        "token_required": _("Enter the code from your authenticator app, or a recovery code."),
        "invalid_token": _("That code is not right. Check it and try again."),
        "verification_not_allowed": _("Checking codes is paused for now; try again soon."),
        "n_failed_attempts": ngettext_lazy(
            "Codes are not checked for a while after %(failure_count)d wrong code; try again soon.",
            "Codes are not checked for a while after %(failure_count)d wrong codes; try again "
            "soon.",
            "failure_count",
        ),
        "device_required": _("Choose a device."),
    }

    def clean(self):
        if settings.TWO_FACTOR_REQUIRED:
            return super().clean()
        return AdminAuthenticationForm.clean(self)

    def _chosen_device(self, user):
        """The device the editor picked, or the one the code's shape names: six digits come from
        the authenticator app, anything else is a recovery code. One device is tried, never
        all of them (which would count failures against devices that were not used)."""
        if chosen := super()._chosen_device(user):
            return chosen
        token = (self.cleaned_data.get("otp_token") or "").strip()
        kind = TOTPDevice if token.isdigit() and len(token) == 6 else StaticDevice
        return kind.objects.filter(user=user, confirmed=True).first()


def requiring_two_factor(has_permission):
    """Wrap AdminSite.has_permission: staff, and verified by a device when required."""

    def check(request):
        verified = not settings.TWO_FACTOR_REQUIRED or request.user.is_verified()
        return has_permission(request) and verified

    return check
