"""Public pages for issues, documents, commitments and exchanges."""

from itertools import groupby

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render

from actors.models import Organization
from positions import charts, progress
from positions.models import (
    Commitment,
    Document,
    Exchange,
    ExchangeCount,
    Issue,
    Position,
    Provision,
)
from provenance.models import Side
from talks.models import Round


def issue_list(request):
    issues = Issue.objects.prefetch_related(
        Prefetch(
            "positions",
            queryset=Position.objects.published().select_related("round").order_by("round__number"),
        )
    )
    rows = []
    for issue in issues:
        latest = {position.side: position for position in issue.positions.all()}
        rows.append(
            {"issue": issue, "ukraine": latest.get("ukraine"), "russia": latest.get("russia")}
        )
    return render(request, "positions/issue_list.html", {"rows": rows})


def issue_detail(request, slug: str):
    issue = get_object_or_404(Issue, slug=slug)
    positions = (
        Position.objects.published()
        .filter(issue=issue)
        .select_related("document")
        .prefetch_related("sources")
        .order_by("round__number", "side")
    )
    commitments = (
        Commitment.objects.published()
        .filter(issue=issue)
        .select_related("round", "issue")
        .prefetch_related("sources", _exchanges_with_counts())
    )
    documents = (
        Document.objects.published()
        .filter(pk__in=Provision.objects.filter(issues=issue).values("document"))
        .select_related("round")
        .prefetch_related(
            Prefetch(
                "provisions",
                queryset=Provision.objects.filter(issues=issue),
                to_attr="provisions_on_issue",
            )
        )
    )
    return render(
        request,
        "positions/issue_detail.html",
        {
            "issue": issue,
            "matrix": position_matrix(Round.objects.published().order_by("number"), positions),
            "commitments": [(c, progress.progress(c)) for c in commitments],
            "documents": documents,
            "events": issue.events.published().prefetch_related("sources"),
        },
    )


def position_matrix(rounds, positions) -> list[dict]:
    """One row per round: each side's position and whether it moved since that side's last one.

    Every published round gets a row, so a round where a side stated nothing says so.
    """
    by_round = {
        round_id: list(group) for round_id, group in groupby(positions, key=lambda p: p.round_id)
    }
    rows, previous = [], {}
    for round_ in rounds:
        row = {"round": round_}
        for position in by_round.get(round_.pk, []):
            before = previous.get(position.side)
            if before is None:
                position.movement = "first"
            elif before.stance != position.stance:
                position.movement = "stance"
            elif before.summary.strip() != position.summary.strip():
                position.movement = "summary"
            else:
                position.movement = ""
            position.previous = before
            previous[position.side] = position
            row[position.side] = position
        rows.append(row)
    return rows


def _exchanges_with_counts():
    return Prefetch(
        "exchanges",
        queryset=Exchange.objects.published().prefetch_related("counts"),
    )


def document_list(request):
    documents = Document.objects.published().select_related("round").prefetch_related("sources")
    return render(request, "positions/document_list.html", {"documents": documents})


def document_detail(request, slug: str):
    document = get_object_or_404(
        Document.objects.published()
        .select_related("round")
        .prefetch_related(
            "sources",
            Prefetch(
                "provisions",
                queryset=Provision.objects.prefetch_related("issues", "sources"),
            ),
        ),
        slug=slug,
    )
    sections = [
        (section, list(provisions))
        for section, provisions in groupby(document.provisions.all(), key=lambda p: p.section)
    ]
    return render(
        request,
        "positions/document_detail.html",
        {
            "document": document,
            "sections": sections,
            "positions": document.positions.published().select_related("issue", "round"),
        },
    )


def commitment_list(request):
    commitments = (
        Commitment.objects.published()
        .select_related("round", "issue")
        .prefetch_related("sources", _exchanges_with_counts())
    )
    rows = [(c, progress.progress(c)) for c in commitments]
    # Only agreements made at a round count as "under the Istanbul agreements".
    counted = [x for c, p in rows if c.round_id for x in p.counted]
    outside = (
        Exchange.objects.published()
        .top_level()
        .filter(commitment__isnull=True)
        .select_related("mediator")
        .prefetch_related("counts")
    )
    return render(
        request,
        "positions/commitment_list.html",
        {
            "rows": rows,
            "charts": _charts(counted),
            "outside": outside,
            "outside_totals": progress.tally(outside, grouped=True),
        },
    )


def _charts(exchanges) -> list[dict]:
    """People and bodies returned over time, one cumulative line per side, with its table."""
    result = []
    for group in (progress.PEOPLE, progress.BODIES):
        series = progress.cumulative(exchanges, group)
        chart = charts.step_chart(series)
        if chart:
            result.append(
                {
                    "group": group,
                    "label": progress.GROUP_LABELS[group],
                    "chart": chart,
                    "series": series,
                }
            )
    return result


def commitment_detail(request, slug: str):
    commitment = get_object_or_404(
        Commitment.objects.published()
        .select_related("round", "issue")
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
    return render(
        request,
        "positions/commitment_detail.html",
        {
            "commitment": commitment,
            "progress": state,
            "charts": _charts(state.counted),
        },
    )


def _counts():
    return Prefetch("counts", queryset=ExchangeCount.objects.prefetch_related("sources"))


def exchange_detail(request, pk: int):
    exchange = get_object_or_404(
        Exchange.objects.published()
        .select_related("commitment__round", "part_of")
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
        "positions/exchange_detail.html",
        {
            "exchange": exchange,
            "mediator": mediator,
            "part_of": part_of,
            "totals": progress.tally([exchange]),
            "sides": Side.choices,
        },
    )
