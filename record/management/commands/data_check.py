"""`make data-check`: check the record's data files without touching the database."""

from django.core.management.base import BaseCommand, CommandError

from record.loader.check import check
from record.loader.files import DataFileError


class Command(BaseCommand):
    help = (
        "Check data/istanbul/*.yaml: keys, references, dates, choices, sources, addresses and "
        "reader-facing text. Prints each problem with file, line and field."
    )

    requires_system_checks = []

    def handle(self, *args, **options) -> None:
        try:
            dataset = check()
        except DataFileError as error:
            raise CommandError(f"{len(error.problems)} problem(s):\n{error}") from None
        rows = sum(len(rows) for rows in dataset.values())
        self.stdout.write(f"The data files are fine: {rows} rows in {len(dataset)} files.")
