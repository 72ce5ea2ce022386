"""Public pages for rounds, delegations and events."""

from django.urls import path

from talks import views

app_name = "talks"

urlpatterns = [
    path("", views.home, name="home"),
]
