"""The production URLconf plus the data floors under /_bench/floor/ (bench only)."""

from django.urls import path

from config.urls import *  # noqa: F403
from config.urls import urlpatterns as site_urlpatterns
from scripts.bench_site.floors import floor

urlpatterns = [path("_bench/floor/<str:name>/", floor, name="bench-floor"), *site_urlpatterns]
