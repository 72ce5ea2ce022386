"""`changes/?since=` tells a mirror that was up to date at `since` exactly what to do, for every
resource in the router (record.kinds.RESOURCES) and every record a row is public with
(`publication_paths`): "created" for a row it never had — first published after `since`, or shown
with a record published after it —, "updated" for one it had and that changed, "removed" for
one to drop, never with a draft's title; each public row with its title and page, in JSON and
in CSV alike.
"""

import csv
import io

import pytest
from django.db import transaction
from django.db.models import ProtectedError
from django.utils import timezone

from provenance.guard import has_status
from provenance.models import PublicationStatus, publication_paths
from record.kinds import RESOURCES

pytestmark = pytest.mark.django_db

SECRET = "A draft title nobody outside may read"


def changes(client, since, **params) -> list[dict]:
    """Every change since `since`, following the pages."""
    found = []
    url, query = "/api/v1/changes/", {"since": since.isoformat(), "page_size": 500, **params}
    while url:
        body = client.get(url, query).json()
        found += body["results"]
        url, query = body["next"], None
    return found


def by_row(found: list[dict]) -> dict:
    rows = {}
    for change in found:
        key = (change["resource"], change["id"])
        assert key not in rows, f"{key} is listed twice"
        rows[key] = change
    return rows


def page_of(kind, obj) -> str | None:
    url = kind.url(obj)
    return f"http://testserver{url}" if url else None


def _path_target(model, path: str):
    for part in path.split("__"):
        model = model._meta.get_field(part).related_model
    return model


def _follow(obj, path: str):
    for part in path.split("__"):
        obj = getattr(obj, part)
    return obj


# Every (resource, path to a record with a status it is public with): ~30 pairs.
PARENT_PATHS = [
    pytest.param(kind, path, id=f"{kind.api_name}-{path}")
    for kind in RESOURCES
    for path in publication_paths(kind.model)
    if has_status(_path_target(kind.model, path))
]


def test_a_row_saved_after_since_is_updated_not_created(client, istanbul_record_for_module):
    since = timezone.now()
    saved = {}
    for kind in RESOURCES:
        obj = kind.public().select_related(*kind.related).order_by("pk").first()
        obj.save()
        saved[(kind.api_name, obj.pk)] = str(obj)
    found = by_row(changes(client, since))
    for key, title in saved.items():
        assert (found[key]["change"], found[key]["title"]) == ("updated", title)
    # The others listed show a saved row (a delegation its round): updated too, never created.
    assert {change["change"] for change in found.values()} == {"updated"}


@pytest.mark.parametrize(("kind", "path"), PARENT_PATHS)
def test_a_row_shown_or_hidden_with_a_record_it_belongs_to(
    client, istanbul_record_for_module, kind, path
):
    row = kind.public().filter(**{f"{path}__isnull": False}).order_by("pk").first()
    if row is None:  # a chain the record does not use (a stage of a stage of an exchange)
        pytest.skip(f"no public {kind.api_name} with a {path}")
    parent = _follow(row, path)
    key = (kind.api_name, row.pk)
    parent.publication_status = PublicationStatus.DRAFT
    parent.save()
    assert not kind.public().filter(pk=row.pk).exists()

    # A mirror synced while the parent was a draft never had the row: publishing the parent
    # shows it, though the row itself did not change.
    since = timezone.now()
    parent.publication_status = PublicationStatus.PUBLISHED
    parent.save()
    found = by_row(changes(client, since))
    assert found[key]["change"] == "created"
    assert found[key]["title"] == str(type(row).objects.get(pk=row.pk))

    # A mirror that had it is told to drop it when the parent is hidden again, without a title.
    since = timezone.now()
    if hasattr(parent, "title"):
        parent.title = SECRET
    parent.publication_status = PublicationStatus.DRAFT
    parent.save()
    found = by_row(changes(client, since))
    assert {k: found[key][k] for k in ("change", "title", "url", "page")} == {
        "change": "removed",
        "title": "",
        "url": None,
        "page": None,
    }


@pytest.mark.parametrize(
    "kind", [k for k in RESOURCES if has_status(k.model)], ids=lambda kind: kind.api_name
)
def test_an_unpublished_row_is_removed_without_its_draft_title(
    client, istanbul_record_for_module, kind
):
    obj = kind.public().order_by("pk").first()
    since = timezone.now()
    for field in ("title", "name", "summary"):
        if hasattr(obj, field):
            setattr(obj, field, SECRET)
    obj.publication_status = PublicationStatus.DRAFT
    obj.save()
    found = by_row(changes(client, since))
    assert found[(kind.api_name, obj.pk)]["change"] == "removed"
    assert found[(kind.api_name, obj.pk)]["title"] == ""
    for answer in (
        client.get("/api/v1/changes/", {"since": since.isoformat()}),
        client.get("/api/v1/changes.csv", {"since": since.isoformat()}),
    ):
        assert SECRET not in answer.content.decode()

    # Published again: a mirror that synced in between gets it back as "created".
    between = timezone.now()
    obj.publication_status = PublicationStatus.PUBLISHED
    obj.save()
    assert by_row(changes(client, between))[(kind.api_name, obj.pk)]["change"] == "created"
    # One that last synced before it was withdrawn still has it: "updated".
    assert by_row(changes(client, since))[(kind.api_name, obj.pk)]["change"] == "updated"


def _delete(obj) -> None:
    """Delete `obj`, and first whatever protects it from deletion (a venue's rounds)."""
    try:
        with transaction.atomic():
            obj.delete()
    except ProtectedError as error:
        for protecting in error.protected_objects:
            _delete(protecting)
        obj.delete()


@pytest.mark.parametrize("kind", RESOURCES, ids=lambda kind: kind.api_name)
def test_a_deleted_row_is_removed_without_a_title(client, istanbul_record_for_module, kind):
    obj = kind.public().order_by("pk").first()
    pk = obj.pk
    since = timezone.now()
    _delete(obj)
    found = by_row(changes(client, since))
    assert found[(kind.api_name, pk)]["change"] == "removed"
    assert found[(kind.api_name, pk)]["title"] == ""


def test_the_csv_says_what_the_json_says(client, istanbul_record_for_module):
    since = timezone.now()
    for kind in RESOURCES:
        kind.public().order_by("pk").first().save()
    query = {"since": since.isoformat(), "page_size": 500}
    json_rows = client.get("/api/v1/changes/", query).json()["results"]
    assert len(json_rows) >= len(RESOURCES)
    for url, extra in (("/api/v1/changes.csv", {}), ("/api/v1/changes/", {"format": "csv"})):
        response = client.get(url, {**query, **extra})
        assert response["Content-Type"].startswith("text/csv")
        csv_rows = list(csv.DictReader(io.StringIO(response.content.decode())))
        assert [{k: v for k, v in row.items() if k != "at"} for row in csv_rows] == [
            {k: "" if v is None else str(v) for k, v in row.items() if k != "at"}
            for row in json_rows
        ]
