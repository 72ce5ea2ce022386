"""The commitment tracker, commitment pages and exchange pages: what was agreed, and how far
it has been carried out."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from actors.models import Organization
from positions.models import Commitment, Exchange, ExchangeCount
from provenance.models import RecordReview, Side
from public import charts
from record import tallies as progress
from talks.models import Track


def commitment_list(request):
    """Every commitment with its running totals, grouped by the track it was made in; the
    totals per track and across the whole record, each figure with who claims it; and what the
    mediators say about their own running counts."""
    commitments = (
        Commitment.objects.published()
        .select_related("round__track", "track", "issue")
        .prefetch_related("sources", progress.exchanges_with_counts())
    )
    rows = [(c, progress.progress(c)) for c in commitments]
    # Every exchange once (stages are inside their reported totals), linked or not.
    every = list(
        Exchange.objects.published()
        .top_level()
        .select_related("mediator")
        .prefetch_related("counts")
    )
    tracks = []
    for track in Track.objects.published():
        own = [(c, p) for c, p in rows if c.track_id == track.pk]
        if own:
            counted = [x for _, p in own for x in p.counted]
            tracks.append(
                {"track": track, "rows": own, "totals": progress.tally(counted, grouped=True)}
            )
    listed = {c.pk for item in tracks for c, _ in item["rows"]}
    # Read once here for the charts' end, and handed to the footer, which would read it again.
    review = RecordReview.objects.latest()
    outside = [x for x in every if not x.commitment_id]
    return render(
        request,
        "public/commitment_list.html",
        {
            "rows": rows,
            "tracks": tracks,
            "other_rows": [(c, p) for c, p in rows if c.pk not in listed],
            # Only agreements made at a round are drawn over time.
            "charts": _charts([x for c, p in rows if c.round_id for x in p.counted], review),
            "record_review": review,
            "outside": outside,
            "outside_totals": progress.tally(outside, grouped=True),
            "overall_totals": progress.tally(every, grouped=True),
            "overall_exchanges": len(every),
            "mediator_claims": [
                x
                for x in every
                if x.mediator
                and x.mediator.is_published
                and (x.mediator_running_total or x.mediator_ordinal)
            ],
        },
    )


CHART_NOUNS = {progress.PEOPLE: _("People"), progress.BODIES: _("Bodies")}


def _charts(exchanges, review=None) -> list[dict]:
    """People and bodies each side received over time: one chart per group and receiving side,
    one running-total line per party that claims figures for it (record.tallies.claimed_series),
    drawn to the record's reviewed-to day (`review`, a RecordReview or None). Each item has its
    table `rows` (date, then each line's running total and whether the figure is its own) and
    the parties that published no figure at all (`silent`), for the caption."""
    until = review.reviewed_to if review else None
    result = []
    for group in (progress.PEOPLE, progress.BODIES):
        every = progress.claimed_series(exchanges, group)
        for side, side_label in Side.choices:
            series = [s for s in every if s.side == side]
            chart = charts.step_chart(
                series,
                until=until,
                y_title=gettext("%(noun)s, running total") % {"noun": CHART_NOUNS[group]},
            )
            if not chart:
                continue
            claimants = {s.claimant for s in series}
            result.append(
                {
                    "key": f"{group}-{side}",
                    "group": group,
                    "side": side,
                    "label": gettext("%(category)s to %(side)s")
                    % {"category": progress.GROUP_LABELS[group], "side": side_label},
                    "chart": chart,
                    "series": series,
                    "rows": [
                        (points[0][0], [(total, own) for _, total, own in points])
                        for points in zip(*(s.points for s in series), strict=True)
                    ],
                    "silent": [label for value, label in Side.choices if value not in claimants],
                }
            )
    return result


def commitment_detail(request, slug: str):
    commitment = get_object_or_404(
        Commitment.objects.published()
        .select_related("round__track", "track", "issue")
        .prefetch_related(
            "sources",
            Prefetch(
                "exchanges",
                queryset=Exchange.objects.published()
                .select_related("mediator", "part_of")
                .prefetch_related("sources", _counts()),
            ),
        ),
        slug=slug,
    )
    state = progress.progress(commitment)
    review = RecordReview.objects.latest()
    return render(
        request,
        "public/commitment_detail.html",
        {
            "commitment": commitment,
            "progress": state,
            "charts": _charts(state.counted, review),
            "record_review": review,
        },
    )


def _counts():
    return Prefetch("counts", queryset=ExchangeCount.objects.prefetch_related("sources"))


def exchange_detail(request, pk: int):
    exchange = get_object_or_404(
        Exchange.objects.published()
        .select_related("commitment__round__track", "commitment__track", "part_of")
        .prefetch_related(
            "sources",
            _counts(),
            Prefetch("stages", queryset=Exchange.objects.published().prefetch_related("counts")),
        ),
        pk=pk,
    )
    mediator = (
        Organization.objects.published().filter(pk=exchange.mediator_id).first()
        if exchange.mediator_id
        else None
    )
    part_of = exchange.part_of if exchange.part_of and exchange.part_of.is_published else None
    return render(
        request,
        "public/exchange_detail.html",
        {
            "exchange": exchange,
            "mediator": mediator,
            "part_of": part_of,
            "totals": progress.tally([exchange]),
            "sides": Side.choices,
        },
    )
