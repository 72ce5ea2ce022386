"""Public pages for the positions app."""

from django.urls import path  # noqa: F401

app_name = "positions"

urlpatterns: list = []
