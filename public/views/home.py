"""The page a reader starts from: the latest developments by the day they happened, the tracks and
their latest rounds, and the key figures per track. What changed in the database, and when, is on
the change log (/changes/), not here.

Home is where readers arrive when a round is published, which is also when every cached page goes
cold, so it is built to cost the same whatever the size of the record: at most HOME_TRACKS tracks,
each with its latest HOME_ROUNDS rounds and the figures of its own agreements, and a fixed number
of queries. The tracks page and each track's page have everything.
"""

from django.db.models import Count, F, Q, Window
from django.db.models.functions import RowNumber
from django.shortcuts import render

from positions.models import Exchange
from record import tallies, timeline
from talks.models import Round, RoundStatus, Track

NOT_TAKING_PLACE = (RoundStatus.POSTPONED, RoundStatus.CANCELLED)
# How many of the latest developments home lists; the timeline, newest first, has the rest.
LATEST_DEVELOPMENTS = 8
# Tracks shown, in the editors' order, and each one's latest rounds; the record has 4 tracks of
# at most 6 rounds, so today every round is on home, and a longer record links to the rest.
HOME_TRACKS = 6
HOME_ROUNDS = 8


def home(request):
    published = Track.objects.published().order_by("order", "started_on", "id")
    shown = list(published[:HOME_TRACKS])
    rounds = _latest_rounds(shown)
    counts = {
        row["track"]: row
        for row in Round.objects.published()
        .filter(track__in=shown)
        .values("track")
        .annotate(all=Count("id"), held=Count("id", filter=Q(status=RoundStatus.HELD)))
        .order_by()
    }
    # Exchanges that carry out an agreement made at a round of a shown track, by that track.
    under_agreements = (
        Exchange.objects.published()
        .filter(tallies.counted_q(), commitment__round__isnull=False, commitment__track__in=shown)
        .select_related("commitment")
        .prefetch_related("counts")
    )
    by_track: dict[int, list] = {}
    for exchange in under_agreements:
        by_track.setdefault(exchange.commitment.track_id, []).append(exchange)
    tracks = []
    for track in shown:
        own = [r for r in rounds if r.track_id == track.pk]
        count = counts.get(track.pk, {"all": 0, "held": 0})
        tracks.append(
            {
                "track": track,
                "rounds": own,
                "earlier": count["all"] - len(own),
                "held": count["held"],
                "figures": tallies.tally(by_track.get(track.pk, []), grouped=True),
            }
        )
    return render(
        request,
        "public/home.html",
        {
            "tracks": tracks,
            # Counted whatever the number shown, so the page's queries are the same at any size.
            "more_tracks": published.count() - len(shown),
            # The latest round that took place or is due; a postponed one is not "latest".
            "latest": Round.objects.published()
            .exclude(status__in=NOT_TAKING_PLACE)
            .order_by("-held_on", "-number", "-id")
            .first(),
            "rounds_held": Round.objects.published().filter(status=RoundStatus.HELD).count(),
            # What happened last, by the day it happened (one query per dated kind).
            "developments": timeline.latest(LATEST_DEVELOPMENTS),
        },
    )


def _latest_rounds(tracks) -> list[Round]:
    """The latest HOME_ROUNDS published rounds of each track, oldest first, with who led them
    (three queries for any number of rounds)."""
    latest_first = Window(
        RowNumber(),
        partition_by=[F("track_id")],
        order_by=[F("held_on").desc(), F("number").desc(), F("id").desc()],
    )
    return list(
        Round.objects.published()
        .filter(track__in=tracks)
        .annotate(recency=latest_first)
        .filter(recency__lte=HOME_ROUNDS)
        .select_related("venue__city", "track")
        .with_heads()
        .order_by("held_on", "number")
    )
