"""The public read-only API router, mounted at /api/v1/ under the `api` namespace."""

from django.urls import path, re_path
from rest_framework.routers import DefaultRouter

from api.errors import api_not_found
from api.resources.actors import MembershipViewSet, OrganizationViewSet, PersonViewSet
from api.resources.positions import (
    CommitmentViewSet,
    DocumentViewSet,
    ExchangeCountViewSet,
    ExchangeViewSet,
    IssueViewSet,
    PositionViewSet,
)
from api.resources.sources import RecordReviewViewSet, SourceViewSet
from api.resources.talks import (
    DelegationViewSet,
    EventViewSet,
    ParticipantViewSet,
    RoundViewSet,
    StandingDelegationViewSet,
    TrackViewSet,
    VenueViewSet,
)
from api.views.changes import ChangesView
from api.views.exports import PopoloView, TimelineJSView
from api.views.root import RecordAPIRootView
from api.views.search import SearchView
from api.views.timeline import TimelineView
from api.views.totals import TotalsView
from record import kinds

app_name = "api"

# The viewset of each public kind (record.kinds.RESOURCES, in the order /data/ lists them).
VIEWSETS = {
    "organization": OrganizationViewSet,
    "person": PersonViewSet,
    "membership": MembershipViewSet,
    "source": SourceViewSet,
    "venue": VenueViewSet,
    "track": TrackViewSet,
    "round": RoundViewSet,
    "standingdelegation": StandingDelegationViewSet,
    "delegation": DelegationViewSet,
    "participant": ParticipantViewSet,
    "event": EventViewSet,
    "issue": IssueViewSet,
    "document": DocumentViewSet,
    "position": PositionViewSet,
    "commitment": CommitmentViewSet,
    "exchange": ExchangeViewSet,
    "exchange-count": ExchangeCountViewSet,
    "recordreview": RecordReviewViewSet,
}
# Prefix, viewset, basename.
RESOURCES = [(kind.api_name, VIEWSETS[kind.name], kind.name) for kind in kinds.RESOURCES]

router = DefaultRouter()
router.APIRootView = RecordAPIRootView
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
    path("totals/", TotalsView.as_view(), name="totals"),
    # `changes.csv`, `totals.csv`, `search.csv`, `timeline.csv` like every list's `.csv` (the
    # router makes those).
    re_path(r"^changes\.(?P<format>[a-z0-9-]+)/?$", ChangesView.as_view(), name="changes"),
    re_path(r"^totals\.(?P<format>[a-z0-9-]+)/?$", TotalsView.as_view(), name="totals"),
    re_path(r"^search\.(?P<format>[a-z0-9-]+)/?$", SearchView.as_view(), name="search"),
    re_path(
        # `timeline.json` is TimelineJS's (above), so it never reaches this one.
        r"^timeline\.(?P<format>[a-z0-9-]+)/?$",
        TimelineView.as_view(),
        name="timeline",
    ),
    *router.urls,
    # Last: anything else under /api/v1/ is a JSON 404, like every other API error.
    re_path(r"^.*$", api_not_found),
]
