"""The public site: every HTML page, feed and calendar, under the `public` namespace.

Route names match the API's where both show the same thing (`round-detail`).
"""

from django.urls import path

from provenance.versioning import conditional_on_content
from public import calendar, feeds
from public.as_of import or_as_of
from public.views import (
    about,
    as_of,
    changes,
    commitments,
    documents,
    events,
    home,
    issues,
    people,
    preview,
    rounds,
    search,
    sources,
    timeline,
    totals,
    tracks,
)

app_name = "public"


urlpatterns = [
    path("", home.home, name="home"),
    path("about/", about.about, name="about"),
    path("timeline/", timeline.timeline, name="timeline"),
    path("tracks/", tracks.track_list, name="track-list"),
    path("tracks/<slug:slug>/", tracks.track_detail, name="track-detail"),
    path("rounds/", rounds.round_list, name="round-list"),
    # Rounds are numbered within their track: /tracks/trilateral/rounds/1/. The Istanbul talks'
    # rounds keep the address they had before tracks, /rounds/2/ (talks.models.DEFAULT_TRACK);
    # /tracks/istanbul/rounds/2/ redirects there, and so do its calendar and feed.
    # ?as_of=YYYY-MM-DD on round, person, issue and exchange pages: the page as the public record
    # stood at the end of that day (public/as_of.py, public/views/as_of.py).
    path(
        "rounds/<int:number>/", or_as_of(rounds.round_detail, as_of.round_page), name="round-detail"
    ),
    path(
        "tracks/<slug:track_slug>/rounds/<int:number>/",
        or_as_of(rounds.round_detail, as_of.round_page),
        name="round-detail-in-track",
    ),
    path("rounds.ics", calendar.rounds_calendar, name="rounds-calendar"),
    path("rounds/<int:number>.ics", calendar.round_calendar, name="round-calendar"),
    path(
        "tracks/<slug:track_slug>/rounds/<int:number>.ics",
        calendar.round_calendar,
        name="round-calendar-in-track",
    ),
    path("events/<int:pk>/", events.event_detail, name="event-detail"),
    path("people/", people.person_list, name="person-list"),
    path(
        "people/<slug:slug>/",
        or_as_of(people.person_detail, as_of.person_page),
        name="person-detail",
    ),
    path("organizations/", people.organization_list, name="organization-list"),
    path("organizations/<int:pk>/", people.organization_detail, name="organization-detail"),
    path("issues/", issues.issue_list, name="issue-list"),
    path(
        "issues/<slug:slug>/", or_as_of(issues.issue_detail, as_of.issue_page), name="issue-detail"
    ),
    path("documents/", documents.document_list, name="document-list"),
    path("documents/<slug:slug>/", documents.document_detail, name="document-detail"),
    path("commitments/", commitments.commitment_list, name="commitment-list"),
    path("commitments/<slug:slug>/", commitments.commitment_detail, name="commitment-detail"),
    path("totals/", totals.totals, name="totals"),
    path(
        "exchanges/<int:pk>/",
        or_as_of(commitments.exchange_detail, as_of.exchange_page),
        name="exchange-detail",
    ),
    path("sources/", sources.source_list, name="source-list"),
    path("sources/<int:pk>/", sources.source_detail, name="source-detail"),
    path("search/", search.search, name="search"),
    path("changes/", changes.changes, name="changes"),
    path(
        "feeds/changes.atom",
        conditional_on_content(feeds.ChangesFeed()),
        name="changes-feed",
    ),
    path(
        "feeds/rounds/<int:number>/changes.atom",
        conditional_on_content(feeds.RoundChangesFeed()),
        name="round-changes-feed",
    ),
    path(
        "feeds/tracks/<slug:track_slug>/rounds/<int:number>/changes.atom",
        conditional_on_content(feeds.RoundChangesFeed()),
        name="round-changes-feed-in-track",
    ),
    path(
        "feeds/tracks/<slug:slug>/changes.atom",
        conditional_on_content(feeds.TrackChangesFeed()),
        name="track-changes-feed",
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
    path("preview/<str:app_label>/<str:model_name>/<int:pk>/", preview.preview, name="preview"),
    path("preview/<path:path>", preview.public_preview, name="public-preview"),
]
