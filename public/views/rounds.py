"""The list of rounds, and a round's page: delegations side by side, documents, each side's
positions, commitments."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render

from actors.models import Organization
from positions.models import Commitment, Document, Position
from provenance.models import Side
from record import tallies as progress
from talks.models import (
    MEMBER_ROLES,
    Delegation,
    DelegationSide,
    Event,
    Participant,
    ParticipantRole,
    Round,
    RoundStatus,
)


def round_list(request):
    rounds = (
        Round.objects.published()
        .select_related("venue")
        .with_heads()
        .prefetch_related("sources")
        .order_by("number")
    )
    return render(request, "public/round_list.html", {"rounds": rounds})


def round_detail(request, number: int):
    round_ = get_object_or_404(
        Round.objects.published()
        .select_related("venue", "chair")
        .prefetch_related(
            Prefetch("hosts", queryset=Organization.objects.published()),
            "sources",
            "venue__sources",
        ),
        number=number,
    )
    delegations = (
        Delegation.objects.published()
        .filter(round=round_)
        .select_related("organization")
        .prefetch_related(
            "sources",
            Prefetch(
                "participants",
                queryset=Participant.objects.published()
                .select_related("person", "represents")
                .prefetch_related("sources"),
            ),
        )
    )
    delegations = list(delegations)
    for delegation in delegations:
        people = list(delegation.participants.all())
        delegation.members_head_first = sorted(
            people, key=lambda p: (p.role != ParticipantRole.HEAD, p.order, p.person.name)
        )
        delegation.named_members = sum(p.role in MEMBER_ROLES for p in people)
    by_side = {d.side: d for d in delegations}
    positions = (
        Position.objects.published()
        .filter(round=round_)
        .select_related("issue", "document")
        .prefetch_related("sources")
    )
    commitments = (
        Commitment.objects.published()
        .filter(round=round_)
        .select_related("round", "issue")
        .prefetch_related("sources", progress.exchanges_with_counts())
    )
    return render(
        request,
        "public/round_detail.html",
        {
            "round": round_,
            "sides": [by_side.get(DelegationSide.UKRAINE), by_side.get(DelegationSide.RUSSIA)],
            "others": [
                d
                for d in (by_side.get(DelegationSide.HOST), by_side.get(DelegationSide.PARTNERS))
                if d
            ],
            "documents": Document.objects.published()
            .filter(round=round_)
            .prefetch_related("sources"),
            "issue_rows": side_by_side(positions),
            "commitments": [(c, progress.progress(c)) for c in commitments],
            "events": Event.objects.published().filter(round=round_).prefetch_related("sources"),
            "json_ld": round_json_ld(request, round_, delegations),
        },
    )


def side_by_side(positions) -> list[dict]:
    """Positions grouped per issue: [{"issue": …, "ukraine": …, "russia": …}], in issue order."""
    rows: dict[int, dict] = {}
    for position in positions:
        row = rows.setdefault(position.issue_id, {"issue": position.issue})
        row[position.side] = position
    return list(rows.values())


EVENT_STATUS = {
    RoundStatus.POSTPONED: "https://schema.org/EventPostponed",
    RoundStatus.CANCELLED: "https://schema.org/EventCancelled",
}


def round_json_ld(request, round_, delegations) -> dict:
    """schema.org Event for a round (research/ecosystem.md §1.7)."""
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": str(round_),
        "url": request.build_absolute_uri(round_.get_absolute_url()),
        "startDate": round_.held_on.isoformat(),
        "eventStatus": EVENT_STATUS.get(round_.status, "https://schema.org/EventScheduled"),
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "organizer": [{"@type": "Organization", "name": o.name} for o in round_.hosts.all()],
        "attendee": [
            {
                "@type": "Organization",
                "name": d.organization.name
                if d.organization and d.organization.is_published
                else d.get_side_display(),
            }
            for d in delegations
            if d.side in Side.values
        ],
    }
    if round_.actual_start_at:
        data["startDate"] = round_.actual_start_at.astimezone(round_.tz).isoformat()
    if round_.actual_end_at:
        data["endDate"] = round_.actual_end_at.astimezone(round_.tz).isoformat()
    if round_.venue:
        data["location"] = {
            "@type": "Place",
            "name": round_.venue.name,
            "address": {
                "@type": "PostalAddress",
                "addressLocality": round_.venue.city,
                "addressCountry": round_.venue.country_code,
            },
        }
    return data
