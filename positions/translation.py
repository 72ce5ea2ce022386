"""The reader-facing texts of issues, documents and their provisions, positions, commitments,
exchanges and their counts in Ukrainian and Russian, and their history with the translations
(provenance.translated.register_translations)."""

from positions.models import (
    Commitment,
    Document,
    Exchange,
    ExchangeCount,
    Issue,
    Position,
    Provision,
)
from provenance.translated import register_translations

register_translations(Issue, Document, Provision, Position, Commitment, Exchange, ExchangeCount)
