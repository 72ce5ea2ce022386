from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """No models: the read-only REST API for journalists, and the /data/ downloads."""

    name = "api"
    verbose_name = _("REST API")

    def ready(self) -> None:
        from api import sync

        sync.connect_signals()
