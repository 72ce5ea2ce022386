"""Issues', positions' and commitments' reader-facing texts in Ukrainian and Russian, and their
history with the translations (provenance.translated.register_translations)."""

from positions.models import Commitment, Issue, Position
from provenance.translated import register_translations

register_translations(Issue, Position, Commitment)
