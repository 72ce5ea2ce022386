"""People's names and biographies in Ukrainian and Russian, and their history with the
translations (provenance.translated.register_translations)."""

from actors.models import Person
from provenance.translated import register_translations

register_translations(Person)
