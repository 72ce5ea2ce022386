from django.apps import AppConfig


class ProvenanceConfig(AppConfig):
    name = "provenance"
    verbose_name = "Sources and publication"

    def ready(self) -> None:
        from provenance import guard, versioning

        guard.connect_signals()
        versioning.connect_signals()
