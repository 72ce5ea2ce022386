from django.apps import AppConfig


class ProvenanceConfig(AppConfig):
    name = "provenance"
    verbose_name = "Sources and publication"

    def ready(self) -> None:
        from provenance.versioning import connect_signals

        connect_signals()
