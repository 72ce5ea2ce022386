"""`manage.py grow_record --scale N`: the loaded record held N times over, for benchmarks at scale,
with every clone page served like the original's and the change log still working."""

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from actors.models import Organization, Person
from positions.models import Commitment, Document, Issue
from provenance.models import Appearance, Source
from record.changes import recent_changes
from record.kinds import KINDS
from talks.models import Round, Track, Venue

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def record(istanbul_record_for_module):
    """Loaded once for the module; each test grows it in its own savepoint, undone after it."""


def public_counts() -> dict[str, int]:
    return {kind.name: kind.public().count() for kind in KINDS}


def all_rows() -> int:
    """Every row of every project model and history table, and the appearance log."""
    project = ("provenance", "actors", "talks", "positions")
    return sum(
        model.objects.count() for model in apps.get_models() if model._meta.app_label in project
    )


def test_scale_3_holds_every_public_kind_three_times(client):
    once = public_counts()
    call_command("grow_record", scale=3, verbosity=0)

    assert public_counts() == {name: 3 * count for name, count in once.items()}
    cloned = Round.objects.select_related("track").get(track__slug="istanbul-x3", number=2)
    assert client.get(cloned.get_absolute_url()).status_code == 200
    assert cloned.get_absolute_url() == "/tracks/istanbul-x3/rounds/2/"
    rounds = client.get("/api/v1/rounds/", {"track": "istanbul-x2"})
    assert rounds.status_code == 200
    assert rounds.json()["count"] == Round.objects.filter(track__slug="istanbul").count()


def test_clones_are_found_by_search_and_have_their_history():
    call_command("grow_record", scale=3, verbosity=0)

    cloned = Round.objects.get(track__slug="istanbul-x2", number=2)
    assert Round.objects.search("Çırağan").filter(pk=cloned.pk).exists()
    assert cloned.history.filter(history_type="+", publication_status="published").exists()
    assert Appearance.objects.filter(model="talks.round", object_id=cloned.pk).exists()
    assert recent_changes(10)


def test_unique_values_stay_distinct():
    call_command("grow_record", scale=3, verbosity=0)

    for model, field in [
        (Source, "code"),
        (Organization, "name"),
        (Person, "slug"),
        (Venue, "name"),
        (Track, "slug"),
        (Issue, "slug"),
        (Document, "slug"),
        (Commitment, "slug"),
        (Round, "key"),
    ]:
        values = list(model.objects.values_list(field, flat=True))
        assert len(set(values)) == len(values), (model, field)
        assert sum(value.endswith("-x3") for value in values) * 3 == len(values), (model, field)


def test_running_again_creates_nothing():
    call_command("grow_record", scale=3, verbosity=0)
    rows = all_rows()

    call_command("grow_record", scale=3, verbosity=0)
    assert all_rows() == rows

    with pytest.raises(CommandError, match="only grows"):
        call_command("grow_record", scale=2, verbosity=0)


def test_refuses_a_database_without_the_record():
    Round.objects.update(publication_status="draft")

    with pytest.raises(CommandError, match="load_istanbul"):
        call_command("grow_record", scale=2, verbosity=0)
