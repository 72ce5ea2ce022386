"""Public pages for the list of rounds and for events.

The pages that combine rounds with positions and commitments (home, timeline, a round's page)
are served by positions, which may read talks; talks reads nothing from positions.
"""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render

from actors.models import Organization, Person
from talks.models import Event, Round


def round_list(request):
    rounds = (
        Round.objects.published()
        .select_related("venue")
        .with_heads()
        .prefetch_related("sources")
        .order_by("number")
    )
    return render(request, "talks/round_list.html", {"rounds": rounds})


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
