"""The README's `manage.py` commands run as written next to `make run`, in a shell where nothing
was exported (no DJANGO_DEBUG): each one is started with `--help`, so nothing is changed."""

import os
import pathlib
import re
import shlex
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
COMMAND = re.compile(r"((?:[A-Z_]+=\S+ )*)\.venv/bin/python manage\.py ([a-z_]+)")


def readme_commands() -> list[tuple[str, str]]:
    """(environment prefix, command name) for every command the README gives, except in a
    block that exports its own environment first."""
    found = set()
    for block in re.split(r"```", (ROOT / "README.md").read_text(encoding="utf-8")):
        if "export DJANGO_DEBUG" in block:
            continue
        found.update(COMMAND.findall(block))
    return sorted(found)


def test_the_readme_has_commands():
    assert len(readme_commands()) >= 4


@pytest.mark.parametrize(("prefix", "command"), readme_commands())
def test_a_readme_command_runs_as_written(prefix, command):
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(dict(assignment.split("=", 1) for assignment in shlex.split(prefix)))
    completed = subprocess.run(
        [sys.executable, "manage.py", command, "--help"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert completed.returncode == 0, completed.stderr[-600:]
