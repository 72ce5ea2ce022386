"""Issues', positions' and commitments' reader-facing texts in Ukrainian and Russian (see
talks/translation.py, also for why their history is registered here)."""

from modeltranslation.translator import TranslationOptions, register
from simple_history import register as register_history

from positions.models import Commitment, Issue, Position
from provenance.translated import TranslatedHistoricalRecords


@register(Issue)
class IssueTranslation(TranslationOptions):
    fields = Issue.translated_fields
    # The English is as required as before; the translations are optional.
    required_languages = ("en",)


@register(Position)
class PositionTranslation(TranslationOptions):
    fields = Position.translated_fields
    # The English is as required as before; the translations are optional.
    required_languages = ("en",)


@register(Commitment)
class CommitmentTranslation(TranslationOptions):
    fields = Commitment.translated_fields
    # The English is as required as before; the translations are optional.
    required_languages = ("en",)


register_history(Issue, records_class=TranslatedHistoricalRecords)
register_history(Position, records_class=TranslatedHistoricalRecords)
register_history(Commitment, records_class=TranslatedHistoricalRecords)
