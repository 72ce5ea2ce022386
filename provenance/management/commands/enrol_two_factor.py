"""Enrol a user for two-factor authentication: an authenticator app and ten recovery codes."""

import io

import segno
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODES = 10


class Command(BaseCommand):
    help = (
        "Give USERNAME a new authenticator-app key and ten single-use recovery codes (replacing "
        "any they had) and print them once: the otpauth:// address for the app, and the codes."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    @transaction.atomic
    def handle(self, *args, username, **options):
        try:
            user = get_user_model().objects.get(username=username)
        except get_user_model().DoesNotExist:
            raise CommandError(f"No user {username!r}.") from None
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
        app = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
        recovery = StaticDevice.objects.create(user=user, name="Recovery codes", confirmed=True)
        codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
        for code in codes:
            recovery.token_set.create(token=code)
        qr = io.StringIO()
        segno.make(app.config_url).terminal(out=qr, compact=True)
        self.stdout.write(
            f"Add this to {username}'s authenticator app (scan the QR code, or type the key):\n"
            f"{qr.getvalue()}\n"
            f"  {app.config_url}\n"
            f"Recovery codes, each usable once (keep them somewhere safe):\n  " + "\n  ".join(codes)
        )
