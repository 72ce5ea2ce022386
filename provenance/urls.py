"""Public pages for sources."""

from django.urls import path

from provenance import views

app_name = "provenance"

urlpatterns = [
    path("sources/", views.source_list, name="source-list"),
    path("sources/<int:pk>/", views.source_detail, name="source-detail"),
]
