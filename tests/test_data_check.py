"""`make data-check` passes on the record's data files and refuses each kind of bad row with its
file, line and field; the loader writes nothing when the check fails."""

import shutil
import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command

from record.loader.check import check
from record.loader.files import DATA_DIR, DataFileError
from record.loader.spec import SPECS, plain_fields
from talks.models import Round

ROOT = DATA_DIR.parent.parent


@pytest.fixture
def data_dir(tmp_path):
    target = tmp_path / "istanbul"
    shutil.copytree(DATA_DIR, target)
    return target


def plant(data_dir, file: str, old: str, new: str) -> int:
    """Replace the first `old` in `file` with `new`; the line number it is on."""
    path = data_dir / file
    text = path.read_text()
    assert old in text, f"{old!r} is not in {file}"
    path.write_text(text.replace(old, new, 1))
    return text[: text.index(old)].count("\n") + 1


def test_the_record_passes_the_check():
    dataset = check()
    assert len(dataset["rounds"]) >= 3
    assert len(dataset["sources"]) >= 100


def test_make_data_check_passes_and_says_so():
    result = subprocess.run(
        [sys.executable, "manage.py", "data_check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"DJANGO_DEBUG": "true", "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "The data files are fine" in result.stdout


# (file, text to replace, bad text, field named, words of the message)
BAD_ROWS = {
    "unknown reference": (
        "positions.yaml", "round: istanbul-1", "round: istanbul-99", "round",
        "no row of rounds has the key 'istanbul-99'",
    ),
    "unknown source": (
        "rounds.yaml", "sources: [S1, ", "sources: [S999, ", "sources",
        "no row of sources has the key 'S999'",
    ),
    "duplicate key": (
        "people.yaml", "- key: vladimir-medinsky", "- key: rustem-umerov", "key",
        "another row of people has this key",
    ),
    "invalid date": (
        "exchanges.yaml", "occurred_on: 2025-05-23", "occurred_on: 2025-05-32", "occurred_on",
        "not a date",
    ),
    "invalid precision": (
        "events.yaml", "occurred_on_precision: day", "occurred_on_precision: week",
        "occurred_on_precision", "'week' is not one of",
    ),
    "month precision on another day": (
        "sources.yaml", "published_on: 2025-05-16\n  published_on_precision: day",
        "published_on: 2025-05-16\n  published_on_precision: month", "published_on",
        "known to the month",
    ),
    "fact with no source": (
        "commitments.yaml", "sources: [S1, S2, S3, S4, S6, SEED]", "sources: []", "sources",
        "a fact needs at least one source",
    ),
    "source without an address": (
        "sources.yaml",
        "  url: http://avia-pro.net/news/v-stambule-zavershilis-peregovory-rossii-i-ukrainy\n",
        "", "url", "a source needs an address",
    ),
    "section number in reader text": (
        "rounds.yaml", "title: First round in Istanbul", "title: First round in Istanbul (§1)",
        "title", "points into the facts files ('§1')",
    ),
    "source code in reader text": (
        "commitments.yaml", "title: Exchange of prisoners, 1,000 for 1,000",
        "title: Exchange of prisoners, 1,000 for 1,000 (S22)", "title",
        "points into the facts files ('S22')",
    ),
    "seed code in reader text": (
        "events.yaml", "summary:", "summary: Per SEED,", "summary",
        "points into the facts files ('SEED')",
    ),
    "unknown field": (
        "venues.yaml", "city: Istanbul", "city: Istanbul\n  town: Beşiktaş", "town",
        "no such field in venues",
    ),
    "row without a key": ("issues.yaml", "- key: ceasefire", "- name_only: x", "key", "needs a key"),
    "text where a number belongs": (
        "delegations.yaml", "reported_size: 12", "reported_size: twelve", "reported_size",
        "a whole number",
    ),
    "second count for the same claim": (
        "exchanges.yaml",
        "  - receiving_side: russia\n    category: pows\n    quantity: 205\n"
        "    precision: exact\n    claimed_by: russia",
        "  - receiving_side: ukraine\n    category: pows\n    quantity: 205\n"
        "    precision: exact\n    claimed_by: ukraine",
        "counts", "same receiving_side, category, claimed_by",
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", BAD_ROWS, ids=list(BAD_ROWS))
def test_a_planted_bad_row_is_refused_with_file_line_and_field(data_dir, case):
    file, old, new, field, message = BAD_ROWS[case]
    line = plant(data_dir, file, old, new)
    with pytest.raises(DataFileError) as refused:
        check(data_dir)
    problems = [p for p in refused.value.problems if p.field == field and message in p.message]
    assert problems, [str(p) for p in refused.value.problems]
    problem = problems[0]
    assert problem.file == file
    # The line of the row (or nested row) that holds the bad value, at or above it.
    assert 0 < problem.line <= line + new.count("\n")
    assert f"{file}:{problem.line}" in str(refused.value)


def test_a_file_that_is_not_yaml_is_refused_with_its_line(data_dir):
    plant(data_dir, "issues.yaml", "- key: ceasefire", "- key: ceasefire\n  name: [unclosed")
    with pytest.raises(DataFileError) as refused:
        check(data_dir)
    assert refused.value.problems[0].file == "issues.yaml"
    assert "not valid YAML" in refused.value.problems[0].message


@pytest.mark.django_db
def test_the_loader_writes_nothing_when_the_check_fails(data_dir, monkeypatch):
    plant(data_dir, "positions.yaml", "round: istanbul-1", "round: istanbul-99")
    monkeypatch.setattr("record.loader.load.DATA_DIR", data_dir)
    with pytest.raises(CommandError, match="(?s)Nothing was loaded.*positions.yaml:3 "):
        call_command("load_istanbul", verbosity=0)
    assert not Round.objects.exists()


def test_the_data_readme_documents_every_field_of_every_file():
    """data/istanbul/README.md is what a fact-checker reads: each file's section lists each of
    its fields, so a field added to a model or a file is documented in the same commit."""
    readme = (DATA_DIR / "README.md").read_text()
    sections = {part.split("\n", 1)[0].split(" ")[0]: part for part in readme.split("\n### ")[1:]}
    for spec in SPECS:
        specs = [spec, *(child.spec for child in spec.children)]
        for documented in specs:
            section = sections[documented.file]
            names = [*plain_fields(documented), *documented.refs, *documented.many]
            names += [child.field for child in documented.children]
            missing = [name for name in names if f"| `{name}` |" not in section]
            assert missing == [], documented.file
