"""The talks' reader-facing texts in Ukrainian and Russian (django-modeltranslation: columns
`<field>_en`, `<field>_uk`, `<field>_ru` on the same row; README, "Languages"): tracks, rounds,
cities, venues, delegations and who was in them, and the timeline's events; and their history
with the translations (provenance.translated.register_translations)."""

from provenance.translated import register_translations
from talks.models import (
    City,
    Delegation,
    Event,
    Participant,
    Round,
    StandingDelegation,
    StandingMember,
    Track,
    Venue,
)

register_translations(
    Track, Round, City, Venue, StandingDelegation, StandingMember, Delegation, Participant, Event
)
