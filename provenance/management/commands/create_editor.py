"""Create (or update) a staff user in the Editor or Publisher group."""

import getpass
import os
import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

PASSWORD_ENV = "EDITOR_PASSWORD"


class Command(BaseCommand):
    help = (
        "Create a staff user in the Editor or Publisher group. The password comes from "
        f"${PASSWORD_ENV}, from a prompt (--prompt), or is generated and printed once."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--group", choices=["Editor", "Publisher"], default="Editor")
        parser.add_argument("--email", default="")
        parser.add_argument(
            "--prompt", action="store_true", help="Ask for the password instead of generating it."
        )

    def handle(self, *args, username, group, email, prompt, **options):
        try:
            role = Group.objects.get(name=group)
        except Group.DoesNotExist:
            raise CommandError(f"No {group} group: run `manage.py migrate` first.") from None
        password, generated = os.environ.get(PASSWORD_ENV, ""), False
        if not password and prompt:
            password = getpass.getpass("Password: ")
            if password != getpass.getpass("Password (again): "):
                raise CommandError("The passwords do not match.")
        if not password:
            password, generated = secrets.token_urlsafe(18), True
        User = get_user_model()
        user = User.objects.filter(username=username).first() or User(username=username)
        try:
            validate_password(password, user)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        user.email = email or user.email
        user.is_staff = True
        user.set_password(password)
        user.save()
        # One role at a time: moving someone from Publisher to Editor takes publishing away.
        user.groups.remove(*Group.objects.filter(name__in=["Editor", "Publisher"]))
        user.groups.add(role)
        self.stdout.write(f"{username} is now a staff user in the {group} group.")
        if generated:
            self.stdout.write(f"Password (shown once, store it now): {password}")
