"""What every CSV import shares: all or nothing, full validation, history kept."""

from django.core.exceptions import ValidationError
from import_export import fields, resources, widgets

from provenance.models import Source


def check_source_codes(row) -> None:
    """Unknown codes in the `sources` column are an error, not silently dropped."""
    codes = {code.strip() for code in str(row.get("sources") or "").split(";") if code.strip()}
    known = set(Source.objects.filter(code__in=codes).values_list("code", flat=True))
    if unknown := sorted(codes - known):
        raise ValidationError({"sources": f"Unknown source code(s): {', '.join(unknown)}."})


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
        return super().import_data(dataset, **kwargs)

    # Columns the resource fills in itself in before_import_row (e.g. a delegation's id found
    # from round and side); added empty when the file does not have them.
    computed_columns: tuple[str, ...] = ()

    def before_import(self, dataset, **kwargs):
        for column in self.computed_columns:
            if column not in dataset.headers:
                dataset.append_col([""] * len(dataset), header=column)

    def before_import_row(self, row, **kwargs):
        check_source_codes(row)
        # A blank cell means "the usual", as a blank form field does (confidence: single
        # source; precision: exact; role: member), not an invalid empty choice.
        for field in self._meta.model._meta.concrete_fields:
            blank_cell = field.name in row and row[field.name] in ("", None)
            if blank_cell and field.has_default() and not field.blank:
                row[field.name] = field.get_default()

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
