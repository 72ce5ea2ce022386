"""People's names and biographies in Ukrainian and Russian (see talks/translation.py, also for
why their history is registered here)."""

from modeltranslation.translator import TranslationOptions, register
from simple_history import register as register_history

from actors.models import Person
from provenance.translated import TranslatedHistoricalRecords


@register(Person)
class PersonTranslation(TranslationOptions):
    fields = Person.translated_fields
    # The English is as required as before; the translations are optional.
    required_languages = ("en",)


register_history(Person, records_class=TranslatedHistoricalRecords)
