"""Public pages for the provenance app."""

from django.urls import path  # noqa: F401

app_name = "provenance"

urlpatterns: list = []
