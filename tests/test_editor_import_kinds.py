"""Every CSV import the admin offers, walked as a kind: its shipped template loads cleanly
against the record, and a round named by number is found within its track."""

import pathlib

import pytest
from django.conf import settings
from django.contrib import admin
from django.urls import reverse
from import_export.admin import ImportMixin

from provenance.resources import NewsroomCSV
from talks.models import DEFAULT_TRACK, Participant

# Imports run against the Istanbul record, loaded once for the module: a confirmed import
# writes inside the test's own savepoint, undone when the test ends.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("istanbul_record_for_module")]

IMPORT_ADMINS = [
    model_admin
    for model_admin in admin.site._registry.values()
    if isinstance(model_admin, ImportMixin)
]
STATIC_IMPORT = pathlib.Path(settings.BASE_DIR) / "static" / "import"


def dry_run(resource_class, text, user):
    dataset = NewsroomCSV().create_dataset(text)
    return resource_class().import_data(dataset, dry_run=True, user=user)


def row_errors(result) -> list[str]:
    errors = [str(row.error_dict) for row in result.invalid_rows]
    errors += [str(error.error) for error in result.base_errors]
    errors += [str(error.error) for row in result.rows for error in row.errors]
    return errors


def test_every_import_admin_is_walked():
    assert len(IMPORT_ADMINS) >= 2


@pytest.mark.parametrize("model_admin", IMPORT_ADMINS, ids=lambda a: a.model._meta.label)
def test_every_shipped_template_dry_runs_without_errors(model_admin, publisher):
    """The template an import page offers is a file an editor can load as it is."""
    template = STATIC_IMPORT / f"{model_admin.import_template}.csv"
    text = template.read_text(encoding="utf-8")
    for resource_class in model_admin.get_import_resource_classes(None):
        result = dry_run(resource_class, text, publisher)
        assert row_errors(result) == [], template.name
        assert len(result.rows) >= 1


def resources_naming_rounds():
    return [
        resource_class
        for model_admin in IMPORT_ADMINS
        for resource_class in model_admin.get_import_resource_classes(None)
        if "round" in resource_class().fields
    ]


def test_every_import_naming_a_round_also_takes_its_track():
    assert resources_naming_rounds()  # the participants import, at least
    for resource_class in resources_naming_rounds():
        assert "track" in resource_class().fields, resource_class.__name__


PARTICIPANT_HEADER = "round,side,person,role,at_table,sources\n"


@pytest.mark.parametrize("resource_class", resources_naming_rounds(), ids=lambda r: r.__name__)
def test_a_round_number_is_read_within_its_track(resource_class, publisher):
    """round=1 exists in several tracks: blank track is the Istanbul talks, as in the API."""
    existing = "1,ukraine,rustem-umerov,head,yes,S13\n"  # Umerov headed Istanbul round 1
    for text in (
        "track," + PARTICIPANT_HEADER + "," + existing,  # a blank track
        PARTICIPANT_HEADER + existing,  # no track column at all, as before tracks
        "track," + PARTICIPANT_HEADER + "istanbul," + existing,
    ):
        result = dry_run(resource_class, text, publisher)
        assert row_errors(result) == []
        (row,) = result.rows
        participant = Participant.objects.get(pk=row.object_id)
        assert participant.delegation.round.track.slug == DEFAULT_TRACK
        assert participant.delegation.round.number == 1
    other = "track," + PARTICIPANT_HEADER + "us-ukraine,1,ukraine,rustem-umerov,member,yes,S13\n"
    assert row_errors(dry_run(resource_class, other, publisher)) == []


@pytest.mark.parametrize("resource_class", resources_naming_rounds(), ids=lambda r: r.__name__)
@pytest.mark.parametrize(
    ("track", "round_number", "expected"),
    [
        ("nowhere", "1", "No track with slug 'nowhere'."),
        ("", "9", "round '9' of track 'istanbul'"),
        ("us-ukraine", "40", "round '40' of track 'us-ukraine'"),
    ],
)
def test_a_round_not_in_its_track_is_a_readable_error(
    resource_class, track, round_number, expected, publisher
):
    text = (
        "track,"
        + PARTICIPANT_HEADER
        + f"{track},{round_number},ukraine,rustem-umerov,head,yes,S13\n"
    )
    result = dry_run(resource_class, text, publisher)
    errors = " ".join(row_errors(result))
    assert expected in errors
    assert "more than one" not in errors


def messages_of(response) -> str:
    from django.contrib.messages import get_messages

    return " ".join(str(message) for message in get_messages(response.wsgi_request))


