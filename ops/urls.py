"""Health probes and the fault-drill write endpoint (off unless DJANGO_FAULT_DRILL_WRITES)."""

from django.urls import path

from ops import views

app_name = "ops"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path("ops/drill-write", views.drill_write, name="drill-write"),
]
