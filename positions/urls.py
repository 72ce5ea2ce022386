"""Public pages for the positions app, and the site-wide search and change feeds."""

from django.urls import path

from positions import feeds, search
from provenance.versioning import conditional_on_content

app_name = "positions"

urlpatterns = [
    path("search/", search.search, name="search"),
    path("changes/", feeds.changes, name="changes"),
    path("feeds/changes.atom", conditional_on_content(feeds.ChangesFeed()), name="changes-feed"),
    path(
        "feeds/rounds/<int:number>/changes.atom",
        conditional_on_content(feeds.RoundChangesFeed()),
        name="round-changes-feed",
    ),
]
