"""CSV import: a dry run shows each row's fate and errors; a file with a bad row writes nothing."""

import pytest
import tablib
from django.core.files.uploadedfile import SimpleUploadedFile

from positions.models import Exchange, ExchangeCount
from positions.resources import ExchangeCountResource
from talks.models import Participant
from talks.resources import ParticipantResource
from tests.factories import (
    CommitmentFactory,
    DelegationFactory,
    PersonFactory,
    RoundFactory,
    SourceFactory,
)

EXCHANGE_HEADER = (
    "exchange_title,exchange_kind,exchange_occurred_on,commitment,receiving_side,category,"
    "quantity,precision,claimed_by,confidence,note,sources\n"
)
GOOD_EXCHANGE_ROWS = (
    "Bodies for bodies,bodies,2025-06-11,six-thousand,ukraine,bodies,1212,exact,ukraine,single_source,,S41\n"
    "Bodies for bodies,bodies,2025-06-11,six-thousand,ukraine,bodies,6057,exact,russia,contested,total,S41;S42\n"
)
BAD_EXCHANGE_ROW = "Bodies for bodies,bodies,2025-06-11,six-thousand,russia,bodies,-27,exact,ukraine,single_source,,S41\n"


@pytest.fixture
def exchange_setup(db):
    SourceFactory(code="S41")
    SourceFactory(code="S42")
    CommitmentFactory(slug="six-thousand")


def upload(client, url, text):
    csv_file = SimpleUploadedFile("import.csv", text.encode(), content_type="text/csv")
    return client.post(url, {"resource": "0", "format": "0", "import_file": csv_file})


def test_dry_run_in_the_admin_shows_new_rows_and_writes_nothing(exchange_setup, editor_client):
    response = upload(
        editor_client,
        "/admin/positions/exchangecount/import/",
        EXCHANGE_HEADER + GOOD_EXCHANGE_ROWS,
    )
    result = response.context["result"]
    assert not result.has_errors()
    assert not result.has_validation_errors()
    assert [row.import_type for row in result.rows] == ["new", "new"]
    assert "confirm_form" in response.context
    assert ExchangeCount.objects.count() == 0
    assert not Exchange.objects.filter(title="Bodies for bodies").exists()


def test_dry_run_lists_every_invalid_row_and_offers_no_confirmation(exchange_setup, editor_client):
    bad_file = (
        EXCHANGE_HEADER
        + GOOD_EXCHANGE_ROWS
        + BAD_EXCHANGE_ROW
        + "Bodies for bodies,bodies,2025-06-11,six-thousand,russia,bodies,10,exact,ukraine,,,S99\n"
        + "Unknown swap,pow_swap,11 June,,ukraine,pows,10,exact,ukraine,,,S41\n"
    )
    response = upload(editor_client, "/admin/positions/exchangecount/import/", bad_file)
    result = response.context["result"]
    invalid = {row.number: row for row in result.invalid_rows}
    assert set(invalid) == {3, 4, 5}
    assert "A count cannot be negative." in str(invalid[3].error_dict)
    assert "Unknown source code(s): S99." in str(invalid[4].error_dict)
    assert "YYYY-MM-DD" in str(invalid[5].error_dict)
    page = response.content.decode()
    assert "A count cannot be negative." in page
    assert "confirm_form" not in response.context
    assert ExchangeCount.objects.count() == 0


def test_a_bad_row_rolls_the_whole_file_back_even_when_not_a_dry_run(exchange_setup, publisher):
    dataset = tablib.Dataset().load(EXCHANGE_HEADER + GOOD_EXCHANGE_ROWS + BAD_EXCHANGE_ROW, "csv")
    result = ExchangeCountResource().import_data(dataset, dry_run=False, user=publisher)
    assert result.has_validation_errors()
    assert ExchangeCount.objects.count() == 0
    assert not Exchange.objects.filter(title="Bodies for bodies").exists()


def test_confirmed_import_creates_a_draft_exchange_with_both_figures_and_history(
    exchange_setup, editor_client
):
    response = upload(
        editor_client,
        "/admin/positions/exchangecount/import/",
        EXCHANGE_HEADER + GOOD_EXCHANGE_ROWS,
    )
    confirm = response.context["confirm_form"].initial
    response = editor_client.post("/admin/positions/exchangecount/process_import/", confirm)
    assert response.status_code == 302
    exchange = Exchange.objects.get(title="Bodies for bodies")
    assert exchange.publication_status == "draft"
    assert exchange.commitment.slug == "six-thousand"
    assert sorted(exchange.counts.values_list("claimed_by", "quantity")) == [
        ("russia", 6057),
        ("ukraine", 1212),
    ]
    count = exchange.counts.get(claimed_by="russia")
    assert sorted(count.sources.values_list("code", flat=True)) == ["S41", "S42"]
    record = count.history.first()
    assert record.history_change_reason == "Imported from CSV"
    assert record.history_user.username == "ana"
    # The same file again updates, it does not double the figures.
    dataset = tablib.Dataset().load(EXCHANGE_HEADER + GOOD_EXCHANGE_ROWS, "csv")
    result = ExchangeCountResource().import_data(dataset, dry_run=True)
    assert [row.import_type for row in result.rows] == ["skip", "skip"]


