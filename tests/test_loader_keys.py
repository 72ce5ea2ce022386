"""The loader matches rows on their keys only: correcting a title, a date or a name in the data
files and loading again updates the row it belongs to and never adds a second one.

Every data file is covered (record.loader.spec.SPECS, children included), so a new kind of row
is tested without anyone listing it.
"""

import datetime
import shutil

import pytest
import yaml
from django.apps import apps
from django.db import models

from positions.models import Exchange
from record import tallies
from record.loader.files import DATA_DIR, _Loader
from record.loader.load import Loader
from record.loader.spec import SPECS, plain_fields, prose_fields

pytestmark = pytest.mark.django_db

PROJECT_APPS = ("provenance", "actors", "talks", "positions")


@pytest.fixture
def data_dir(tmp_path):
    target = tmp_path / "istanbul"
    shutil.copytree(DATA_DIR, target)
    return target


def row_counts() -> dict[str, int]:
    """Rows of every model of the record (history grows with each update, so it is left out)."""
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label in PROJECT_APPS and not model.__name__.startswith("Historical")
    }


def corrected(spec, row: dict) -> dict:
    """A correction of every kind an editor makes: new wording, and a day later where dated."""
    changes = {}
    for name in prose_fields(spec)[:1]:
        changes[name] = f"Corrected {name} of this {spec.name} row"
    for name, field in plain_fields(spec).items():
        is_day = isinstance(field, models.DateField) and not isinstance(field, models.DateTimeField)
        # A start moved a day later: an end, if any, stays after it.
        if is_day and row.get(name) and not name.startswith(("end", "ended")):
            day = datetime.date.fromisoformat(row[name]) + datetime.timedelta(days=1)
            changes[name] = day.isoformat()
            break
    return changes


def read(path) -> list:
    return yaml.load(path.read_text(), Loader=_Loader)  # noqa: S506 (a safe loader)


def plain(value):
    """Rows as plain dicts and lists, as yaml.safe_dump wants them."""
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


def write(path, rows) -> None:
    path.write_text(yaml.safe_dump(plain(rows), allow_unicode=True, sort_keys=False))


def test_correcting_every_kind_updates_the_row_and_adds_none(data_dir):
    Loader(data_dir=data_dir).load()
    before = row_counts()
    expected = []  # (model, lookup, changes)
    for spec in SPECS:
        path = data_dir / spec.file
        rows = read(path)
        first = rows[0]
        changes = corrected(spec, first)
        assert changes, f"{spec.file}: nothing to correct"
        first.update(changes)
        key_field = spec.key or "pk"
        expected.append((spec.model, {key_field: first["key"]}, changes))
        for child in spec.children:
            items = first.get(child.field) or next(r[child.field] for r in rows if r[child.field])
            item = items[0]
            child_changes = corrected(child.spec, item)
            item.update(child_changes)
            if child.spec.key:
                lookup = {child.spec.key: item["key"]}
            else:
                lookup = {f"{child.parent}__{key_field}": first["key"]}
                lookup.update({name: item[name] for name in child.match if name != "person"})
                if "person" in child.match:
                    lookup["person__slug"] = item["person"]
            expected.append((child.spec.model, lookup, child_changes))
        write(path, rows)

    Loader(data_dir=data_dir).load()

    assert row_counts() == before
    for model, lookup, changes in expected:
        obj = model._default_manager.get(**lookup)
        for name, value in changes.items():
            assert str(getattr(obj, name)) == value, (model.__name__, name)


def test_retitling_an_exchange_keeps_the_1000_for_1000_tally(data_dir):
    """The fault that made this rule: a corrected exchange title used to add a second exchange
    with its counts, and the 1,000-for-1,000 tally rose to 1,390 per side."""
    Loader(data_dir=data_dir).load()
    path = data_dir / "exchanges.yaml"
    rows = read(path)
    stage = next(row for row in rows if row["title"].startswith("1,000 for 1,000, stage 1"))
    stage["title"] = "1,000 for 1,000, first stage: 390 each"
    write(path, rows)

    Loader(data_dir=data_dir).load()

    exchanges = Exchange.objects.published().filter(
        commitment__slug="r1-pow-exchange-1000-for-1000"
    )
    assert exchanges.count() == 3
    assert exchanges.filter(title="1,000 for 1,000, first stage: 390 each").exists()
    people = tallies.tally(exchanges.prefetch_related("counts"), grouped=True)
    assert {(line.side, line.main.quantity) for line in people} == {
        ("ukraine", 1000),
        ("russia", 1000),
    }


def test_renaming_an_organization_keeps_its_posts_and_delegations(data_dir):
    Loader(data_dir=data_dir).load()
    path = data_dir / "organizations.yaml"
    rows = read(path)
    ukraine = next(row for row in rows if row["key"] == "ukraine")
    ukraine["name"] = "Ukraine (state)"
    write(path, rows)
    before = row_counts()

    Loader(data_dir=data_dir).load()

    assert row_counts() == before
    organization = apps.get_model("actors", "Organization").objects.get(key="ukraine")
    assert organization.name == "Ukraine (state)"
    assert organization.delegations.filter(round__track__slug="istanbul").count() == 3
