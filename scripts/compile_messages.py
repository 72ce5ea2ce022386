"""Compile the translation catalogues: each locale/<code>/LC_MESSAGES/django.po to its .mo.

Pure Python (polib), so neither `make run` nor the Docker image needs GNU gettext; only
`make messages` and `make i18n-check` do. With paths, compiles those .po files; without, every
catalogue under locale/. The .mo files are built, never committed (.gitignore).
"""

import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent


def main(paths: list[str]) -> int:
    catalogues = [Path(p) for p in paths] or sorted(ROOT.glob("locale/*/LC_MESSAGES/*.po"))
    for po in catalogues:
        polib.pofile(str(po)).save_as_mofile(str(po.with_suffix(".mo")))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
