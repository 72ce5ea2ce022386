"""`load_istanbul` is safe to run twice: the second run changes nothing at all."""

from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command

from provenance.versioning import PROJECT_APPS
from talks.models import Round


def _project_models():
    """Every model of the project's apps, history tables and M2M through tables included."""
    return [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.app_label in PROJECT_APPS
    ]


def _snapshot():
    rows = {model._meta.label: model.objects.count() for model in _project_models()}
    stamps = {
        (model._meta.label, pk): updated_at
        for model in _project_models()
        if any(f.name == "updated_at" for f in model._meta.fields)
        and not model._meta.label.split(".")[1].startswith("Historical")
        for pk, updated_at in model.objects.values_list("pk", "updated_at")
    }
    return rows, stamps


@pytest.mark.django_db
def test_second_run_changes_no_row_count_history_or_timestamp():
    call_command("load_istanbul", verbosity=0)
    rows_before, stamps_before = _snapshot()

    call_command("load_istanbul", verbosity=0)
    rows_after, stamps_after = _snapshot()

    assert rows_after == rows_before
    assert stamps_after == stamps_before
    # The first run did load something into every content table, history included.
    for label in ("provenance.Source", "talks.Participant", "positions.ExchangeCount"):
        assert rows_before[label] > 0
    assert rows_before["talks.HistoricalRound"] == 17  # 3 Istanbul rounds, 14 of later tracks


@pytest.mark.django_db
def test_second_run_reports_everything_unchanged():
    call_command("load_istanbul", verbosity=0)
    out = StringIO()
    call_command("load_istanbul", stdout=out)

    lines = [line for line in out.getvalue().splitlines() if ":" in line and "created" in line]
    assert lines, out.getvalue()
    assert all(" 0 created, 0 updated," in line for line in lines), out.getvalue()


@pytest.mark.django_db
def test_verbosity_zero_prints_nothing():
    out = StringIO()
    call_command("load_istanbul", verbosity=0, stdout=out)
    assert out.getvalue() == ""


@pytest.mark.django_db
def test_an_edited_fact_is_restored_without_touching_other_rows(istanbul_record):
    round_2 = Round.objects.get(track__slug="istanbul", number=2)
    round_2.working_language = "en"
    round_2.save()
    untouched = Round.objects.get(track__slug="istanbul", number=1).updated_at

    call_command("load_istanbul", verbosity=0)

    assert Round.objects.get(track__slug="istanbul", number=2).working_language == "ru"
    assert Round.objects.get(track__slug="istanbul", number=1).updated_at == untouched


@pytest.mark.django_db
def test_a_removed_citation_is_restored(istanbul_record):
    round_3 = Round.objects.get(track__slug="istanbul", number=3)
    round_3.sources.remove(round_3.sources.get(code="S66"))

    call_command("load_istanbul", verbosity=0)

    assert round_3.sources.filter(code="S66").exists()


@pytest.mark.django_db
def test_a_reload_keeps_what_an_editor_changed_in_the_admin(django_user_model):
    call_command("load_istanbul", verbosity=0)
    editor = django_user_model.objects.create_user("editor")
    round_ = Round.objects.get(track__slug="istanbul", number=2)
    loaded_summary = round_.summary
    round_.summary = "Corrected by an editor after the transcript."
    round_.publication_status = "draft"
    round_._history_user = editor  # what the admin records for a save through it
    round_.save()
    round_.sources.clear()
    # A row changed outside the admin (no user in its history) is put back from the data.
    round_3 = Round.objects.get(track__slug="istanbul", number=3)
    round_3.summary = "Changed by a script."
    round_3.save()

    out = StringIO()
    call_command("load_istanbul", stdout=out)

    round_.refresh_from_db()
    assert round_.summary == "Corrected by an editor after the transcript."
    assert round_.publication_status == "draft"
    assert round_.sources.count() == 0
    assert "Rounds: 0 created, 1 updated, 15 unchanged, 1 kept as edited in the admin" in (
        out.getvalue()
    )
    assert Round.objects.get(track__slug="istanbul", number=3).summary != "Changed by a script."

    call_command("load_istanbul", "--overwrite-edits", verbosity=0)
    round_.refresh_from_db()
    assert round_.summary == loaded_summary
    assert round_.publication_status == "published"
    assert round_.sources.count() > 0
    # The editor's version is still in the history, to compare or revert to.
    assert round_.history.filter(summary="Corrected by an editor after the transcript.").exists()
