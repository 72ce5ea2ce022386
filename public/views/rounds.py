"""The list of rounds, and a round's page: what happened first, then delegations side by side,
documents, each side's positions, commitments, with the sources as numbered notes per section."""

import re
from itertools import groupby

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from actors.models import Organization
from positions.models import Commitment, Document, Position
from provenance.markup import lists_start_blocks
from provenance.models import Confidence, Side
from provenance.translated import ORIGINAL_LANGUAGE
from public import linked_data
from public.notes import SourceNotes
from record import tallies as progress
from record.languages import text_language
from talks.models import (
    DEFAULT_TRACK,
    MEMBER_ROLES,
    Delegation,
    DelegationSide,
    Event,
    Participant,
    ParticipantRole,
    Round,
    RoundFormat,
    RoundStatus,
)

# Formats in which both Ukraine and Russia are expected at the table: a side with no delegation
# recorded is said so. In consultations or a summit, only who came is listed.
BOTH_SIDES_EXPECTED = {
    "",
    RoundFormat.PLENARY,
    RoundFormat.HEADS_THEN_PLENARY,
    RoundFormat.HEADS_ONLY,
    RoundFormat.BILATERAL,
    RoundFormat.TRILATERAL,
}


def round_list(request):
    """Every published round, grouped by track in the tracks' order."""
    rounds = (
        Round.objects.published()
        .select_related("venue__city", "track")
        .with_heads()
        .prefetch_related("sources")
        .order_by("track__order", "track__started_on", "track_id", "number")
    )
    by_track = [
        {"track": track, "rounds": list(group)}
        for track, group in groupby(rounds, key=lambda r: r.track)
    ]
    return render(request, "public/round_list.html", {"rounds": rounds, "by_track": by_track})


