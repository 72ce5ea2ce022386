"""Reading the data files: YAML rows that remember their file and line, so every problem the
check finds can be reported where an editor can fix it."""

from dataclasses import dataclass
from pathlib import Path

import yaml
from django.conf import settings

DATA_DIR = Path(settings.BASE_DIR) / "data" / "istanbul"


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """Safe YAML in which dates and times stay text: the check parses and validates them, so a
    bad date is reported with its row instead of being guessed at by YAML. Parsed by libyaml
    where PyYAML has it (its wheels do): ten times faster, and every load and check reads the
    whole record."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _mapping_with_line(loader, node):
    mapping = loader.construct_mapping(node, deep=True)
    return Row(mapping, node.start_mark.line + 1)


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)


class Row(dict):
    """One row of a data file: its fields, and the line it starts on."""

    def __init__(self, fields: dict, line: int):
        super().__init__(fields)
        self.line = line


@dataclass(frozen=True)
class Problem:
    """Something the check refuses, with where to fix it."""

    file: str
    line: int
    key: str
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}"
        row = f" ({self.key})" if self.key else ""
        column = f" {self.field}:" if self.field else ""
        return f"{where}{row}{column} {self.message}"


class DataFileError(Exception):
    """The data files cannot be read or fail the check; `problems` lists each one."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))


def read(file: str, data_dir: Path = DATA_DIR) -> list[Row]:
    """The rows of one data file, or DataFileError if it is not a YAML list of rows."""
    path = data_dir / file
    try:
        rows = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506 (safe)
    except FileNotFoundError:
        raise DataFileError([Problem(file, 0, "", "", "the file is missing.")]) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 0
        raise DataFileError([Problem(file, line, "", "", f"not valid YAML: {error}")]) from None
    if rows is None:
        return []
    if not isinstance(rows, list) or not all(isinstance(row, Row) for row in rows):
        raise DataFileError([Problem(file, 1, "", "", "must be a list of rows (- key: …).")])
    return rows
