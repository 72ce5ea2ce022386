"""Public pages for the provenance app, and the staff-only draft preview."""

from django.urls import path

from provenance import views

app_name = "provenance"

urlpatterns = [
    path("preview/<str:app_label>/<str:model_name>/<int:pk>/", views.preview, name="preview"),
]
