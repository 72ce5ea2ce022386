"""Root URLs: the public site, the admin and the API."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", include("config.api")),
    path("", include("talks.urls")),
    path("", include("actors.urls")),
    path("", include("positions.urls")),
    path("", include("provenance.urls")),
    path("", include("ops.urls")),
]

# A database outage raised outside a view still becomes a 503 with Retry-After (ops/outage.py).
handler500 = "ops.views.server_error"
