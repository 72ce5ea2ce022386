"""Public pages for rounds, delegations and events."""

from django.urls import path

from talks import calendar, views

app_name = "talks"

urlpatterns = [
    path("", views.home, name="home"),
    path("rounds.ics", calendar.rounds_calendar, name="rounds-calendar"),
    path("rounds/<int:number>.ics", calendar.round_calendar, name="round-calendar"),
]
