"""Organizations' names and descriptions, people's names and biographies, and the posts they
held, in Ukrainian and Russian, and their history with the translations
(provenance.translated.register_translations)."""

from actors.models import Membership, Organization, Person
from provenance.translated import register_translations

register_translations(Organization, Person, Membership)
