from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpsConfig(AppConfig):
    name = "ops"
    verbose_name = _("Operations: health, outages, logging, page cache")

    def ready(self) -> None:
        from ops import security_log  # noqa: F401  (connects the auth signal receivers)
