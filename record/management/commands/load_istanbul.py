"""Load the record's data files (data/istanbul/) as published content. Safe to run twice.

The files are checked first (`data_check`); nothing is written unless every row passes. Each row
is matched on its key and saved only when something differs, so a second run creates nothing,
records no history and leaves `updated_at` alone. A row an editor changed in the admin is kept
as they left it unless --overwrite-edits is given.
"""

import sys
import time

from django.core.management.base import BaseCommand, CommandError

from record.loader.files import DataFileError
from record.loader.load import Loader
from record.loader.upsert import CREATED, KEPT, UNCHANGED, UPDATED


class Command(BaseCommand):
    help = "Check, then load, the record's data files as published content. Safe to run twice."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--overwrite-edits",
            action="store_true",
            help="Also overwrite rows an editor changed in the admin with the data files' "
            "version (their history keeps the editor's).",
        )

    def handle(self, *args, **options) -> None:
        started = time.monotonic()
        verbose = options["verbosity"] > 0
        # A progress line per file on a terminal; nothing in logs, pipes and tests.
        interactive = verbose and self.stdout.isatty()
        loader = Loader(
            overwrite_edits=options["overwrite_edits"],
            progress=self.progress if interactive else None,
        )
        try:
            loader.load()
        except DataFileError as error:
            raise CommandError(
                f"Nothing was loaded: the data files have {len(error.problems)} problem(s).\n"
                f"{error}"
            ) from None
        if interactive:
            sys.stdout.write("\r\033[K")
        if verbose:
            for kind, counts in loader.upserter.stats.items():
                kept = f", {counts[KEPT]} kept as edited in the admin" if counts[KEPT] else ""
                self.stdout.write(
                    f"{kind}: {counts[CREATED]} created, {counts[UPDATED]} updated, "
                    f"{counts[UNCHANGED]} unchanged{kept}"
                )
            self.stdout.write(f"Loaded in {time.monotonic() - started:.1f} s.")

    def progress(self, file: str, rows: int) -> None:
        self.stdout.write(f"\r\033[KLoading {file} ({rows} rows)…", ending="")
        self.stdout.flush()
