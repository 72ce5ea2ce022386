"""Public pages for the actors app."""

from django.urls import path  # noqa: F401

app_name = "actors"

urlpatterns: list = []