def round_detail(request, number: int, track_slug: str = DEFAULT_TRACK):
    """A round by its number within its track; the Istanbul talks' rounds answer at /rounds/<n>/,
    the address they had before tracks, and their /tracks/istanbul/… form redirects there."""
    round_ = get_object_or_404(
        Round.objects.published()
        .select_related("venue__city", "chair", "track")
        .prefetch_related(
            Prefetch("hosts", queryset=Organization.objects.published()),
            "sources",
            "venue__sources",
        ),
        track__slug=track_slug,
        number=number,
    )
    if request.path != round_.get_absolute_url():
        return redirect(round_.get_absolute_url(), permanent=True)
    delegations = (
        Delegation.objects.published()
        .filter(round=round_)
        .select_related("organization", "standing")
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
        delegation.leaders, delegation.led_how = leaders(delegation.members_head_first)
    by_side = {d.side: d for d in delegations}
    sides = [by_side.get(DelegationSide.UKRAINE), by_side.get(DelegationSide.RUSSIA)]
    if round_.format not in BOTH_SIDES_EXPECTED:
        sides = [d for d in sides if d]
    if DelegationSide.MEDIATOR in by_side:
        sides.append(by_side[DelegationSide.MEDIATOR])
    others = [
        d for d in (by_side.get(DelegationSide.HOST), by_side.get(DelegationSide.PARTNERS)) if d
    ]
    positions = (
        Position.objects.published()
        .filter(round=round_)
        .select_related("issue", "document")
        .prefetch_related("sources")
    )
    issue_rows = side_by_side(positions)
    commitments = list(
        Commitment.objects.published()
        .filter(round=round_)
        .select_related("round__track", "track", "issue")
        .prefetch_related("sources", progress.exchanges_with_counts())
    )
    documents = list(Document.objects.published().filter(round=round_).prefetch_related("sources"))
    events = list(Event.objects.published().filter(round=round_).prefetch_related("sources"))

    # Numbered in the order the page shows the facts, so the notes read 1, 2, 3… down the page.
    notes = SourceNotes()
    notes.cite("when_where", round_, round_.venue)
    for delegation in [*filter(None, sides), *others]:
        notes.cite("delegations", delegation)
        for participant in delegation.members_head_first:
            # A member with no source and the default label adds nothing the delegation's own
            # sources do not say; one with its own sources or another label is shown.
            if participant.confidence != Confidence.SINGLE_SOURCE or participant.sources.all():
                notes.cite("delegations", participant)
    notes.cite("documents", *documents)
    for row in issue_rows:
        notes.cite("positions", row.get(Side.UKRAINE), row.get(Side.RUSSIA))
    notes.cite("commitments", *commitments)
    notes.cite("events", *events)

    lead_label, lead, background = summary_lead(round_.summary)
    return render(
        request,
        "public/round_detail.html",
        {
            "round": round_,
            "track": round_.track if round_.track.is_published else None,
            "lead_label": lead_label,
            "lead": lead,
            "background": background,
            "sides": sides,
            "others": others,
            "documents": documents,
            "issue_rows": issue_rows,
            "commitments": [(c, progress.progress(c)) for c in commitments],
            "events": events,
            "notes": notes.sections,
            "json_ld": round_json_ld(request, round_, delegations),
        },
    )


def leaders(people: list) -> tuple[list, str]:
    """Who a delegation's collapsed line names, and how: its heads ("Led by"); else the heads of
    state or government present ("Led by"); else its chairs ("Chaired by"); else nobody."""
    for role, how in (
        (ParticipantRole.HEAD, _("Led by")),
        (ParticipantRole.LEADER, _("Led by")),
        (ParticipantRole.CHAIR, _("Chaired by")),
    ):
        chosen = [p for p in people if p.role == role]
        if chosen:
            return chosen, how
    return [], ""


# "**Outcomes**", "**Outcomes announced**", "**Outcomes and statements**": the line editors put
# above a round's list of outcomes in its summary.
_OUTCOMES_LINE = re.compile(r"^\*\*\s*(Outcomes\b[^*]*?)[.:]?\s*\*\*[.:]?$", re.IGNORECASE)
_LIST_LINE = re.compile(r"^(?:[-*+]|\d+[.)])\s")


def summary_lead(summary: str) -> tuple[str, str, str]:
    """A round's Markdown summary → (label, lead, background), for a page that leads with what
    happened: the list of outcomes under the summary's "**Outcomes…**" line, with that line's
    words as its label, and the rest of the summary as background. A summary with no such list
    leads with its first paragraph, unlabelled. Nothing is added or reworded, only split."""
    blocks = [b.strip("\n") for b in re.split(r"\n[ \t]*\n", lists_start_blocks(summary or ""))]
    blocks = [b for b in blocks if b.strip()]
    for i, block in enumerate(blocks[:-1]):
        label = _OUTCOMES_LINE.match(block.strip())
        if label and _LIST_LINE.match(blocks[i + 1]):
            rest = blocks[:i] + blocks[i + 2 :]
            return label.group(1).strip(), blocks[i + 1], "\n\n".join(rest)
    if not blocks:
        return "", "", ""
    return "", blocks[0], "\n\n".join(blocks[1:])


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
    """schema.org Event for a round (research/ecosystem.md §1.7), its texts' languages said as
    public.linked_data says them."""
    name, page = str(round_), translation.get_language()
    if text_language(round_, "title", page) not in (page, None):
        # "Раунд 2: Second round…" is in no one language: the whole name in English.
        with translation.override(ORIGINAL_LANGUAGE):
            name = str(round_)
        name = linked_data.in_language(name, ORIGINAL_LANGUAGE)
    data = {
        "@context": linked_data.context(),
        "@type": "Event",
        "name": name,
        "url": request.build_absolute_uri(round_.get_absolute_url()),
        "startDate": round_.held_on.isoformat(),
        "eventStatus": EVENT_STATUS.get(round_.status, "https://schema.org/EventScheduled"),
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "organizer": [
            {"@type": "Organization", "name": linked_data.record_text(o, "name")}
            for o in round_.hosts.all()
        ],
        "attendee": [
            {
                "@type": "Organization",
                "name": linked_data.record_text(d.organization, "name")
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
    elif round_.ended_on:
        data["endDate"] = round_.ended_on.isoformat()
    if round_.venue:
        data["location"] = {
            "@type": "Place",
            "name": linked_data.record_text(round_.venue, "name"),
            "address": {
                "@type": "PostalAddress",
                "addressLocality": linked_data.record_text(round_.venue.city, "name"),
                "addressCountry": round_.venue.country_code,
            },
        }
    return data
