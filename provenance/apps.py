from django.apps import AppConfig
from django.db import models
from django.db.models.signals import pre_save
from django.utils.translation import gettext_lazy as _


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
    verbose_name = _("Sources and publication")

    def ready(self) -> None:
        from provenance import guard, versioning

        guard.connect_signals()
        versioning.connect_signals()
        pre_save.connect(clean_text_fields, dispatch_uid="provenance.clean_text_fields")
        # modeltranslation asks its utils._get_language which language `summary` means (every
        # descriptor, lookup and ordering goes through modeltranslation.utils.get_language);
        # the admin needs the English column whatever its interface language (records_in_english).
        import modeltranslation.utils

        from provenance.translated import record_language

        modeltranslation.utils._get_language = record_language