PARTICIPANT_HEADER = (
    "round,side,person,role,title_at_time,represents,at_table,order,confidence,note,sources\n"
)


@pytest.fixture
def delegation(db):
    SourceFactory(code="S41")
    PersonFactory(slug="rustem-umerov", name="Rustem Umerov")
    PersonFactory(slug="uk-adviser", name="UK Adviser")
    # A draft: an editor's import may not touch a published delegation (test_editor_guard.py).
    return DelegationFactory(
        round=RoundFactory(number=4), side="ukraine", publication_status="draft"
    )


def test_participant_dry_run_reports_unknown_people_and_bad_at_table(delegation, editor_client):
    text = (
        PARTICIPANT_HEADER
        + "4,ukraine,rustem-umerov,head,Secretary of the NSDC,,yes,0,confirmed,,S41\n"
        + "4,ukraine,nobody-known,member,,,no,1,,,S41\n"
        + "4,ukraine,uk-adviser,adviser,,,perhaps,2,,,S41\n"
        + "9,ukraine,uk-adviser,adviser,,,no,2,,,S41\n"
    )
    response = upload(editor_client, "/admin/talks/participant/import/", text)
    result = response.context["result"]
    assert result.rows[0].import_type == "new"
    page = response.content.decode()
    assert "No person with slug &#x27;nobody-known&#x27;" in page
    assert "at_table must be yes, no or blank" in page
    assert "No delegation for side &#x27;ukraine&#x27; at round &#x27;9&#x27;" in page
    assert Participant.objects.count() == 0


def test_participant_import_writes_all_rows(delegation, publisher):
    text = (
        PARTICIPANT_HEADER
        + "4,ukraine,rustem-umerov,head,Secretary of the NSDC,,yes,0,confirmed,,S41\n"
        + "4,ukraine,uk-adviser,,National Security Adviser,,no,5,,,S41\n"
    )
    result = ParticipantResource().import_data(
        tablib.Dataset().load(text, "csv"), dry_run=False, user=publisher
    )
    assert not result.has_errors()
    assert not result.has_validation_errors()
    rows = delegation.participants.order_by("order")
    assert [(p.person.slug, p.role, p.at_table) for p in rows] == [
        ("rustem-umerov", "head", True),
        ("uk-adviser", "member", False),  # blank role: the default
    ]
    assert rows[1].confidence == "single_source"  # blank: the default
    assert rows[0].history.first().history_user == publisher


# --- #10: the spreadsheets newsrooms save ------------------------------------------------------


def test_a_semicolon_spreadsheet_with_labels_grouped_numbers_and_empty_rows_imports(
    exchange_setup, publisher
):
    from provenance.guard import acting_as
    from provenance.resources import NewsroomCSV

    text = (
        "\ufeffexchange_title;exchange_kind;exchange_occurred_on;commitment;receiving_side;"
        "category;quantity;precision;claimed_by;confidence;note;sources\n"
        "Bodies for bodies;Repatriation of bodies;2025-06-11;six-thousand;Ukraine;Bodies;1 212;"
        "Exactly;Ukraine;Single source;;S41\n"
        "Bodies for bodies;bodies;2025-06-11;six-thousand;ukraine;bodies;6.057;At least;Russia;"
        "contested;total;S41, S42\n"
        ";;;;;;;;;;;\n"
        ";;;;;;;;;;;\n"
    )
    dataset = NewsroomCSV(encoding="utf-8").create_dataset(text.encode())
    with acting_as(publisher):
        result = ExchangeCountResource().import_data(dataset, dry_run=False, user=publisher)
    assert not result.has_errors()
    assert not result.has_validation_errors()
    exchange = Exchange.objects.get(title="Bodies for bodies")
    assert exchange.kind == "bodies"
    assert sorted(exchange.counts.values_list("claimed_by", "quantity", "precision")) == [
        ("russia", 6057, "at_least"),
        ("ukraine", 1212, "exact"),
    ]
    assert exchange.counts.get(claimed_by="russia").sources.count() == 2


def test_two_rows_with_the_same_key_are_refused_naming_both(exchange_setup, editor_client):
    text = (
        EXCHANGE_HEADER
        + "Bodies for bodies,bodies,2025-06-11,six-thousand,ukraine,bodies,1212,exact,ukraine,,,S41\n"
        + "Bodies for bodies,bodies,2025-06-11,six-thousand,russia,bodies,6060,exact,russia,,,S41\n"
        + "Bodies for bodies,bodies,2025-06-11,six-thousand,ukraine,bodies,1200,exact,ukraine,,,S41\n"
    )
    response = upload(editor_client, "/admin/positions/exchangecount/import/", text)
    page = response.content.decode()
    assert "Rows 1 and 3 both give" in page  # data rows, as the import page numbers them
    assert "confirm_form" not in response.context
    assert ExchangeCount.objects.count() == 0


def test_the_import_page_offers_a_template_that_imports(editor_client):
    page = editor_client.get("/admin/talks/participant/import/").content.decode()
    assert "/static/import/participants.csv" in page
    page = editor_client.get("/admin/positions/exchangecount/import/").content.decode()
    assert "/static/import/exchange-counts.csv" in page
