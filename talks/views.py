"""Public pages for rounds, events, the timeline and the home page.

The one-way rule (talks never imports positions) binds the models. These views are the site's top
layer: a round page shows the positions and commitments made there, so they read positions too.
"""

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render

from actors.models import Organization, Person
from positions import changes, charts, progress
from positions.models import Commitment, Document, Exchange, Position
from positions.timeline import KINDS, TimelineFilterForm, attach_sources, by_month, entries
from provenance.models import Side
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

TIMELINE_PAGE_SIZE = 25


def home(request):
    rounds = Round.objects.published().select_related("venue").order_by("number")
    istanbul_exchanges = (
        Exchange.objects.published()
        .top_level()
        .filter(commitment__round__isnull=False)
        .exclude(linkage_confidence__in=progress.NOT_COUNTED)
        .prefetch_related("counts")
    )
    return render(
        request,
        "talks/home.html",
        {
            "rounds": rounds.prefetch_related(_heads()),
            "rounds_held": rounds.filter(status=RoundStatus.HELD).count(),
            "figures": progress.tally(istanbul_exchanges, grouped=True),
            "changes": changes.recent_changes(limit=10),
        },
    )


def _heads():
    """Each published delegation with its head, for one-line 'led by' summaries."""
    heads = Participant.objects.published().filter(role=ParticipantRole.HEAD)
    return Prefetch(
        "delegations",
        queryset=Delegation.objects.published()
        .filter(side__in=Side.values)
        .order_by("-side")  # Ukraine, then Russia, as on the round page
        .prefetch_related(Prefetch("participants", queryset=heads.select_related("person"))),
    )


def timeline(request):
    form = TimelineFilterForm(request.GET or None)
    rows = []
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        rows = entries(
            kinds=data["kind"],
            side=data["side"],
            issue=data["issue"],
            date_from=data["date_from"],
            date_to=data["date_to"],
        )
    elif not form.is_bound:
        rows = entries()
    page = Paginator(rows, TIMELINE_PAGE_SIZE).get_page(request.GET.get("page"))
    attach_sources(page.object_list)
    return render(
        request,
        "talks/timeline.html",
        {
            "form": form,
            "page": page,
            "total": len(rows),
            "chart": charts.timeline_chart(rows, KINDS),
            "by_month": by_month(rows),
            "kinds": KINDS,
        },
    )


def round_list(request):
    rounds = (
        Round.objects.published()
        .select_related("venue")
        .prefetch_related(_heads(), "sources")
        .order_by("number")
    )
    return render(request, "talks/round_list.html", {"rounds": rounds})


def round_detail(request, number: int):
    round_ = get_object_or_404(
        Round.objects.published()
        .select_related("venue", "chair")
        .prefetch_related(
            Prefetch("hosts", queryset=Organization.objects.published()),
            "sources",
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
        .prefetch_related("sources", _exchanges_with_counts())
    )
    return render(
        request,
        "talks/round_detail.html",
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


def _exchanges_with_counts():
    return Prefetch(
        "exchanges",
        queryset=Exchange.objects.published().prefetch_related("counts"),
    )


def side_by_side(positions) -> list[dict]:
    """Positions grouped per issue: [{"issue": …, "ukraine": …, "russia": …}], in issue order."""
    rows: dict[int, dict] = {}
    for position in positions:
        row = rows.setdefault(position.issue_id, {"issue": position.issue})
        row[position.side] = position
    return list(rows.values())


def event_detail(request, pk: int):
    event = get_object_or_404(
        Event.objects.published()
        .select_related("venue", "round")
        .prefetch_related(
            "sources",
            "issues",
            Prefetch("people", queryset=Person.objects.published()),
            Prefetch("organizations", queryset=Organization.objects.published()),
        ),
        pk=pk,
    )
    return render(request, "talks/event_detail.html", {"event": event})


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
