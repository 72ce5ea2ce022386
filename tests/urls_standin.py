"""The site's URLs plus stand-ins for detail pages that another branch builds.

Search results, changes and feed entries link to each object's page via get_absolute_url(). The
pages themselves (round, person, document…) are written in parallel; until they are merged
these stand-ins let the link targets resolve. Real routes come after the stand-ins in each
namespace, and reverse() prefers the last pattern of a name, so once the real pages exist the
tests link to them and these stand-ins are never used.
"""

from django.http import HttpResponse
from django.urls import include, path

import actors.urls
import positions.urls
import provenance.urls
import talks.urls


def standin(request, **kwargs):
    return HttpResponse("stand-in page")


STANDINS = {
    talks.urls: [
        path("standin/rounds/<int:number>/", standin, name="round-detail"),
        path("standin/events/<int:pk>/", standin, name="event-detail"),
    ],
    actors.urls: [
        path("standin/people/<slug:slug>/", standin, name="person-detail"),
        path("standin/organizations/<int:pk>/", standin, name="organization-detail"),
    ],
    positions.urls: [
        path("standin/issues/<slug:slug>/", standin, name="issue-detail"),
        path("standin/documents/<slug:slug>/", standin, name="document-detail"),
        path("standin/commitments/<slug:slug>/", standin, name="commitment-detail"),
        path("standin/exchanges/<int:pk>/", standin, name="exchange-detail"),
    ],
    provenance.urls: [
        path("standin/sources/<int:pk>/", standin, name="source-detail"),
    ],
}

urlpatterns = [
    path("", include((standins + module.urlpatterns, module.app_name)))
    for module, standins in STANDINS.items()
]
