"""One honest total: how many people and bodies have come home, each way, according to whom,
across the whole record, under every agreement and per track — the figures of
`/api/v1/totals/`, from the same function (record.tallies.scopes)."""

from django.shortcuts import render

from record import tallies
from talks.models import Track


def _section(scope: str, by_key: dict, track=None) -> dict:
    """One scope's totals: its lines without and with uncertain links, and the exchanges each
    adds (`exchanges`, `left_out`: those only the second adds, `outside`: linked to no
    agreement)."""
    sure, every = by_key[scope, tallies.EXCLUDED], by_key[scope, tallies.INCLUDED]
    added = {x.pk for x in sure}
    return {
        "scope": scope,
        "track": track,
        "exchanges": sure,
        "lines": tallies.tally(sure, grouped=True),
        "left_out": [x for x in every if x.pk not in added],
        "with_left_out": tallies.tally(every, grouped=True),
        "outside": [x for x in sure if not x.commitment_id],
    }


def totals(request):
    """GET /totals/: the record's totals per claimant, each with what it counts and leaves out.

    Out: `record`, `agreements` and `tracks` (one per published track), each a `_section`.
    Three queries (published top-level exchanges, their counts, published tracks) plus the
    footer's review date, however many exchanges there are.
    """
    exchanges = list(tallies.totals_exchanges())
    tracks = list(Track.objects.published())
    by_key = {(scope, links): chosen for scope, links, chosen in tallies.scopes(exchanges, tracks)}
    return render(
        request,
        "public/totals.html",
        {
            "record": _section(tallies.RECORD, by_key),
            "agreements": _section(tallies.AGREEMENTS, by_key),
            "tracks": [_section(t.slug, by_key, track=t) for t in tracks],
        },
    )
