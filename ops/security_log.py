"""Security events on the `security` logger: who, from where; the log line carries when.

Publishing and unpublishing are logged to the same logger where they happen (the editorial
workflow); django-axes logs lockouts on its own `axes` logger, routed in settings.LOGGING.
"""

import logging

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from ops.clientip import client_ip

logger = logging.getLogger("security")


@receiver(user_login_failed, dispatch_uid="security-login-failed")
def log_login_failed(sender, credentials, request=None, **kwargs) -> None:
    # Django has already replaced the password in `credentials` with asterisks.
    username = credentials.get("username", "")
    address = client_ip(request) if request is not None else "-"
    logger.warning("login failed username=%r ip=%s", username, address)


@receiver(user_logged_in, dispatch_uid="security-logged-in")
def log_logged_in(sender, request, user, **kwargs) -> None:
    logger.info("login user=%r ip=%s", user.get_username(), client_ip(request))


@receiver(user_logged_out, dispatch_uid="security-logged-out")
def log_logged_out(sender, request, user, **kwargs) -> None:
    username = user.get_username() if user is not None else "-"
    logger.info("logout user=%r ip=%s", username, client_ip(request))
