from django.apps import AppConfig
from django.db import models
from django.db.models.signals import pre_save


def clean_text_fields(sender, instance, **kwargs) -> None:
    """Every text field of a content model, cleaned before it is stored (provenance.text).

    A pre_save receiver rather than a save() override, so models with no shared base (cities,
    issues, participants, exchange counts) and every write path — admin forms and inlines, CSV
    import, the data loader, history reverts — are covered alike."""
    from provenance.guard import PROJECT_APPS
    from provenance.text import clean_text

    if sender._meta.app_label not in PROJECT_APPS:
        return
    for field in sender._meta.concrete_fields:
        if isinstance(field, models.CharField | models.TextField):
            value = getattr(instance, field.attname)
            if isinstance(value, str):
                setattr(instance, field.attname, clean_text(value))


class ProvenanceConfig(AppConfig):
    name = "provenance"
    verbose_name = "Sources and publication"

    def ready(self) -> None:
        from provenance import guard, versioning

        guard.connect_signals()
        versioning.connect_signals()
        pre_save.connect(clean_text_fields, dispatch_uid="provenance.clean_text_fields")
