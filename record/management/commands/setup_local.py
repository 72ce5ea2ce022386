"""Prepare a local database for `make run`: the Istanbul record and an admin account.

Safe to run every time: it loads the record only into an empty database and creates the
admin account only once, printing its generated password that one time.
"""

import secrets

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand

from talks.models import Round

ADMIN_USERNAME = "admin"


class Command(BaseCommand):
    help = "Load the Istanbul record into an empty database and create a local admin account."

    def handle(self, *args, **options) -> None:
        if Round.objects.exists():
            self.stdout.write(
                "The database already holds rounds; the Istanbul record is not reloaded."
            )
        else:
            call_command("load_istanbul", stdout=self.stdout)

        User = get_user_model()
        if User.objects.filter(username=ADMIN_USERNAME).exists():
            self.stdout.write(
                f"Admin account '{ADMIN_USERNAME}' exists; its password was printed when it was "
                f"created. Reset it with: .venv/bin/python manage.py changepassword {ADMIN_USERNAME}"
            )
            return
        password = secrets.token_urlsafe(18)
        User.objects.create_superuser(ADMIN_USERNAME, email="", password=password)
        self.stdout.write(
            self.style.SUCCESS(
                "\nCreated the local admin account (sign in at /admin/):\n"
                f"  username: {ADMIN_USERNAME}\n  password: {password}\n"
                "This password is shown only once.\n"
            )
        )
