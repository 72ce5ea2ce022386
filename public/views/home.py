"""The page a reader starts from: the rounds, the key figures and the latest changes."""

from django.shortcuts import render

from positions.models import Exchange
from record import changes, tallies
from talks.models import Round, RoundStatus


def home(request):
    rounds = Round.objects.published().select_related("venue").order_by("number")
    istanbul_exchanges = (
        Exchange.objects.published()
        .top_level()
        .filter(commitment__round__isnull=False)
        .exclude(linkage_confidence__in=tallies.NOT_COUNTED)
        .prefetch_related("counts")
    )
    return render(
        request,
        "public/home.html",
        {
            "rounds": rounds.with_heads(),
            "rounds_held": rounds.filter(status=RoundStatus.HELD).count(),
            "figures": tallies.tally(istanbul_exchanges, grouped=True),
            "changes": changes.recent_changes(limit=10),
        },
    )
