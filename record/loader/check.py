"""`make data-check`: read every data file and refuse, with file, line and field, anything the
loader should not write.

Refused: a file that is not a list of rows; a row without a key, or with a key another row of its
kind already has; a field the model does not have; a value of the wrong type, outside its
choices, too long, or not a valid date, time or precision; a reference to a key that no row has;
a fact without a source; a source without an address (unless its kind is "offline", with a note
saying where a copy is); and reader-facing text that points into the facts files (§ numbers,
source codes such as S4 or U12, "SEED"), which belongs in the row's `research` note instead.

The check reads no database: it runs before the loader writes anything, and in CI.
"""

import datetime
import decimal
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.db import models

from provenance.models import DatePrecision
from provenance.translated import TRANSLATION_LANGUAGES
from record.loader.files import DATA_DIR, DataFileError, Problem, Row, read
from record.loader.spec import (
    ADDRESSLESS_SOURCE_KINDS,
    NOT_IN_FILES,
    RESEARCH,
    REVIEWED,
    SPECS,
    Spec,
    plain_fields,
    prose_fields,
)

# Pointers into the facts files: "§7.4", "S41", "S41–S45", "SEED", "X1", and the 2026 review's
# "U12". Source codes belong in the `sources` list, section numbers in the `research` note.
FACTS_POINTER = re.compile(r"§\s?\d|\b(?:[SU]\d{1,3}|X\d|SEED)\b")


@dataclass
class Parsed:
    """A checked row: its key, its field values as Python values, the keys it names, its
    children's rows, and where it came from."""

    spec: Spec
    key: str
    line: int
    values: dict
    refs: dict[str, str] = field(default_factory=dict)
    many: dict[str, list[str]] = field(default_factory=dict)
    children: dict[str, list["Parsed"]] = field(default_factory=dict)
    # The languages whose translations the row says a person reviewed; None for a kind of row
    # without translations.
    reviewed: tuple[str, ...] | None = None


