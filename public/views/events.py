"""An event's page: what happened, when, who and what it is about."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render

from actors.models import Organization, Person
from talks.models import Event


def event_detail(request, pk: int):
    event = get_object_or_404(
        Event.objects.published()
        .select_related("venue__city", "round__track", "track")
        .prefetch_related(
            "sources",
            "issues",
            Prefetch("people", queryset=Person.objects.published()),
            Prefetch("organizations", queryset=Organization.objects.published()),
        ),
        pk=pk,
    )
    return render(request, "public/event_detail.html", {"event": event})
