"""The page a reader starts from: the latest developments by the day they happened, the tracks and
their rounds, and the key figures per track. What changed in the database, and when, is on the
change log (/changes/), not here."""

from django.shortcuts import render

from positions.models import Exchange
from record import tallies, timeline
from talks.models import Round, RoundStatus, Track

NOT_TAKING_PLACE = (RoundStatus.POSTPONED, RoundStatus.CANCELLED)
# How many of the latest developments home lists; the timeline, newest first, has the rest.
LATEST_DEVELOPMENTS = 8


def home(request):
    rounds = list(
        Round.objects.published()
        .select_related("venue__city", "track")
        .with_heads()
        .order_by("held_on", "number")
    )
    # Exchanges that carry out an agreement made at a round, grouped by that round's track.
    under_agreements = (
        Exchange.objects.published()
        .filter(tallies.counted_q(), commitment__round__isnull=False)
        .select_related("commitment")
        .prefetch_related("counts")
    )
    under_agreements = list(under_agreements)
    by_track: dict[int, list] = {}
    for exchange in under_agreements:
        by_track.setdefault(exchange.commitment.track_id, []).append(exchange)
    tracks = []
    for track in Track.objects.published():
        own = [r for r in rounds if r.track_id == track.pk]
        tracks.append(
            {
                "track": track,
                "rounds": own,
                "held": sum(r.status == RoundStatus.HELD for r in own),
                "figures": tallies.tally(by_track.get(track.pk, []), grouped=True),
            }
        )
    return render(
        request,
        "public/home.html",
        {
            "tracks": tracks,
            # Across every track: what the agreements made at rounds have brought back.
            "figures": tallies.tally(under_agreements, grouped=True),
            # The latest round that took place or is due; a postponed one is not "latest".
            "latest": next((r for r in reversed(rounds) if r.status not in NOT_TAKING_PLACE), None),
            "rounds_held": sum(r.status == RoundStatus.HELD for r in rounds),
            # What happened last, by the day it happened (one query per dated kind).
            "developments": timeline.latest(LATEST_DEVELOPMENTS),
        },
    )
