"""The project's URLs plus the API schema and Swagger UI, for tests that need the docs page
whether or not the API's own routes are in place."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from config.urls import urlpatterns as project_urlpatterns

urlpatterns = [
    path("test-api/schema/", SpectacularAPIView.as_view(), name="test-schema"),
    path(
        "test-api/docs/",
        SpectacularSwaggerSplitView.as_view(url_name="test-schema"),
        name="test-swagger-ui",
    ),
    *project_urlpatterns,
]
