"""Dependencies go one way only (DESIGN.md, README "Layout"):

    provenance ← actors ← talks ← positions ← record ← {public, api} ← config      ops (beside)

A module may import the packages to its left and its own; `public` and `api` do not import each
other; `ops` imports only `provenance`; nothing but `config` imports `ops`, `public` or `api`.
Every package of the project is parsed, views, commands, migrations and settings included, so a
new module is covered without anyone listing it.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHAIN = ["provenance", "actors", "talks", "positions", "record"]
ALLOWED = {
    **{package: set(CHAIN[: CHAIN.index(package) + 1]) for package in CHAIN},
    "public": {*CHAIN, "public"},
    "api": {*CHAIN, "api"},
    "ops": {"provenance", "ops"},
    "config": {*CHAIN, "public", "api", "ops", "config"},
}
PROJECT = set(ALLOWED)


def packages() -> list[str]:
    """Every top-level Python package of the project (a folder with __init__.py, or config)."""
    found = {
        path.parent.name
        for path in ROOT.glob("*/__init__.py")
        if path.parent.name not in ("tests", "scripts")
    }
    return sorted(found | {"config"})


def imported(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return {name.split(".")[0] for name in names} & PROJECT


def test_every_package_has_a_place_in_the_layering():
    """A new top-level package must be given its place above, not slip through unchecked."""
    assert set(packages()) == PROJECT


@pytest.mark.parametrize("package", sorted(PROJECT))
def test_a_package_imports_only_the_packages_it_may(package):
    modules = sorted((ROOT / package).rglob("*.py"))
    assert modules
    offending = {
        str(path.relative_to(ROOT)): sorted(imported(path) - ALLOWED[package])
        for path in modules
        if imported(path) - ALLOWED[package]
    }
    assert offending == {}