class Checker:
    def __init__(self, data_dir: Path | None = None):
        self.data_dir = data_dir or DATA_DIR
        self.problems: list[Problem] = []
        self.keys: dict[str, set[str]] = {}
        self.dataset: dict[str, list[Parsed]] = {}
        self._pending_refs: list[tuple[str, int, str, str, str, str]] = []

    def problem(self, file: str, line: int, key: str, field_name: str, message: str) -> None:
        self.problems.append(Problem(file, line, key, field_name, message))

    def run(self) -> dict[str, list[Parsed]]:
        """Every file's checked rows; raises DataFileError listing every problem found."""
        for spec in SPECS:
            try:
                rows = read(spec.file, self.data_dir)
            except DataFileError as error:
                self.problems += error.problems
                continue
            self.dataset[spec.name] = [self.row(spec, spec.file, row) for row in rows]
        self.check_references()
        if self.problems:
            raise DataFileError(self.problems)
        return self.dataset

    # --- one row --------------------------------------------------------------------------

    def row(self, spec: Spec, file: str, row: Row, parent_key: str = "") -> Parsed:
        key = ""
        if spec.key or "key" in row:
            key = self.key(spec, file, row)
        label = key or parent_key
        parsed = Parsed(spec, key, row.line, {})
        fields = plain_fields(spec)
        allowed = {*fields, *spec.refs, *spec.many, RESEARCH, "key"} | {
            child.field for child in spec.children
        }
        if spec.is_translated:
            allowed.add(REVIEWED)
            parsed.reviewed = self.reviewed(file, row, label)
        for name in row:
            if name not in allowed:
                hint = " (filled in by the loader)" if name in NOT_IN_FILES else ""
                self.problem(file, row.line, label, name, f"no such field in {spec.name}{hint}.")
        for name, model_field in fields.items():
            parsed.values[name] = self.value(spec, file, row, label, model_field)
        self.check_dates(file, row, label, fields, parsed.values)
        for name, target in spec.refs.items():
            value = row.get(name)
            if value in (None, ""):
                continue
            parsed.refs[name] = str(value)
            if target == spec.name and str(value) not in self.keys.get(target, set()) - {key}:
                # The loader writes rows in file order: what a row names must already be there.
                self.problem(
                    file, row.line, label, name, f"list the row {value!r} before this one."
                )
            else:
                self._pending_refs.append((file, row.line, label, name, target, str(value)))
        for name, target in spec.many.items():
            values = row.get(name) or []
            if not isinstance(values, list):
                self.problem(file, row.line, label, name, "must be a list, e.g. [S1, S2].")
                values = []
            parsed.many[name] = [str(value) for value in values]
            for value in parsed.many[name]:
                self._pending_refs.append((file, row.line, label, name, target, value))
        if spec.is_sourced and not parsed.many.get("sources"):
            self.problem(file, row.line, label, "sources", "a fact needs at least one source.")
        if spec.name == "sources":
            self.check_address(file, row, label, parsed.values)
        self.check_prose(spec, file, row, label)
        for child in spec.children:
            children = row.get(child.field) or []
            if not isinstance(children, list):
                self.problem(file, row.line, label, child.field, "must be a list of rows.")
                children = []
            parsed.children[child.field] = [
                self.row(child.spec, file, item, parent_key=label)
                for item in children
                if isinstance(item, Row)
            ]
            self.check_child_duplicates(file, label, child, children)
        return parsed

    def reviewed(self, file: str, row: Row, label: str) -> tuple[str, ...]:
        """`translations_reviewed`: a list of languages the row has translations into."""
        raw = row.get(REVIEWED) or []
        allowed = ", ".join(TRANSLATION_LANGUAGES)
        if not isinstance(raw, list) or any(lang not in TRANSLATION_LANGUAGES for lang in raw):
            self.problem(file, row.line, label, REVIEWED, f"a list of languages, of: {allowed}.")
            return ()
        return tuple(raw)

    def key(self, spec: Spec, file: str, row: Row) -> str:
        key = row.get("key")
        if key in (None, ""):
            self.problem(file, row.line, "", "key", "every row needs a key.")
            return ""
        key = str(key)
        try:
            validate_slug(key)
        except ValidationError:
            self.problem(
                file, row.line, key, "key", "use letters, digits, hyphens and underscores only."
            )
        keys = self.keys.setdefault(spec.name, set())
        if key in keys:
            self.problem(file, row.line, key, "key", f"another row of {spec.name} has this key.")
        keys.add(key)
        return key

    def value(self, spec: Spec, file: str, row: Row, label: str, model_field: models.Field):
        name = model_field.name
        raw = row.get(name)
        if name == "aliases" and isinstance(raw, list):
            raw = "\n".join(str(alias) for alias in raw)
        if raw is None or raw == "":
            if model_field.has_default():
                return model_field.get_default()
            if model_field.null:
                return None
            if model_field.blank:
                return ""
            self.problem(file, row.line, label, name, "required.")
            return None
        try:
            value = self.convert(model_field, raw)
            model_field.run_validators(value)
            if model_field.choices and value not in {choice for choice, _ in model_field.choices}:
                allowed = ", ".join(str(choice) for choice, _ in model_field.choices if choice)
                raise ValidationError(f"{raw!r} is not one of: {allowed}.")
            max_length = getattr(model_field, "max_length", None)
            if max_length and isinstance(value, str) and len(value) > max_length:
                raise ValidationError(f"longer than {max_length} characters.")
        except ValidationError as error:
            self.problem(file, row.line, label, name, " ".join(error.messages))
            return None
        return value

    @staticmethod
    def convert(model_field: models.Field, raw):
        if isinstance(model_field, models.BooleanField):
            if not isinstance(raw, bool):
                raise ValidationError("true or false.")
            return raw
        if isinstance(model_field, models.DateTimeField):
            try:
                value = datetime.datetime.fromisoformat(str(raw))
            except ValueError:
                raise ValidationError("not a time: write 2025-06-02T13:00+03:00.") from None
            if value.tzinfo is None:
                raise ValidationError("give the UTC offset, e.g. 2025-06-02T13:00+03:00.")
            return value
        if isinstance(model_field, models.DateField):
            try:
                return datetime.date.fromisoformat(str(raw))
            except ValueError:
                raise ValidationError("not a date: write YYYY-MM-DD.") from None
        if isinstance(model_field, models.DecimalField):
            try:
                return decimal.Decimal(str(raw))
            except decimal.InvalidOperation:
                raise ValidationError("not a number.") from None
        if isinstance(model_field, models.IntegerField):
            if isinstance(raw, bool) or not isinstance(raw, int):
                raise ValidationError("a whole number.")
            return raw
        if not isinstance(raw, str):
            raise ValidationError("text expected; put it in quotes.")
        return raw

    def check_dates(self, file, row, label, fields, values) -> None:
        """A date known to the month or year is written as its first day."""
        for name, model_field in fields.items():
            precision = values.get(f"{name}_precision") or values.get(
                f"{name.removesuffix('_on')}_precision"
            )
            day = values.get(name)
            if not isinstance(model_field, models.DateField) or not day or not precision:
                continue
            if precision == DatePrecision.MONTH and day.day != 1:
                self.problem(file, row.line, label, name, "known to the month: write its 1st day.")
            if precision == DatePrecision.YEAR and (day.month, day.day) != (1, 1):
                self.problem(file, row.line, label, name, "known to the year: write 1 January.")

    def check_address(self, file, row, label, values) -> None:
        if values.get("url"):
            return
        if values.get("kind") not in ADDRESSLESS_SOURCE_KINDS:
            self.problem(
                file, row.line, label, "url", "a source needs an address (or kind: offline)."
            )
        elif not values.get("note"):
            self.problem(file, row.line, label, "note", "say where a copy can be read.")

    def check_prose(self, spec, file, row, label) -> None:
        for name in prose_fields(spec):
            text = row.get(name)
            if isinstance(text, str) and (match := FACTS_POINTER.search(text)):
                self.problem(
                    file,
                    row.line,
                    label,
                    name,
                    f"reader-facing text points into the facts files ({match.group(0)!r}): "
                    "cite sources in `sources`, and keep such notes in `research`.",
                )

    def check_child_duplicates(self, file, label, child, items) -> None:
        seen: dict[tuple, int] = {}
        for item in items:
            if not isinstance(item, Row):
                self.problem(file, 0, label, child.field, "each item must be a row.")
                continue
            if not child.match:
                continue
            match = tuple(str(item.get(name)) for name in child.match)
            if match in seen:
                self.problem(
                    file,
                    item.line,
                    label,
                    child.field,
                    f"same {', '.join(child.match)} as the row on line {seen[match]}.",
                )
            seen.setdefault(match, item.line)

    # --- across files ---------------------------------------------------------------------

    def check_references(self) -> None:
        for file, line, label, name, target, value in self._pending_refs:
            if value not in self.keys.get(target, set()):
                self.problem(file, line, label, name, f"no row of {target} has the key {value!r}.")


def check(data_dir: Path | None = None) -> dict[str, list[Parsed]]:
    """The checked data files; DataFileError lists every problem, with file, line and field."""
    return Checker(data_dir).run()
