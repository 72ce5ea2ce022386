"""The page a reader starts from: the tracks and their rounds, the key figures per track and the
latest changes."""

from django.shortcuts import render

from positions.models import Exchange
from record import changes, tallies
from talks.models import Round, RoundStatus, Track

NOT_TAKING_PLACE = (RoundStatus.POSTPONED, RoundStatus.CANCELLED)


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
            "changes": changes.recent_changes(limit=10),
        },
    )
