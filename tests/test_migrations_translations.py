"""A database from before the talks' events, cities, venues and delegations had translations
migrates with its English kept: copied into `<field>_en`, which the site reads from then on,
on the rows and on their history versions."""

import datetime

import pytest

from tests.migration_database import migrate

BEFORE = [("talks", "0012_copy_english_into_translation_columns")]
AFTER = [("talks", "0013_event_venue_translations")]


@pytest.mark.django_db(transaction=True)
def test_the_english_of_every_newly_translated_kind_is_kept(empty_database):
    old = migrate(BEFORE)
    City, Venue = old.get_model("talks", "City"), old.get_model("talks", "Venue")
    Event, HistoricalEvent = (
        old.get_model("talks", "Event"),
        old.get_model("talks", "HistoricalEvent"),
    )
    city = City.objects.create(key="geneva", name="Geneva", country_code="CH")
    venue = Venue.objects.create(
        key="geneva", name="Geneva", city=city, country_code="CH", description="The city only."
    )
    event = Event.objects.create(
        key="e", occurred_on=datetime.date(2025, 5, 14), kind="announcement",
        title="Kremlin names its delegation", summary="Head: Medinsky.",
    )  # fmt: skip
    HistoricalEvent.objects.create(
        id=event.pk, key="e", occurred_on=event.occurred_on, kind="announcement",
        title="Kremlin names its delegation", summary="Head: Medinsky.",
        history_date=event.updated_at, updated_at=event.updated_at, history_type="+",
    )  # fmt: skip

    new = migrate(AFTER)

    assert new.get_model("talks", "City").objects.get(pk=city.pk).name_en == "Geneva"
    venue = new.get_model("talks", "Venue").objects.get(pk=venue.pk)
    assert (venue.name_en, venue.description_en) == ("Geneva", "The city only.")
    event = new.get_model("talks", "Event").objects.get(pk=event.pk)
    assert (event.title_en, event.summary_en) == ("Kremlin names its delegation", "Head: Medinsky.")
    version = new.get_model("talks", "HistoricalEvent").objects.get(id=event.pk)
    assert version.title_en == "Kremlin names its delegation"
