"""Public pages for issues, documents, commitments and exchanges."""

from django.urls import path

from positions import views

app_name = "positions"

urlpatterns = [
    path("issues/", views.issue_list, name="issue-list"),
    path("issues/<slug:slug>/", views.issue_detail, name="issue-detail"),
    path("documents/", views.document_list, name="document-list"),
    path("documents/<slug:slug>/", views.document_detail, name="document-detail"),
    path("commitments/", views.commitment_list, name="commitment-list"),
    path("commitments/<slug:slug>/", views.commitment_detail, name="commitment-detail"),
    path("exchanges/<int:pk>/", views.exchange_detail, name="exchange-detail"),
]
