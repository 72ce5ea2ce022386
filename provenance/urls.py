"""Public pages for sources, and the staff-only draft preview."""

from django.urls import path

from provenance import views

app_name = "provenance"

urlpatterns = [
    path("sources/", views.source_list, name="source-list"),
    path("sources/<int:pk>/", views.source_detail, name="source-detail"),
    path("preview/<str:app_label>/<str:model_name>/<int:pk>/", views.preview, name="preview"),
]
