"""The API's totals: people and bodies each side received, per claimant, as the commitment
tracker adds them up (record.tallies)."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers

from api.base import PublicAPIView
from api.views.common import PAGE_PARAMS, page_of
from provenance.models import Claimant, Side
from record import tallies
from talks.models import Track

EXCLUDED = tallies.EXCLUDED
INCLUDED = tallies.INCLUDED

TOTAL_ITEM = {
    "scope": serializers.CharField(
        help_text="`record`: every exchange in the record, linked to an agreement or not, each "
        "once (whatever its link, under both `uncertain_links`); `agreements`: the exchanges that carry out any agreement; otherwise a track's "
        "slug: the exchanges that carry out that track's agreements."
    ),
    "uncertain_links": serializers.ChoiceField(
        choices=[EXCLUDED, INCLUDED],
        help_text="`excluded`: exchanges whose link to their agreement is uncertain or contested "
        "are left out, as the tracker's totals per track do; `included`: they are added too. "
        "The `record` scope counts them under both: the doubt is about the agreement, not "
        "about the exchange.",
    ),
    "receiving_side": serializers.ChoiceField(choices=Side.choices),
    "category": serializers.ChoiceField(
        choices=[tallies.PEOPLE, tallies.BODIES],
        help_text="people (prisoners of war, civilians, children) or bodies.",
    ),
    "claimant": serializers.ChoiceField(choices=Claimant.choices),
    "quantity": serializers.IntegerField(
        help_text="The total the site shows for this claimant: where it gave no figure for an "
        "exchange, the receiving side's own (else the other claimant's) is counted instead."
    ),
    "qualifier": serializers.CharField(help_text="`at least`, `about`, or blank for exact."),
    "own_quantity": serializers.IntegerField(
        help_text="The claimant's own figures only: the sum of its exchange-counts rows."
    ),
    "claimant_exchanges": serializers.IntegerField(
        help_text="How many of the exchanges the claimant gave a figure of its own for."
    ),
    "exchanges": serializers.IntegerField(help_text="How many exchanges the total covers."),
    "figures_differ": serializers.BooleanField(
        help_text="The claimants' totals for this side and category differ."
    ),
}


class TotalsView(PublicAPIView):
    """People and bodies each side received, per claimant: across the whole record, under every
    agreement and under each track's, with and without uncertain links — the commitment tracker's
    figures. Stages of a reported total are inside their total, never added again. Three
    queries, whatever the size of the record."""

    extra_params = ()
    csv_columns = list(TOTAL_ITEM)

    @extend_schema(
        operation_id="totals_list",
        parameters=PAGE_PARAMS,
        responses=page_of("Total", TOTAL_ITEM),
    )
    def get(self, request, *args, **kwargs):
        # Every exchange once: a stage's counts are inside its reported total's.
        exchanges = list(tallies.totals_exchanges())
        tracks = list(Track.objects.published())
        items = [
            {
                "scope": scope,
                "uncertain_links": uncertain_links,
                "receiving_side": line.side,
                "category": line.category,
                "claimant": figure.claimant,
                "quantity": figure.quantity,
                "qualifier": figure.qualifier,
                "own_quantity": figure.own_quantity,
                "claimant_exchanges": figure.exchanges,
                "exchanges": line.exchanges,
                "figures_differ": line.sides_differ,
            }
            for scope, uncertain_links, chosen in tallies.scopes(exchanges, tracks)
            for line in tallies.tally(chosen, grouped=True)
            for figure in line.figures
        ]
        return self.paginated(request, items)
