"""The public read-only API router, mounted at /api/v1/."""

from rest_framework.routers import DefaultRouter

router = DefaultRouter()

urlpatterns = router.urls
