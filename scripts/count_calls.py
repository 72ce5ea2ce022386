"""Python function calls per request, for comparing two versions of the code (issue 14).

    DATABASE_URL=sqlite:////path/to/db.sqlite3 .venv/bin/python scripts/count_calls.py / /rounds/2/

Each URL is requested twice to warm up (imports, templates, caches), then once under cProfile;
the number of calls it made is printed. Unlike req/s it is the same on every run whatever else
the machine is doing, so it compares commits fairly on a shared box: run it on the same database
before and after a change. Production settings with the page cache off; the database must hold
the loaded record and its static files must be collected (`manage.py collectstatic`).
"""

import cProfile
import os
import pstats
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(urls: list[str]) -> int:
    os.environ.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY="count-calls-only-" + "x" * 50,
        DJANGO_ALLOWED_HOSTS="testserver",
        DJANGO_PAGE_CACHE_SECONDS="0",
        DJANGO_TRUSTED_PROXIES="1",
        API_ANON_RATE="100000000/minute",
    )
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.test import Client

    client = Client(HTTP_X_FORWARDED_PROTO="https")
    for url in urls:
        for _ in range(2):
            response = client.get(url)
        if response.status_code != 200:
            print(f"{url}: {response.status_code}", file=sys.stderr)
            return 1
        profile = cProfile.Profile()
        profile.enable()
        client.get(url)
        profile.disable()
        print(f"{pstats.Stats(profile).total_calls:>9,} calls  {url}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
