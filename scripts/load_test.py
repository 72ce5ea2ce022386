"""Load test (a benchmark, not a timed test): wrk against gunicorn on PostgreSQL with the loaded
record, then through the nginx micro-cache of deploy/nginx.conf, both on loopback only.

1. gunicorn direct: 16 clients for 30 s over load_urls.URLS in turn (Django's own page cache
   off, so every page is rendered from the database: the cost of a cache miss);
2. nginx micro-cache in front of the same gunicorn: 256 clients for 10 s;
3. the same through nginx, anonymous pages only: what the micro-cache does for the pages it may
   cache (the admin, logged-in users and /healthz always reach gunicorn);
4. gunicorn direct with Django's page cache on, in Redis (db REDIS_DB), as deployed: 16 clients
   for 10 s;
5. gunicorn direct without any cache and 256 clients, for comparison. Informational: when the
   pages cost more than 256 clients can wait for, wrk's 10 s timeouts show here, and they
   are reported, not failed.

Prints requests/s, p50, p99, errors and timeouts for each run and fails on any error (a
non-2xx/3xx answer, or a connect, read or write error) in runs 1–4; it never fails on slowness,
and a request wrk gave up on after 10 s is slowness: counted under "timeouts", not failed.
Run 2 mixes in the API, the admin and /healthz, which nginx never keeps, so on a busy machine
its 256 clients can wait that long. The database is talks_prod_load on
LOAD_SERVER (default the local PostgreSQL at 5432), created afresh and dropped afterwards.
"""

import os
import re
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

import psycopg
import redis
from load_urls import MICRO_CACHED, URLS
from stack import (
    ROOT,
    app_env,
    gunicorn,
    log,
    nginx,
    prepare_database,
    stop_on_signals,
)

SERVER = os.environ.get("LOAD_SERVER", "postgres://postgres@127.0.0.1:5432")
DATABASE = "talks_prod_load"
APP_PORT = int(os.environ.get("LOAD_APP_PORT", "8105"))
PROXY_PORT = int(os.environ.get("LOAD_PROXY_PORT", "8205"))
WORKERS, THREADS = 2, 4
REDIS_URL = f"redis://127.0.0.1:6379/{os.environ.get('REDIS_DB', '5')}"

# Every request claims https, as it would arriving through the TLS terminator.
LUA = """
local paths = {%s}
local i = 0
wrk.headers["X-Forwarded-Proto"] = "https"
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i %% #paths) + 1])
end
"""
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def admin(sql: str) -> None:
    with psycopg.connect(f"{SERVER}/postgres".replace("postgres://", "postgresql://", 1)) as db:
        db.autocommit = True
        db.execute(sql)


def milliseconds(text: str) -> float:
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * UNITS[unit]


def wrk(name: str, port: int, clients: int, seconds: int, script: Path) -> dict:
    log(f"{name}: {clients} clients for {seconds} s")
    # Anything else running on the machine shares the cores with wrk and gunicorn; the load
    # average before each run says how far the figures can be trusted.
    load = os.getloadavg()[0]
    output = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{clients}",
            f"-d{seconds}s",
            "--timeout",
            "10s",
            "--latency",
            "-s",
            str(script),
            f"http://127.0.0.1:{port}",
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 60,
    ).stdout
    latency = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)\s*$", output, re.M))
    if len(latency) != 2:
        raise RuntimeError(f"unexpected wrk output:\n{output}")
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    sockets = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    return {
        "name": name,
        "load": load,
        "clients": clients,
        "seconds": seconds,
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": milliseconds(latency["50"]),
        "p99": milliseconds(latency["99"]),
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
        # A timeout is wrk giving up after 10 s: slowness, reported. Connect, read and write
        # errors are failures.
        "socket_errors": sum(map(int, sockets.groups()[:3])) if sockets else 0,
        "timeouts": int(sockets.group(4)) if sockets else 0,
    }


def main() -> int:
    stop_on_signals()
    runs = []
    try:
        admin(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        admin(f'CREATE DATABASE "{DATABASE}"')
        env = app_env(f"{SERVER}/{DATABASE}", DJANGO_PAGE_CACHE_SECONDS="0")
        log(f"loading the Istanbul record into {DATABASE}")
        prepare_database(env)
        with tempfile.TemporaryDirectory(prefix="talks-wrk-") as directory:
            script = Path(directory) / "mix.lua"
            script.write_text(LUA % ", ".join(f'"{url}"' for url in URLS))
            pages = Path(directory) / "pages.lua"
            pages.write_text(LUA % ", ".join(f'"{url}"' for url in MICRO_CACHED))
            with gunicorn(env, APP_PORT, WORKERS, THREADS):
                runs.append(wrk("gunicorn direct", APP_PORT, 16, 30, script))
                with nginx(PROXY_PORT, f"127.0.0.1:{APP_PORT}", ROOT / "staticfiles"):
                    # A deployed cache is warm; without this, the first seconds measure all 256
                    # clients missing at once.
                    for url in MICRO_CACHED:
                        warm = f"http://127.0.0.1:{PROXY_PORT}{url}"
                        headers = {"X-Forwarded-Proto": "https"}
                        urllib.request.urlopen(urllib.request.Request(warm, headers=headers))
                    runs.append(wrk("nginx micro-cache", PROXY_PORT, 256, 10, script))
                    runs.append(wrk("nginx, cacheable pages", PROXY_PORT, 256, 10, pages))
                burst = wrk("gunicorn direct, burst", APP_PORT, 256, 10, script)
                burst["informational"] = True
            # The record was loaded without this cache, so nothing in it may be reused.
            redis.Redis.from_url(REDIS_URL).flushdb()
            cached_env = dict(env, DJANGO_PAGE_CACHE_SECONDS="60", REDIS_URL=REDIS_URL)
            with gunicorn(cached_env, APP_PORT, WORKERS, THREADS):
                runs.append(wrk("gunicorn + Redis page cache", APP_PORT, 16, 10, script))
            runs.append(burst)
    finally:
        admin(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')

    print(f"\n=== Load test: gunicorn gthread {WORKERS}×{THREADS}, PostgreSQL, URLs {URLS} ===")
    print(
        f"{'run':<28} {'clients':>7} {'s':>3} {'requests':>9} {'req/s':>9} {'p50 ms':>8} "
        f"{'p99 ms':>8} {'errors':>6} {'timeouts':>8} {'load':>5}"
    )
    for run in runs:
        errors = run["non_2xx"] + run["socket_errors"]
        print(
            f"{run['name']:<28} {run['clients']:>7} {run['seconds']:>3} {run['requests']:>9} "
            f"{run['rps']:>9.0f} {run['p50']:>8.1f} {run['p99']:>8.1f} {errors:>6} "
            f"{run['timeouts']:>8} {run['load']:>5.1f}"
        )
    failed = [
        run["name"]
        for run in runs
        if (run["non_2xx"] or run["socket_errors"]) and not run.get("informational")
    ]
    if failed:
        print(f"FAILED: errors in {', '.join(failed)}")
        return 1
    print(f"PASS: no errors (timings are reported, not judged; {os.cpu_count()} cores, 'load' is")
    print("the 1-minute load average before each run: above the core count, the box was shared)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
