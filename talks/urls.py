"""Public pages for the list of rounds, events and the rounds' calendar.

A round's own page, the home page and the timeline show positions and commitments too, so they
are served by positions (positions/urls.py).
"""

from django.urls import path

from talks import calendar, views

app_name = "talks"

urlpatterns = [
    path("rounds/", views.round_list, name="round-list"),
    path("events/<int:pk>/", views.event_detail, name="event-detail"),
    path("rounds.ics", calendar.rounds_calendar, name="rounds-calendar"),
    path("rounds/<int:number>.ics", calendar.round_calendar, name="round-calendar"),
]
