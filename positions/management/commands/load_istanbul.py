"""Load the sourced record of the 2025 Istanbul talks (placeholder until the loader lands)."""

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Load the Istanbul record as published content. Safe to run twice."

    def handle(self, *args, **options) -> None:
        self.stdout.write("The Istanbul loader is not written yet.")
