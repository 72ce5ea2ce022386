"""The rounds' and tracks' reader-facing texts in Ukrainian and Russian (django-modeltranslation:
columns `<field>_en`, `<field>_uk`, `<field>_ru` on the same row; README, "Languages").

Each model's history is registered here, after its translation columns exist, so that every
version carries the translations too and reverting a version restores them: a
`HistoricalRecords()` in the model's body would copy the fields before modeltranslation adds them.
"""

from modeltranslation.translator import TranslationOptions, register
from simple_history import register as register_history

from provenance.translated import TranslatedHistoricalRecords
from talks.models import Round, Track


@register(Track)
class TrackTranslation(TranslationOptions):
    fields = Track.translated_fields
    # The English is as required as before; the translations are optional.
    required_languages = ("en",)


@register(Round)
class RoundTranslation(TranslationOptions):
    fields = Round.translated_fields
    # The English is as required as before; the translations are optional.
    required_languages = ("en",)


register_history(Track, records_class=TranslatedHistoricalRecords)
register_history(Round, records_class=TranslatedHistoricalRecords)
