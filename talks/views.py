"""Public pages for rounds, delegations and events."""

from django.shortcuts import render

from talks.models import Round


def home(request):
    rounds = Round.objects.published().select_related("venue").order_by("number")
    return render(request, "talks/home.html", {"rounds": rounds})
