"""Root URLs: the public site, the admin, the API and its downloads, and the health probes."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

urlpatterns = [
    path("admin/", admin.site.urls),
    # The admin's language menu posts here (Django's set_language): the choice is kept in the
    # language cookie, which only the admin reads (ops.middleware.UrlLanguageMiddleware).
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", include("api.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path(
        "api/docs/",
        # The split view loads its start-up script from a URL; the template has no inline style.
        SpectacularSwaggerSplitView.as_view(
            url_name="api-schema", template_name="api/swagger_ui.html"
        ),
        name="api-docs",
    ),
    path("", include("ops.urls")),
]
# The public site in each language: English where it always was (no prefix, so every existing
# link keeps working), Ukrainian under /uk/ and Russian under /ru/. The language is the URL's
# alone: Accept-Language never redirects a shared link (ops.middleware.UrlLanguageMiddleware).
# The downloads too: /uk/data/rounds.csv holds the Ukrainian texts, as the API's ?lang=uk does.
urlpatterns += i18n_patterns(
    path("data/", include("api.downloads")),
    path("", include("public.urls")),
    prefix_default_language=False,
)

# Under /api/, what Django refuses before a view runs (over 1,000 parameters, a bad Host) is
# JSON like every other API error.
handler400 = "api.errors.bad_request_view"
# A database outage raised outside a view still becomes a 503 with Retry-After (ops/outage.py).
handler500 = "ops.views.server_error"
# The site's 404 page, with its header and footer (Django's own is a bare "Not Found").
handler404 = "public.views.errors.page_not_found"