def dry_run_in_admin(client, model_admin) -> dict:
    """Uploads the admin's template; returns the confirmation form's data."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    text = (STATIC_IMPORT / f"{model_admin.import_template}.csv").read_bytes()
    info = model_admin.model._meta.app_label, model_admin.model._meta.model_name
    response = client.post(
        reverse("admin:{}_{}_import".format(*info)),
        {"resource": "0", "format": "0", "import_file": SimpleUploadedFile("t.csv", text)},
    )
    assert response.status_code == 200
    return dict(response.context["confirm_form"].initial)


def process_url(model_admin) -> str:
    info = model_admin.model._meta.app_label, model_admin.model._meta.model_name
    return reverse("admin:{}_{}_process_import".format(*info))


@pytest.mark.parametrize("model_admin", IMPORT_ADMINS, ids=lambda a: a.model._meta.label)
def test_a_confirmation_counts_once_and_never_reads_a_file_it_was_not_given(
    model_admin, publisher_client, editor
):
    """A second confirm (double click, back button), a hand-written file name and another
    user's dry run are each refused with a message and a redirect, never a 500."""
    from django.test import Client

    confirm = dry_run_in_admin(publisher_client, model_admin)
    first = publisher_client.post(process_url(model_admin), confirm)
    assert first.status_code == 302
    assert "already done" not in messages_of(first)
    for data in (confirm, {**confirm, "import_file_name": "/etc/passwd"}):
        again = publisher_client.post(process_url(model_admin), data)
        assert again.status_code == 302
        assert "already done or has expired; upload the file again" in messages_of(again)

    confirm = dry_run_in_admin(publisher_client, model_admin)
    other = Client()
    other.force_login(editor)
    response = other.post(process_url(model_admin), confirm)
    assert response.status_code == 302
    assert "made by another user" in messages_of(response)
    # The owner can still confirm it.
    response = publisher_client.post(process_url(model_admin), confirm)
    assert response.status_code == 302
    assert "upload the file" not in messages_of(response)


def import_resources():
    return [
        resource_class
        for model_admin in IMPORT_ADMINS
        for resource_class in model_admin.get_import_resource_classes(None)
    ]


def template_of(resource_class) -> tuple[list[str], list[str]]:
    """The header and example row of the template shipped for this resource."""
    import csv

    for model_admin in IMPORT_ADMINS:
        if resource_class in model_admin.get_import_resource_classes(None):
            path = STATIC_IMPORT / f"{model_admin.import_template}.csv"
            header, row, *_ = csv.reader(path.read_text(encoding="utf-8").splitlines())
            return header, row
    raise AssertionError(resource_class)


def as_csv(header, *rows) -> str:
    import csv
    import io

    out = io.StringIO()
    csv.writer(out).writerows([header, *rows])
    return out.getvalue()


def errors_by_column(result) -> dict[str, list[str]]:
    (row,) = result.invalid_rows
    return {column: [str(m) for m in messages] for column, messages in row.error_dict.items()}


JUNK = "?junk?"


@pytest.mark.parametrize("resource_class", import_resources(), ids=lambda r: r.__name__)
def test_every_bad_cell_of_a_row_is_reported_at_once_in_plain_words(resource_class, publisher):
    """A row with many bad cells lists each of them, under its column, without Python's words:
    the columns that refuse junk alone refuse it together too."""
    header, example = template_of(resource_class)
    refusing = set()
    for index in range(len(header)):
        row = list(example)
        row[index] = JUNK
        result = dry_run(resource_class, as_csv(header, row), publisher)
        if result.invalid_rows:
            refusing |= set(errors_by_column(result))
    assert len(refusing) >= 4
    all_bad = [
        JUNK if column in refusing else cell for column, cell in zip(header, example, strict=True)
    ]
    result = dry_run(resource_class, as_csv(header, all_bad), publisher)
    errors = errors_by_column(result)
    assert refusing <= set(errors)
    for column, messages in errors.items():
        for message in messages:
            assert "<class" not in message, (column, message)
            assert "Traceback" not in message, (column, message)


@pytest.mark.parametrize("resource_class", import_resources(), ids=lambda r: r.__name__)
@pytest.mark.parametrize("value", ["abc", "1,5", "-"])
def test_a_number_that_is_not_one_says_so(resource_class, value, publisher):
    """quantity or order given as `abc` or `1,5`: 'Give a whole number', not decimal's class."""
    from import_export import widgets

    header, example = template_of(resource_class)
    fields = resource_class().fields
    numeric = [
        column
        for column in header
        if column in fields and isinstance(fields[column].widget, widgets.IntegerWidget)
    ]
    assert numeric
    for column in numeric:
        row = [
            value if name == column else cell for name, cell in zip(header, example, strict=True)
        ]
        errors = errors_by_column(dry_run(resource_class, as_csv(header, row), publisher))
        assert errors[column] == [f"Give a whole number, not {value!r}."]


@pytest.mark.parametrize("model_admin", IMPORT_ADMINS, ids=lambda a: a.model._meta.label)
def test_a_file_with_the_wrong_columns_names_them_without_a_traceback(
    model_admin, publisher_client
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    (resource_class,) = model_admin.get_import_resource_classes(None)
    header, example = template_of(resource_class)
    required = resource_class.required_columns[0]
    wrong = ["colour" if column == required else column for column in header]
    info = model_admin.model._meta.app_label, model_admin.model._meta.model_name
    response = publisher_client.post(
        reverse("admin:{}_{}_import".format(*info)),
        {
            "resource": "0",
            "format": "0",
            "import_file": SimpleUploadedFile("t.csv", as_csv(wrong, example).encode()),
        },
    )
    page = response.content.decode()
    assert f"Missing column(s): {required}." in page
    assert "Unknown column(s): colour." in page
    assert "The columns are:" in page
    assert "Traceback" not in page
    assert "confirm_form" not in response.context
