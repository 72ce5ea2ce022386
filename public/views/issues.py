"""Issue pages: each side's stance per round, and what moved between rounds."""

from itertools import groupby

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render

from positions.models import Commitment, Document, Issue, Position, Provision
from record import tallies as progress
from talks.models import Round


def issue_list(request):
    issues = Issue.objects.prefetch_related(
        Prefetch(
            "positions",
            queryset=Position.objects.published()
            .select_related("round__track")
            .order_by("round__held_on", "round__number"),
        )
    )
    rows = []
    for issue in issues:
        latest = {position.side: position for position in issue.positions.all()}
        rows.append(
            {"issue": issue, "ukraine": latest.get("ukraine"), "russia": latest.get("russia")}
        )
    return render(request, "public/issue_list.html", {"rows": rows})


def issue_detail(request, slug: str):
    issue = get_object_or_404(Issue, slug=slug)
    positions = (
        Position.objects.published()
        .filter(issue=issue)
        .select_related("document")
        .prefetch_related("sources")
        # Rounds in date order across tracks; groupby in position_matrix needs each round's
        # positions together, hence the round's id before the side.
        .order_by("round__held_on", "round__number", "round_id", "side")
    )
    commitments = (
        Commitment.objects.published()
        .filter(issue=issue)
        .select_related("round__track", "track", "issue")
        .prefetch_related("sources", progress.exchanges_with_counts())
    )
    documents = (
        Document.objects.published()
        .filter(pk__in=Provision.objects.filter(issues=issue).values("document"))
        .select_related("round__track")
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
        "public/issue_detail.html",
        {
            "issue": issue,
            "matrix": position_matrix(
                # Every round of the tracks where a position on this issue is recorded, so a
                # round where a side stated nothing says so; tracks with none would add only gaps.
                Round.objects.published()
                .filter(
                    track__in=Position.objects.published()
                    .filter(issue=issue)
                    .values("round__track")
                )
                .select_related("track")
                .order_by("held_on", "number"),
                positions,
            ),
            "commitments": [(c, progress.progress(c)) for c in commitments],
            "documents": documents,
            "events": issue.events.published().prefetch_related("sources"),
        },
    )


def position_matrix(rounds, positions) -> list[dict]:
    """One row per round: each side's position and how it compares with that side's last one,
    as ``position.movement``: "first"; "stance" (the stance changed: movement); "reworded"
    (the same stance in other words, which is not movement: each round's summary says what was
    said there, so the wording differs almost every round); "" (the same stance and words).

    Every round given gets a row, so a round where a side stated nothing says so.
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
                position.movement = "reworded"
            else:
                position.movement = ""
            position.previous = before
            previous[position.side] = position
            row[position.side] = position
        rows.append(row)
    return rows
