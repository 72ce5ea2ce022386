"""The rounds' and tracks' reader-facing texts in Ukrainian and Russian (django-modeltranslation:
columns `<field>_en`, `<field>_uk`, `<field>_ru` on the same row; README, "Languages"), and their
history with the translations (provenance.translated.register_translations)."""

from provenance.translated import register_translations
from talks.models import Round, Track

register_translations(Track, Round)
