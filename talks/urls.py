"""Public pages for rounds, events and the timeline; the home page lives here too."""

from django.urls import path

from talks import calendar, views

app_name = "talks"

urlpatterns = [
    path("", views.home, name="home"),
    path("timeline/", views.timeline, name="timeline"),
    # Rounds are addressed by their number: /rounds/2/ is the 2 June round.
    path("rounds/", views.round_list, name="round-list"),
    path("rounds/<int:number>/", views.round_detail, name="round-detail"),
    path("events/<int:pk>/", views.event_detail, name="event-detail"),
    path("rounds.ics", calendar.rounds_calendar, name="rounds-calendar"),
    path("rounds/<int:number>.ics", calendar.round_calendar, name="round-calendar"),
]
