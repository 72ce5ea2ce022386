"""Text that every format survives (#12, section 5): each write path (the admin form, the CSV
import, the data loader) stores clean text. Its own module: these tests make rows the
module-wide record of test_text_every_format.py already has.

A control character pasted from Word (`\\x02`), a non-character (`U+FFFF`) or a lone surrogate
is kept out of every text field of every content model, whatever path writes it; and rows stored
before that rule still come out of every feed, calendar, JSON-LD block and CSV as something the
format's own parser reads.
"""

import tablib
from django.urls import reverse

from actors.models import Person
from record.loader.upsert import Upserter
from talks.models import Participant
from talks.resources import ParticipantResource
from tests.admin_forms import form_data
from tests.factories import DelegationFactory, PersonFactory, RoundFactory, SourceFactory

# What Word, a PDF or a bad converter leaves in pasted text: C0 and C1 controls, DEL,
# non-characters of the BMP and of plane 1, and a lone surrogate.
DIRTY = "\x02\x0b\x1f\x7f\x85\ufdd0\uffff\U0001fffe\ud800"


def unsafe(text: str) -> list[str]:
    """The characters of `text` that XML 1.0, iCalendar or UTF-8 cannot carry."""
    return [
        ch
        for ch in text
        if (ord(ch) < 0x20 and ch not in "\t\n")
        or 0x7F <= ord(ch) <= 0x9F
        or 0xFDD0 <= ord(ch) <= 0xFDEF
        or ord(ch) & 0xFFFE == 0xFFFE
        or 0xD800 <= ord(ch) <= 0xDFFF
    ]


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
