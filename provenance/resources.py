"""What every CSV import shares: all or nothing, full validation, history kept, and the
spreadsheets newsrooms actually export (README, "Importing CSV"):

- `;` as well as `,` between columns (Excel in most of Europe), a byte-order mark, trailing
  empty rows;
- the labels the admin shows ("Prisoners of war", "At least"), in any of its languages, as well
  as the codes (`pows`);
- whole numbers written "1 212", "1,212" or "1.212" (a thousands separator, in any locale);
- two rows with the same key refused, naming both rows.
"""

import decimal
import re

import tablib
from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils import translation
from django.utils.translation import gettext
from import_export import fields, resources, widgets
from import_export.formats.base_formats import CSV

from provenance.models import Source

# "1 212", "1,212", "1.212", "1 212" (no-break or thin space): a whole number with separators.
GROUPED_NUMBER = re.compile(r"^\d{1,3}(?:[ ,.\u00a0\u202f']\d{3})+$")


def codes_by_label(choices) -> dict:
    """{label, lowercased: code} for `choices`, with each label in every language the admin
    speaks: a file made from the template has the English labels, and one an editor working in
    Ukrainian typed may have the Ukrainian ones, whatever language the admin is in now."""
    found = {}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            found.update({str(label).lower(): code for code, label in choices})
    return found


class NewsroomCSV(CSV):
    """CSV as spreadsheets save it: `,` or `;` between columns, with or without a BOM."""

    def get_title(self):
        return "CSV"  # the import form's "Format:" shows it; tablib's title is "csv"

    def create_dataset(self, in_stream, **kwargs):
        if isinstance(in_stream, bytes):
            in_stream = in_stream.decode(self.encoding or "utf-8")
        text = in_stream.lstrip("\ufeff")
        header = text.splitlines()[0] if text.strip() else ""
        delimiter = ";" if header.count(";") > header.count(",") else ","
        return tablib.Dataset().load(text, format="csv", delimiter=delimiter)


def whole_number(value):
    """ "1 212", "1,212", "1.212" → "1212"; anything else unchanged (the widget judges it)."""
    text = str(value).strip()
    return re.sub(r"\D", "", text) if GROUPED_NUMBER.match(text) else text


def source_codes(value) -> list[str]:
    """Codes in a `sources` cell, separated by `;`, `,` or spaces ("S41; S42", "S41,S42")."""
    return [code for code in re.split(r"[;,\s]+", str(value or "")) if code]


def check_source_codes(row) -> None:
    """Unknown codes in the `sources` column are an error, not silently dropped."""
    codes = set(source_codes(row.get("sources")))
    known = set(Source.objects.filter(code__in=codes).values_list("code", flat=True))
    if unknown := sorted(codes - known):
        raise ValidationError(
            {
                "sources": gettext("Unknown source code(s): %(codes)s.")
                % {"codes": ", ".join(unknown)}
            }
        )


class WrongColumns(ValueError):
    """A file whose header row is not the import's: said in words, without a traceback."""


def column_error(field, value, error: Exception) -> str:
    """A widget's failure to read a cell, in the words an editor understands."""
    widget = field.widget
    if isinstance(widget, widgets.IntegerWidget):
        return gettext("Give a whole number, not %(value)s.") % {"value": repr(value)}
    if isinstance(widget, widgets.DecimalWidget | widgets.FloatWidget):
        return gettext("Give a number, not %(value)s.") % {"value": repr(value)}
    if isinstance(widget, widgets.DateWidget | widgets.DateTimeWidget):
        return gettext("Give a date as YYYY-MM-DD, not %(value)s.") % {"value": repr(value)}
    if isinstance(widget, widgets.ForeignKeyWidget):
        return gettext("No %(kind)s with %(field)s %(value)s.") % {
            "kind": widget.model._meta.verbose_name,
            "field": widget.field,
            "value": repr(value),
        }
    if isinstance(error, decimal.InvalidOperation):
        return gettext("Cannot read %(value)s.") % {"value": repr(value)}
    return str(error)


