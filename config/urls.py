"""Root URLs: the public site, the admin and the API."""

from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from config.downloads import download_table, downloads

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", include("config.api")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path(
        "api/docs/",
        # The split view loads its start-up script from a URL; the template has no inline style.
        SpectacularSwaggerSplitView.as_view(
            url_name="api-schema", template_name="api/swagger_ui.html"
        ),
        name="api-docs",
    ),
    path("data/", downloads, name="downloads"),
    path("data/<slug:table>.<slug:extension>", download_table, name="download-table"),
    path("", include("talks.urls")),
    path("", include("actors.urls")),
    path("", include("positions.urls")),
    path("", include("provenance.urls")),
    path("", include("ops.urls")),
]

# A database outage raised outside a view still becomes a 503 with Retry-After (ops/outage.py).
handler500 = "ops.views.server_error"
