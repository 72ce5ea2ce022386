from django.apps import AppConfig


class OpsConfig(AppConfig):
    name = "ops"
    verbose_name = "Operations: health, outages, logging, page cache"

    def ready(self) -> None:
        from ops import security_log  # noqa: F401  (connects the auth signal receivers)
