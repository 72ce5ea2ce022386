"""Negotiation tracks: the list of them, and a track's page with its appointed delegations, its
rounds, what was agreed in it and how far that was carried out."""

from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404, render

from actors.models import Organization
from positions.models import Commitment
from record import tallies
from talks.models import (
    Event,
    Round,
    StandingDelegation,
    StandingMember,
    Track,
)


def _parties_and_mediators():
    published = Organization.objects.published().order_by("name_en")
    return (
        Prefetch("parties", queryset=published),
        Prefetch("mediators", queryset=published),
    )


def track_list(request):
    """Every published track with its rounds. Four queries for any number of tracks."""
    tracks = Track.objects.published().prefetch_related(
        *_parties_and_mediators(),
        Prefetch(
            "rounds",
            queryset=Round.objects.published().select_related("venue__city", "track"),
        ),
    )
    return render(request, "public/track_list.html", {"tracks": tracks})


def track_detail(request, slug: str):
    track = get_object_or_404(
        Track.objects.published().prefetch_related(*_parties_and_mediators(), "sources"),
        slug=slug,
    )
    members = (
        StandingMember.objects.published()
        .select_related("person")
        .prefetch_related("sources")
        .order_by("order", "person__name")
    )
    # Appointed for this track, or attending its rounds (decree 869/2025's delegation was
    # appointed for the talks with the US and sits in the trilateral rounds too).
    standing = (
        StandingDelegation.objects.published()
        .filter(Q(track=track) | Q(round_delegations__round__track=track))
        .distinct()
        .select_related("organization", "track")
        .prefetch_related("sources", Prefetch("members", queryset=members))
    )
    rounds = (
        Round.objects.published()
        .filter(track=track)
        .select_related("venue__city", "track")
        .with_heads()
        .prefetch_related("sources")
    )
    commitments = (
        Commitment.objects.published()
        .filter(track=track)
        .select_related("round__track", "issue")
        .prefetch_related("sources", tallies.exchanges_with_counts())
    )
    rows = [(c, tallies.progress(c)) for c in commitments]
    counted = [x for _, p in rows for x in p.counted]
    return render(
        request,
        "public/track_detail.html",
        {
            "track": track,
            "standing": standing,
            "rounds": rounds,
            "rows": rows,
            "totals": tallies.tally(counted, grouped=True),
            "events": Event.objects.published()
            .filter(track=track, round__isnull=True)
            .prefetch_related("sources"),
        },
    )
