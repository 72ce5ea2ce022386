"""Write the checked data files to the database as published content, matching rows on their keys
only: a corrected title, date or name updates the row it belongs to, never adds a second one.

A row without a key column of its own (a delegation's participant, an exchange's count) is
matched within its parent on the fields the database keeps unique (person; side, category and
claimant). The upserter (record/loader/upsert.py) saves only what differs and keeps rows an
editor changed in the admin unless told to overwrite them.
"""

from collections.abc import Callable

from django.db import models, transaction
from django.utils import translation

from provenance.bulk import bulk_write
from record.loader.check import Parsed, check
from record.loader.files import DATA_DIR
from record.loader.spec import SPECS, Child, Spec
from record.loader.upsert import Upserter


class Loader:
    def __init__(self, *, overwrite_edits: bool = False, data_dir=None, progress=None):
        self.upserter = Upserter(overwrite_edits=overwrite_edits)
        self.data_dir = data_dir or DATA_DIR
        # Called with (file, rows) before each file is written, for a progress line.
        self.progress: Callable[[str, int], None] = progress or (lambda file, rows: None)
        self.objects: dict[str, dict[str, models.Model]] = {}

    def load(self) -> None:
        """Check every file, then write them all in one transaction (all or nothing).

        Raises record.loader.files.DataFileError, before writing anything, if the check fails.
        """
        dataset = check(self.data_dir)
        # The files' `summary` is the English (`summary_en`) whatever language is active.
        # A bulk write: the API's `updated_at` of the rows showing each saved row is set once at
        # the end (api.sync), not once per row saved.
        with transaction.atomic(), translation.override("en"), bulk_write():
            for spec in SPECS:
                rows = dataset[spec.name]
                self.progress(spec.file, len(rows))
                for number, row in enumerate(rows, start=1):
                    self.write(spec, row, number)

    def write(self, spec: Spec, row: Parsed, number: int, parent=None, child: Child | None = None):
        fields = dict(row.values)
        for name, key in row.refs.items():
            fields[name] = self.objects[spec.refs[name]][key]
        for name in spec.refs:
            fields.setdefault(name, None)
        if spec.order:
            fields[spec.order] = number
        if child is not None:
            fields[child.parent] = parent
        if spec.key:
            lookup = {spec.key: row.key}
        else:
            lookup = {child.parent: parent, **{name: fields[name] for name in child.match}}
        many = {
            name: [self.objects[spec.many[name]][key] for key in keys]
            for name, keys in row.many.items()
        }
        obj = self.upserter.upsert(spec.model, lookup, fields, many, reviewed=row.reviewed)
        if row.key:
            self.objects.setdefault(spec.name, {})[row.key] = obj
        for nested in spec.children:
            for number, item in enumerate(row.children[nested.field], start=1):
                self.write(nested.spec, item, number, parent=obj, child=nested)
        return obj