class AllOrNothingResource(resources.ModelResource):
    """An import that writes nothing unless every row is valid.

    Rows are saved one by one through Model.save() (never bulk mode), so simple-history records
    each one with the importing user and the reason "Imported from CSV".
    """

    # Every imported fact cites its sources by code, separated by semicolons: "S1;S28".
    sources = fields.Field(
        column_name="sources",
        attribute="sources",
        widget=widgets.ManyToManyWidget(Source, separator=";", field="code"),
    )

    def import_data(self, dataset, **kwargs):
        # A row that fails model validation rolls the whole file back, not only the row.
        kwargs["rollback_on_validation_errors"] = True
        result = super().import_data(dataset, **kwargs)
        for error in result.base_errors:
            if isinstance(error.error, WrongColumns):
                error.traceback = ""  # the message says it all; the admin shows no traceback
        return result

    # The columns a file must have; the others may be left out (blank: the usual).
    required_columns: tuple[str, ...] = ()

    def check_columns(self, headers) -> None:
        """Unknown or missing columns are refused, naming the expected ones."""
        expected = [
            field.column_name
            for name, field in self.fields.items()
            if name not in self.computed_columns
        ]
        unknown = [header for header in headers if header and header not in expected]
        missing = [column for column in self.required_columns if column not in headers]
        if unknown or missing:
            parts = []
            if missing:
                parts.append(
                    gettext("Missing column(s): %(columns)s.") % {"columns": ", ".join(missing)}
                )
            if unknown:
                parts.append(
                    gettext("Unknown column(s): %(columns)s.") % {"columns": ", ".join(unknown)}
                )
            parts.append(
                gettext("The columns are: %(columns)s (required: %(required)s).")
                % {"columns": ", ".join(expected), "required": ", ".join(self.required_columns)}
            )
            raise WrongColumns(" ".join(parts))

    # Columns the resource fills in itself in before_import_row (e.g. a delegation's id found
    # from round and side); added empty when the file does not have them.
    computed_columns: tuple[str, ...] = ()

    # The columns that name one row; two rows with the same values are refused.
    duplicate_key: tuple[str, ...] = ()

    def before_import(self, dataset, **kwargs):
        dataset.headers = [str(header or "").strip() for header in dataset.headers]
        self.check_columns(dataset.headers)
        # Spreadsheets leave empty rows at the end (and sometimes between blocks).
        for index in reversed(range(len(dataset))):
            if not any(str(cell or "").strip() for cell in dataset[index]):
                del dataset[index]
        self.refuse_duplicates(dataset)
        for column in self.computed_columns:
            if column not in dataset.headers:
                dataset.append_col([""] * len(dataset), header=column)

    def refuse_duplicates(self, dataset) -> None:
        """Two rows with the same key would silently overwrite each other: the later one is
        refused, naming both (import-export numbers data rows from 1)."""
        self.duplicates = {}
        if not self.duplicate_key or not all(c in dataset.headers for c in self.duplicate_key):
            return
        seen = {}
        for number, row in enumerate(dataset.dict, start=1):
            key = tuple(str(row.get(column) or "").strip().lower() for column in self.duplicate_key)
            if key in seen:
                self.duplicates[number] = (seen[key], key)
            else:
                seen[key] = number

    def before_import_row(self, row, **kwargs):
        errors = {}
        if clash := getattr(self, "duplicates", {}).get(kwargs.get("row_number")):
            first, key = clash
            errors[NON_FIELD_ERRORS] = [
                gettext("Rows %(first)s and %(second)s both give %(key)s: keep one of them.")
                % {"first": first, "second": kwargs["row_number"], "key": ", ".join(key)}
            ]
        self.normalise(row)
        try:
            check_source_codes(row)
        except ValidationError as error:
            errors.update(error.message_dict)
        self.check_cells(row, errors)
        self.locate(row, errors, **kwargs)
        if errors:  # every problem of the row at once, not the first only
            raise ValidationError(errors)
        # A blank cell means "the usual", as a blank form field does (confidence: single
        # source; precision: exact; role: member), not an invalid empty choice.
        for field in self._meta.model._meta.concrete_fields:
            blank_cell = field.name in row and row[field.name] in ("", None)
            if blank_cell and field.has_default() and not field.blank:
                row[field.name] = field.get_default()

    def locate(self, row, errors: dict, **kwargs) -> None:
        """Fills the computed columns from the row (e.g. the delegation from track, round and
        side), adding what it cannot find to `errors` ({column: [message]}) instead of raising,
        so a row's problems are listed together. Only acts when `errors` is empty if it writes."""

    def check_cells(self, row, errors: dict) -> None:
        """Every cell read as its column will read it: choices and widgets, in plain words."""
        for field in self._meta.model._meta.concrete_fields:
            value = row.get(field.name)
            if not field.choices or value in ("", None) or field.name not in self.fields:
                continue
            if value not in {code for code, _ in field.choices}:
                codes = ", ".join(str(code) for code, _ in field.choices)
                errors.setdefault(field.name, []).append(
                    gettext("%(value)s is not one of: %(codes)s (or their labels).")
                    % {"value": repr(value), "codes": codes}
                )
        for name, field in self.fields.items():
            column = field.column_name
            skip = field.readonly or name in self.computed_columns or name == "sources"
            if skip or name in errors or column not in row or row[column] in ("", None):
                continue
            try:
                field.clean(row)
            except Exception as error:  # a widget's own words are rarely the editor's
                errors.setdefault(name, []).append(column_error(field, row[column], error))

    def normalise(self, row) -> None:
        """Labels to codes, grouped numbers to digits, any source separator to `;`."""
        for field in self._meta.model._meta.concrete_fields:
            if field.name not in row or row[field.name] in ("", None):
                continue
            value = str(row[field.name]).strip()
            if field.choices:
                by_label = codes_by_label(field.choices)
                by_code = {str(code).lower(): code for code, _ in field.choices}
                row[field.name] = by_code.get(value.lower(), by_label.get(value.lower(), value))
            elif field.get_internal_type() in (
                "IntegerField",
                "PositiveIntegerField",
                "PositiveSmallIntegerField",
            ):
                row[field.name] = whole_number(value)
        if row.get("sources"):
            row["sources"] = ";".join(source_codes(row["sources"]))

    def save_instance(self, instance, is_create, row, **kwargs):
        instance._change_reason = "Imported from CSV"
        if user := kwargs.get("user"):
            instance._history_user = user
        super().save_instance(instance, is_create, row, **kwargs)

    class Meta:
        abstract = True
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True
        use_bulk = False
        use_transactions = True
