"""Fail when a translation catalogue is incomplete or stale (`make i18n-check`, in `make checks`).

For each language of settings.LANGUAGES but English, locale/<code>/LC_MESSAGES/django.po must
have no untranslated and no fuzzy entry, and must hold exactly the strings the code marks for
translation now: `makemessages` is run into a temporary copy of locale/ (the real catalogues are
not touched) and a string it finds that the catalogue lacks, or one the catalogue keeps that the
code no longer has, fails the check. Exit status 0 when every catalogue is complete, 1 otherwise,
with one line per problem.
"""

import os
import shutil
import sys
import tempfile
from pathlib import Path

import django
import polib

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.chdir(ROOT)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
# The same options as `make messages`, so the check compares like with like.
MAKEMESSAGES_OPTIONS = {
    "no_obsolete": True,
    "add_location": "file",
    "ignore_patterns": ["tests/*", "staticfiles/*", "scripts/*"],
    "verbosity": 0,
}


def problems(catalogue: polib.POFile, fresh: polib.POFile, name: str) -> list[str]:
    """One line for each untranslated, fuzzy, missing or obsolete entry of `catalogue`."""
    found = []
    for entry in catalogue.untranslated_entries():
        found.append(f"{name}: untranslated: {entry.msgid!r}")
    for entry in catalogue.fuzzy_entries():
        found.append(f"{name}: fuzzy: {entry.msgid!r}")
    have = {(e.msgctxt, e.msgid) for e in catalogue if not e.obsolete}
    wanted = {(e.msgctxt, e.msgid) for e in fresh if not e.obsolete}
    for _, msgid in sorted(wanted - have, key=str):
        found.append(f"{name}: not in the catalogue (run `make messages`): {msgid!r}")
    for _, msgid in sorted(have - wanted, key=str):
        found.append(f"{name}: no longer in the code (run `make messages`): {msgid!r}")
    return found


def main() -> int:
    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test.utils import override_settings

    codes = [code for code, _ in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
    found = []
    with tempfile.TemporaryDirectory() as tmp:
        # makemessages writes into ./locale of the directory it runs in: run it in a tree of
        # links to the project's files around a copy of locale/, so the real one stays as it is.
        for entry in ROOT.iterdir():
            if entry.name != "locale" and not entry.name.startswith("."):
                (Path(tmp) / entry.name).symlink_to(entry)
        copy = Path(tmp) / "locale"
        shutil.copytree(ROOT / "locale", copy)
        os.chdir(tmp)
        try:
            with override_settings(LOCALE_PATHS=[copy]):
                call_command("makemessages", locale=codes, symlinks=True, **MAKEMESSAGES_OPTIONS)
        finally:
            os.chdir(ROOT)
        for code in codes:
            relative = Path(code) / "LC_MESSAGES" / "django.po"
            catalogue = polib.pofile(str(ROOT / "locale" / relative))
            fresh = polib.pofile(str(copy / relative))
            found += problems(catalogue, fresh, str(Path("locale") / relative))
            if not found:
                print(f"{code}: {len(catalogue.translated_entries())} strings, all translated")
    print("\n".join(found), file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
