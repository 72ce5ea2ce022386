"""The about page: what the record covers and to when, how it is sourced and counted, what
every label means, how to cite it and how to report a correction."""

from collections import Counter
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Prefetch
from django.shortcuts import render

from public import glossary
from record.tallies import NOT_COUNTED
from talks.models import Round, RoundStatus, Track


@dataclass
class TrackSpan:
    """A track and the days its published rounds were held, computed from the rounds themselves
    (never from the track's typed dates): its first round, its last, and how many."""

    track: Track
    held: list[Round]
    others: dict[str, int]

    @property
    def first(self) -> Round | None:
        return self.held[0] if self.held else None

    @property
    def last(self) -> Round | None:
        # The round that ended last: a later round may be shorter than an earlier long one.
        return max(self.held, key=lambda r: r.ended_on or r.held_on) if self.held else None

    @classmethod
    def of(cls, track: Track) -> "TrackSpan":
        """From a track whose published `rounds` are prefetched in date order."""
        rounds = list(track.rounds.all())
        held = [r for r in rounds if r.status == RoundStatus.HELD]
        others = Counter(
            RoundStatus(r.status).label.lower() for r in rounds if r.status != RoundStatus.HELD
        )
        return cls(track, held, dict(others))


def about(request):
    """The about page. Three queries whatever the size of the record: the published tracks,
    their published rounds, and the latest review ("reviewed to", shared with the footer)."""
    tracks = Track.objects.published().prefetch_related(
        Prefetch("rounds", queryset=Round.objects.published().order_by("held_on", "number"))
    )
    terms = glossary.sections()
    return render(
        request,
        "public/about.html",
        {
            "spans": [TrackSpan.of(track) for track in tracks],
            "terms": terms,
            # The link confidences that keep an exchange out of an agreement's totals.
            "not_counted": [e for e in terms["confidence"].entries if e.value in NOT_COUNTED],
            "corrections_email": settings.CORRECTIONS_EMAIL,
        },
    )
