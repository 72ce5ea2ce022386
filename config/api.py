"""The public read-only API router, mounted at /api/v1/ under the `api` namespace."""

from django.urls import path, re_path
from rest_framework.routers import DefaultRouter

from actors.api import MembershipViewSet, OrganizationViewSet, PersonViewSet, PopoloView
from config.api_support import api_not_found
from config.api_views import ChangesView, SearchView, TimelineJSView, TimelineView
from positions.api import (
    CommitmentViewSet,
    DocumentViewSet,
    ExchangeCountViewSet,
    ExchangeViewSet,
    IssueViewSet,
    PositionViewSet,
)
from provenance.api import SourceViewSet
from talks.api import (
    DelegationViewSet,
    EventViewSet,
    ParticipantViewSet,
    RoundViewSet,
    VenueViewSet,
)

app_name = "api"

# Prefix, viewset, basename. The data downloads page lists the same tables in this order.
RESOURCES = [
    ("organizations", OrganizationViewSet, "organization"),
    ("people", PersonViewSet, "person"),
    ("memberships", MembershipViewSet, "membership"),
    ("sources", SourceViewSet, "source"),
    ("venues", VenueViewSet, "venue"),
    ("rounds", RoundViewSet, "round"),
    ("delegations", DelegationViewSet, "delegation"),
    ("participants", ParticipantViewSet, "participant"),
    ("events", EventViewSet, "event"),
    ("issues", IssueViewSet, "issue"),
    ("documents", DocumentViewSet, "document"),
    ("positions", PositionViewSet, "position"),
    ("commitments", CommitmentViewSet, "commitment"),
    ("exchanges", ExchangeViewSet, "exchange"),
    ("exchange-counts", ExchangeCountViewSet, "exchange-count"),
]

router = DefaultRouter()
for prefix, viewset, basename in RESOURCES:
    router.register(prefix, viewset, basename=basename)

urlpatterns = [
    # Before the router, whose format suffixes would otherwise read `timeline.json` as JSON of
    # the plain timeline.
    path("timeline.json", TimelineJSView.as_view(), name="timelinejs"),
    path("popolo.json", PopoloView.as_view(), name="popolo"),
    path("timeline/", TimelineView.as_view(), name="timeline"),
    path("search/", SearchView.as_view(), name="search"),
    path("changes/", ChangesView.as_view(), name="changes"),
    *router.urls,
    # Last: anything else under /api/v1/ is a JSON 404, like every other API error.
    re_path(r"^.*$", api_not_found),
]
