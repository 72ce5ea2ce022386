"""CSV import of exchanges with their counts (README, "Importing CSV")."""

import datetime

from django.utils.translation import gettext
from import_export import fields, widgets

from positions.models import Commitment, Exchange, ExchangeCount, ExchangeKind
from provenance.models import Source
from provenance.resources import AllOrNothingResource, codes_by_label, source_codes


class ExchangeCountResource(AllOrNothingResource):
    """One row per figure: who received how many of what in which exchange, says who.

    The exchange is found by its title and date, or created as a draft from the row's
    exchange_* columns (citing the row's sources), so one file can log new exchanges with both
    sides' figures. Importing the same file again updates the figures instead of doubling them.
    """

    # Read-only: these columns only locate or create the exchange (before_import_row).
    exchange_title = fields.Field(
        column_name="exchange_title", attribute="exchange__title", readonly=True
    )
    exchange_kind = fields.Field(
        column_name="exchange_kind", attribute="exchange__kind", readonly=True
    )
    exchange_occurred_on = fields.Field(
        column_name="exchange_occurred_on", attribute="exchange__occurred_on", readonly=True
    )
    commitment = fields.Field(
        column_name="commitment", attribute="exchange__commitment__slug", readonly=True
    )
    exchange = fields.Field(
        column_name="exchange", attribute="exchange", widget=widgets.ForeignKeyWidget(Exchange)
    )

    computed_columns = ("exchange",)
    duplicate_key = (
        "exchange_title",
        "exchange_occurred_on",
        "receiving_side",
        "category",
        "claimed_by",
    )

    class Meta(AllOrNothingResource.Meta):
        model = ExchangeCount
        fields = [
            "exchange_title",
            "exchange_kind",
            "exchange_occurred_on",
            "commitment",
            "exchange",
            "receiving_side",
            "category",
            "quantity",
            "precision",
            "claimed_by",
            "confidence",
            "note",
            "sources",
        ]
        import_id_fields = ["exchange", "receiving_side", "category", "claimed_by"]

    required_columns = (
        "exchange_title",
        "exchange_occurred_on",
        "receiving_side",
        "category",
        "quantity",
        "claimed_by",
    )

    def locate(self, row, errors, **kwargs):
        title = str(row.get("exchange_title") or "").strip()
        if not title:
            errors.setdefault("exchange_title", []).append("Give the exchange's title.")
        try:
            occurred_on = datetime.date.fromisoformat(str(row.get("exchange_occurred_on")).strip())
        except ValueError:
            occurred_on = None
            errors.setdefault("exchange_occurred_on", []).append(
                gettext("Give the exchange's date as YYYY-MM-DD.")
            )
        slug = str(row.get("commitment") or "").strip()
        commitment = Commitment.objects.filter(slug=slug).first() if slug else None
        if slug and commitment is None:
            errors.setdefault("commitment", []).append(
                gettext("No commitment with slug %(slug)s.") % {"slug": repr(slug)}
            )
        kind = str(row.get("exchange_kind") or "").strip()
        kind = codes_by_label(ExchangeKind.choices).get(kind.lower(), kind)
        if kind and kind not in ExchangeKind.values:
            codes = ", ".join(ExchangeKind.values)
            errors.setdefault("exchange_kind", []).append(
                gettext("%(value)s is not one of: %(codes)s (or their labels).")
                % {"value": repr(kind), "codes": codes}
            )
        if errors:
            return
        exchange = Exchange.objects.filter(title=title, occurred_on=occurred_on).first()
        if exchange is None:
            exchange = self.create_exchange(
                row, title, occurred_on, commitment, kind, kwargs.get("user")
            )
        row["exchange"] = exchange.pk

    def create_exchange(self, row, title, occurred_on, commitment, kind, user) -> Exchange:
        exchange = Exchange(
            title=title,
            kind=kind,
            occurred_on=occurred_on,
            commitment=commitment,
        )
        exchange.full_clean()  # what is still wrong with the new exchange is this row's error
        exchange._change_reason = "Imported from CSV"
        if user is not None:
            exchange._history_user = user
        exchange.save()
        exchange.sources.set(Source.objects.filter(code__in=source_codes(row.get("sources"))))
        return exchange
