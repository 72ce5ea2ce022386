"""Public pages for issues, documents, commitments and exchanges, and the site-wide search and
change feeds."""

from django.urls import path

from positions import feeds, search, views
from provenance.versioning import conditional_on_content

app_name = "positions"

urlpatterns = [
    path("issues/", views.issue_list, name="issue-list"),
    path("issues/<slug:slug>/", views.issue_detail, name="issue-detail"),
    path("documents/", views.document_list, name="document-list"),
    path("documents/<slug:slug>/", views.document_detail, name="document-detail"),
    path("commitments/", views.commitment_list, name="commitment-list"),
    path("commitments/<slug:slug>/", views.commitment_detail, name="commitment-detail"),
    path("exchanges/<int:pk>/", views.exchange_detail, name="exchange-detail"),
    path("search/", search.search, name="search"),
    path("changes/", feeds.changes, name="changes"),
    path("feeds/changes.atom", conditional_on_content(feeds.ChangesFeed()), name="changes-feed"),
    path(
        "feeds/rounds/<int:number>/changes.atom",
        conditional_on_content(feeds.RoundChangesFeed()),
        name="round-changes-feed",
    ),
    path(
        "feeds/people/<slug:slug>/changes.atom",
        conditional_on_content(feeds.PersonChangesFeed()),
        name="person-changes-feed",
    ),
]
