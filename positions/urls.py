"""Public pages for issues, documents, commitments and exchanges; the pages that combine them with
the rounds (home, timeline, a round's page); the site-wide search and change feeds."""

from django.urls import path

from positions import feeds, search
from positions.views import commitments, documents, home, issues, rounds
from provenance.versioning import conditional_on_content

app_name = "positions"

urlpatterns = [
    path("", home.home, name="home"),
    path("timeline/", home.timeline, name="timeline"),
    # Rounds are addressed by their number: /rounds/2/ is the 2 June round.
    path("rounds/<int:number>/", rounds.round_detail, name="round-detail"),
    path("issues/", issues.issue_list, name="issue-list"),
    path("issues/<slug:slug>/", issues.issue_detail, name="issue-detail"),
    path("documents/", documents.document_list, name="document-list"),
    path("documents/<slug:slug>/", documents.document_detail, name="document-detail"),
    path("commitments/", commitments.commitment_list, name="commitment-list"),
    path("commitments/<slug:slug>/", commitments.commitment_detail, name="commitment-detail"),
    path("exchanges/<int:pk>/", commitments.exchange_detail, name="exchange-detail"),
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
    path(
        "feeds/issues/<slug:slug>/changes.atom",
        conditional_on_content(feeds.IssueChangesFeed()),
        name="issue-changes-feed",
    ),
]
