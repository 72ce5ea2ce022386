"""Text that every format survives (#12, section 5): each write path (the admin form, the CSV
import, the data loader) stores clean text. Its own module: these tests make rows the
module-wide record of test_text_every_format.py already has.
"""

import tablib
from django.urls import reverse

from actors.models import Person
from record.loader.upsert import Upserter
from talks.models import Participant
from talks.resources import ParticipantResource
from tests.admin_forms import form_data
from tests.factories import DelegationFactory, PersonFactory, RoundFactory, SourceFactory


def test_windows_line_ends_become_newlines(db):
    person = PersonFactory(biography="First line.\r\nSecond line.\rThird.")
    person.refresh_from_db()
    assert person.biography == "First line.\nSecond line.\nThird."


def test_admin_form_stores_clean_text(publisher_client):
    round_ = RoundFactory(title="Round four")
    round_.sources.add(SourceFactory())
    url = reverse("admin:talks_round_change", args=[round_.pk])
    data = form_data(publisher_client.get(url), "round_form")
    data.update(title="Round\x02 four\uffff", summary="Pasted\x0b from Word.")
    assert publisher_client.post(url, data).status_code == 302
    round_.refresh_from_db()
    assert (round_.title, round_.summary) == ("Round four", "Pasted from Word.")


def test_csv_import_stores_clean_text(publisher):
    SourceFactory(code="S41")
    PersonFactory(slug="rustem-umerov")
    delegation = DelegationFactory(
        round=RoundFactory(number=4), side="ukraine", publication_status="draft"
    )
    text = (
        "round,side,person,role,title_at_time,represents,at_table,order,confidence,note,sources\n"
        "4,ukraine,rustem-umerov,head,Secretary\x02 of the NSDC,,yes,0,confirmed,\x0c,S41\n"
    )
    result = ParticipantResource().import_data(
        tablib.Dataset().load(text, "csv"), dry_run=False, user=publisher
    )
    assert not result.has_errors()
    assert not result.has_validation_errors()
    participant = Participant.objects.get(delegation=delegation)
    assert (participant.title_at_time, participant.note) == ("Secretary of the NSDC", "")


def test_data_loader_stores_clean_text(db):
    person = Upserter().upsert(
        Person,
        {"slug": "rustem-umerov"},
        {"name": "Rustem\x02 Umerov", "native_name": "Рустем Умєров\uffff"},
    )
    person.refresh_from_db()
    assert (person.name, person.native_name) == ("Rustem Umerov", "Рустем Умєров")
