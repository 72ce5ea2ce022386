"""Public pages for the positions app, and the site-wide search and change feeds."""

from django.urls import path

from positions import feeds, search

app_name = "positions"

urlpatterns = [
    path("search/", search.search, name="search"),
    path("changes/", feeds.changes, name="changes"),
    path("feeds/changes.atom", feeds.ChangesFeed(), name="changes-feed"),
]
