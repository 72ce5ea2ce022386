"""`make bench`: how close the uncached pages and API lists come to their data floor (issue 14).

For SQLite (a fresh file in a temporary directory) and, when BENCH_DATABASE_URL is set (e.g.
postgres://postgres@127.0.0.1:5432), PostgreSQL (database `bench_talks`, dropped afterwards):

1. builds the record (migrate, load_istanbul, collectstatic; `grow_record --scale N` for N > 1);
2. starts gunicorn with the production config (2 workers, page cache off) and the bench-only
   settings `scripts.bench_site.settings` (the data floors under /_bench/floor/ and an
   X-Bench-Queries header), and Datasette on an export of the rows each floor serves;
3. runs wrk (16 connections, 2 threads, --seconds each) over every target in turn, --rounds
   times (interleaved, so a slow minute of the machine hits every target alike), and keeps the
   median req/s, p50 and p99 of each;
4. measures a cached page on a second gunicorn with Django's page cache on (60 s, in each
   worker's local memory: no Redis needed), after the uncached rounds;
5. prints one table per database and one line per goal of issue 14, and writes the same to
   test-output/bench-<database>.md and .json.

It refuses to start (exit 3, unless --force) when the 1-minute load average is above --max-load
(BENCH_MAX_LOAD, default 0.7): figures from a busy machine mislead. Between measurements it
samples how busy the CPUs are while our own servers are idle (the load average would count our
own wrk and gunicorn) and marks with `*` each figure measured while other work used more than
--max-load cores. Exit 0 when it reported, whether goals were met or not; 2 on a setup error.
"""

import argparse
import json
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from stack import PYTHON, ROOT, app_env, gunicorn, log, stop_on_signals, stop_process, wait_for

APP_PORT = int(os.environ.get("BENCH_APP_PORT", "8311"))
CACHED_PORT = APP_PORT + 1
DATASETTE_PORT = APP_PORT + 2
PG_DATABASE = "bench_talks"
CONNECTIONS, THREADS = 16, 2
PAGE_SIZE, SMALL_PAGE_SIZE = 50, 10
HEADERS = {"X-Forwarded-Proto": "https"}  # as through the TLS terminator (stack.app_env)
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}
# Which real rows the pages are measured on: the first published one of each kind, found in
# the built database (ids differ between SQLite and PostgreSQL).
DISCOVER = """
import json
from actors.models import Organization, Person
from positions.models import Commitment, Document, Exchange, Issue
from provenance.models import Source
from talks.models import DEFAULT_TRACK, Event, Round
from api.urls import router
def first(model, *order):
    manager = model.objects
    queryset = manager.published() if hasattr(manager, "published") else manager.all()
    return queryset.order_by(*order or ["pk"]).first()
other = Round.objects.published().exclude(track__slug=DEFAULT_TRACK).order_by("held_on").first()
person = first(Person)
issue = Issue.objects.order_by("order").first()
print(json.dumps({
    "round": Round.objects.published().filter(track__slug=DEFAULT_TRACK, number=2).first().number,
    "other_track": other.track.slug, "other_round": other.number,
    "issue": issue.slug, "person": person.slug, "person_id": person.pk,
    "exchange": first(Exchange).pk, "commitment": first(Commitment).slug,
    "document": first(Document).slug, "event": first(Event).pk,
    "organization": first(Organization).pk, "source": first(Source).pk,
    "query": "Umerov",
    "api_lists": [[prefix, basename] for prefix, _viewset, basename in router.registry],
}))
"""

# Each HTML page type and the data floor of its main list (None: a page with no list to
# compare with; it is measured, not rated). `{…}` is filled from DISCOVER's answer.
PAGES = {
    "/": "round/",  # the home page: the rounds
    "/about/": None,
    "/timeline/": "timeline/",  # the first 50 dated entries
    "/tracks/": "track/",
    "/tracks/{other_track}/": "round/?track={other_track}",
    "/rounds/": "round/",
    "/rounds/{round}/": "participant/?round={round}",  # the round's participants
    "/tracks/{other_track}/rounds/{other_round}/": (
        "participant/?track={other_track}&round={other_round}"
    ),
    "/events/{event}/": None,
    "/people/": "person/",
    "/people/{person}/": "participant/?person={person_id}",  # the rounds they attended
    "/organizations/": "organization/",
    "/organizations/{organization}/": None,
    "/issues/": "issue/",
    "/issues/{issue}/": "position/?issue={issue}",  # each side's positions on it
    "/documents/": "document/",
    "/documents/{document}/": None,
    "/commitments/": "commitment/",
    "/commitments/{commitment}/": None,
    "/totals/": "exchange-count/?counted=true",  # the counts the tracker adds up
    "/exchanges/{exchange}/": "exchange-count/?exchange={exchange}",
    "/sources/": "source/",
    "/sources/{source}/": None,
    "/search/?q={query}": "person/?q={query}",
    "/changes/": None,
}
# The first page of these stays within 1.5× of its 1× figure as the record grows (with every
# API list).
SCALED_PAGES = ("/", "/timeline/", "/search/?q={query}", "/api/v1/timeline/")


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scales", default="1", help="copies of the record, e.g. 1,10,100")
    parser.add_argument("--seconds", type=int, default=1, help="length of each wrk run")
    parser.add_argument("--rounds", type=int, default=3, help="times each target is run")
    parser.add_argument(
        "--max-load",
        type=float,
        default=float(os.environ.get("BENCH_MAX_LOAD", "0.7")),
        help="busiest the machine may be (load average, busy cores); env BENCH_MAX_LOAD",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="measure even when the machine is busy at the start (figures are still marked)",
    )
    parser.add_argument(
        "--only",
        default="",
        help="measure only these targets: comma-separated keys, each matching a target's key "
        "exactly or, if longer than one character, any key containing it (e.g. '/,/timeline/')",
    )
    args = parser.parse_args()
    args.scales = [int(scale) for scale in args.scales.split(",")]
    if args.scales[0] != 1:
        parser.error("--scales must start with 1: every other scale is compared with it")
    return args


# --- the machine ---


def cpu_times() -> tuple[int, int]:
    fields = [int(value) for value in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle + iowait
    return sum(fields) - idle, sum(fields)


def group_cpu_ticks(pgid: int) -> int:
    """CPU time (clock ticks) used so far by the processes of one process group."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # ended meanwhile
        if int(fields[2]) == pgid:  # fields after the name: state, ppid, pgrp, …
            total += int(fields[11]) + int(fields[12])  # utime + stime
    return total


def settle(pgids: list[int], patience: float = 15.0) -> float:
    """Wait until our servers are idle; then how many cores other work kept busy meanwhile.

    wrk stops at its deadline but gunicorn still answers the requests already queued, which
    would otherwise share the cores with the next target. Once our processes used at most a
    tick in a 0.3 s window, the rest of the machine's busy time in that window is other work
    (the load average would count our own wrk and gunicorn).
    """
    deadline = time.monotonic() + patience
    while True:
        busy0, total0 = cpu_times()
        ours0 = sum(group_cpu_ticks(pgid) for pgid in pgids)
        time.sleep(0.3)
        busy1, total1 = cpu_times()
        ours = sum(group_cpu_ticks(pgid) for pgid in pgids) - ours0
        if ours <= 1 or time.monotonic() > deadline:
            other = max(busy1 - busy0 - ours, 0)
            return other / max(total1 - total0, 1) * os.cpu_count()


def refuse_if_busy(max_load: float) -> None:
    load = os.getloadavg()[0]
    if load > max_load:
        print(
            f"bench: the machine is busy (1-minute load average {load:.2f} > {max_load}); "
            "figures measured now would mislead. Wait, or set BENCH_MAX_LOAD / --max-load.",
            file=sys.stderr,
        )
        sys.exit(3)


# --- building the record ---


def manage(env: dict, *args: str, show: bool = False) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        text=True,
        stdout=None if show else subprocess.PIPE,
        stderr=subprocess.PIPE,
        timeout=3600,
    )
    if result.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")
    return result.stdout or ""


def require_grow_record(env: dict) -> None:
    """Before anything is measured: scales above 1 need `manage.py grow_record`."""
    if "grow_record" not in manage(env, "help", "--commands").split():
        raise RuntimeError(
            "--scales above 1 need `manage.py grow_record --scale N`, which this checkout does "
            "not have yet; run with --scales 1"
        )


def grow(env: dict, scale: int) -> None:
    log(f"growing the record to {scale}×")
    # Its own progress lines go straight to the terminal.
    manage(env, "grow_record", "--scale", str(scale), show=True)


def pg_admin(server: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(f"{server}/postgres".replace("postgres://", "postgresql://", 1)) as db:
        db.autocommit = True
        db.execute(sql)


# --- measuring ---


def milliseconds(text: str) -> float:
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * UNITS[unit]


def wrk(port: int, url: str, seconds: int, headers: dict) -> dict:
    header_args = [arg for name, value in headers.items() for arg in ("-H", f"{name}: {value}")]
    output = subprocess.run(
        ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{seconds}s", "--timeout", "10s"]
        + ["--latency", *header_args, f"http://127.0.0.1:{port}{url}"],
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 60,
    ).stdout
    latency = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)\s*$", output, re.M))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    sockets = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    if requests == 0 or len(latency) != 2:
        # Not one answer within the run: slower than --seconds under this load (shown "> run").
        return {"rps": 0.0, "p50": float("inf"), "p99": float("inf"), "errors": 0}
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": milliseconds(latency["50"]),
        "p99": milliseconds(latency["99"]),
        "errors": (int(bad.group(1)) if bad else 0)
        + (sum(map(int, sockets.groups())) if sockets else 0),
    }


def fetch(port: int, url: str, headers: dict | None = None) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{url}", headers={**HEADERS, **(headers or {})}
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


class Target:
    """One URL to run wrk on; `floor` and `datasette` name the targets it is compared with."""

    def __init__(self, key, url, group, *, port=APP_PORT, headers=None, floor=None, datasette=None):
        self.key, self.url, self.group, self.port = key, url, group, port
        self.headers = {**HEADERS, **(headers or {})}
        self.floor, self.datasette = floor, datasette
        self.samples: list[dict] = []
        self.queries: str = ""

    def median(self, name: str) -> float:
        values = [sample[name] for sample in self.samples]
        return statistics.median(values) if values else float("nan")

    @property
    def loaded(self) -> bool:
        return any(sample["busy"] for sample in self.samples)

    @property
    def errors(self) -> int:
        return sum(sample["errors"] for sample in self.samples)


def discover(env: dict) -> dict:
    return json.loads(manage(env, "shell", "-c", DISCOVER).strip().splitlines()[-1])


def build_targets(ids: dict, api_lists: list[tuple[str, str]], floor_counts: dict) -> list[Target]:
    fill = {key: urllib.parse.quote(str(value)) for key, value in ids.items()}
    targets = [Target("/healthz", "/healthz", "framework")]
    floors: dict[str, Target] = {}

    def floor_target(spec: str) -> str:
        url = f"/_bench/floor/{spec.format(**fill)}"
        floors.setdefault(url, Target(url, url, "floor"))
        return url

    for prefix, basename in api_lists:
        floor = floor_target(f"{basename}/")
        for suffix, table in (("", "json"), ("format=csv&", "csv")):
            url = f"/api/v1/{prefix}/?{suffix}page_size={PAGE_SIZE}"
            targets.append(
                Target(url, url, "api", floor=floor, datasette=f"datasette {basename} {table}")
            )
        if floor_counts.get(basename, 0) >= PAGE_SIZE:
            # Only where the first page is full: page_size=10 against 50 is the per-row cost.
            small = f"/api/v1/{prefix}/?page_size={SMALL_PAGE_SIZE}"
            targets.append(
                Target(small, small, "api-small", floor=f"/api/v1/{prefix}/?page_size={PAGE_SIZE}")
            )
    timeline_floor = floor_target("timeline/")
    targets.append(Target("/api/v1/timeline/", "/api/v1/timeline/", "api", floor=timeline_floor))
    search = f"/api/v1/search/?q={fill['query']}"
    targets.append(Target(search, search, "api", floor=floor_target(f"person/?q={fill['query']}")))
    for page, spec in PAGES.items():
        url = page.format(**fill)
        targets.append(Target(url, url, "page", floor=floor_target(spec) if spec else None))
    targets.extend(floors.values())
    return targets


def export_for_datasette(directory: Path, api_lists) -> Path:
    """The rows each API list's floor serves, one table per list, in one SQLite file."""
    path = directory / "floors.db"
    path.unlink(missing_ok=True)  # rows of the previous scale or database
    db = sqlite3.connect(path)
    for _prefix, basename in api_lists:
        _status, _headers, body = fetch(APP_PORT, f"/_bench/floor/{basename}/")
        rows = json.loads(body)["results"]
        table = basename.replace("-", "_")
        if not rows:
            db.execute(f'CREATE TABLE "{table}" (id INTEGER)')
            continue
        columns = list(rows[0])
        db.execute(f'CREATE TABLE "{table}" ({", ".join(f"[{c}]" for c in columns)})')
        db.executemany(
            f'INSERT INTO "{table}" VALUES ({", ".join("?" * len(columns))})',
            [
                [
                    row[c] if not isinstance(row[c], dict | list) else json.dumps(row[c])
                    for c in columns
                ]
                for row in rows
            ],
        )
    db.commit()
    db.close()
    return path


def datasette(path: Path):
    process = subprocess.Popen(
        [
            str(Path(PYTHON).parent / "datasette"),
            "serve",
            "-i",
            str(path),
            "--port",
            str(DATASETTE_PORT),
        ]
        + ["--setting", "suggest_facets", "off", "--setting", "default_facet_size", "0"]
        + ["--setting", "allow_facet", "off"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    wait_for(f"http://127.0.0.1:{DATASETTE_PORT}/-/versions.json", process)
    return process


def measure(targets: list[Target], args, label: str, servers: list[int]) -> None:
    """wrk on every target in turn, `args.rounds` times; a busy machine marks the sample."""
    started = time.monotonic()
    for number in range(1, args.rounds + 1):
        log(f"{label}: round {number} of {args.rounds} over {len(targets)} targets")
        for target in targets:
            busy = settle(servers)
            sample = wrk(target.port, target.url, args.seconds, target.headers)
            sample["busy"] = busy > args.max_load
            target.samples.append(sample)
        log(f"{label}: round {number} done after {time.monotonic() - started:.0f} s")


def run_scale(env: dict, ids: dict, args, label: str, workdir: Path) -> list[Target]:
    api_lists = ids["api_lists"]
    bench_env = dict(env, DJANGO_PAGE_CACHE_SECONDS="0")
    with gunicorn(bench_env, APP_PORT, workers=2) as app:
        floor_counts = {
            basename: json.loads(fetch(APP_PORT, f"/_bench/floor/{basename}/")[2])["count"]
            for _prefix, basename in api_lists
        }
        targets = build_targets(ids, api_lists, floor_counts)
        url = f"/api/v1/rounds/?page_size={PAGE_SIZE}"
        etag = fetch(APP_PORT, url)[1]["ETag"]
        targets.insert(1, Target(f"304 {url}", url, "304", headers={"If-None-Match": etag}))
        for target in targets:
            counts = []
            # The fewest of three: the content version is cached a few seconds per worker, so
            # one answer in a while costs its query too, whatever the scale.
            for _ in range(3):
                status, headers, _body = fetch(target.port, target.url, target.headers)
                expected = 304 if target.group == "304" else 200
                if status != expected:
                    raise RuntimeError(f"{target.url} answered {status}, not {expected}")
                counts.append(int(headers.get("X-Bench-Queries", "-1")))
            target.queries = str(min(counts))
        export = export_for_datasette(workdir, api_lists)
        database = export.stem
        for _prefix, basename in api_lists:
            table = basename.replace("-", "_")
            for kind, query in (
                ("json", "_shape=objects&_size=50&_nofacet=1&_nosuggest=1"),
                ("csv", "_size=50"),
            ):
                key = f"datasette {basename} {kind}"
                url = f"/{database}/{table}.{kind}?{query}"
                targets.append(Target(key, url, "datasette", port=DATASETTE_PORT, headers={}))
        if args.only:
            targets = [target for target in targets if _chosen(target.key, args.only)]
        process = datasette(export)
        try:
            measure(targets, args, f"{label} uncached", [app.pid, process.pid])
        finally:
            stop_process(process)
    # Django's page cache in each worker's local memory (no REDIS_URL): the cached path alone.
    cached_env = dict(env, DJANGO_PAGE_CACHE_SECONDS="60")
    cached = [
        Target(f"cached {url}", url, "cached", port=CACHED_PORT)
        for url in ("/", f"/rounds/{ids['round']}/")
    ]
    with gunicorn(cached_env, CACHED_PORT, workers=2) as app:
        for target in cached:
            for _ in range(4):  # warm both workers' caches
                fetch(CACHED_PORT, target.url)
        measure(cached, args, f"{label} page cache on", [app.pid])
    return targets + cached


# --- reporting ---


def fmt(value: float, digits: int = 0) -> str:
    if value == float("inf"):
        return "> run"  # no answer within a whole wrk run
    return "—" if value != value else f"{value:,.{digits}f}"  # NaN: not measured


def ratio(target: Target, other: Target | None) -> float:
    if other is None or not other.samples or not target.samples:
        return float("nan")
    return target.median("rps") / other.median("rps") if other.median("rps") else float("nan")


def report(label: str, by_scale: dict[int, list[Target]], args) -> tuple[str, dict]:
    scales = sorted(by_scale)
    index = {scale: {t.key: t for t in targets} for scale, targets in by_scale.items()}
    base = index[scales[0]]
    lines = [
        f"### {label}: gunicorn 2 workers, wrk {CONNECTIONS} connections × {args.seconds} s, "
        f"median of {args.rounds} rounds, page cache off ({os.cpu_count()} cores)",
        "",
        "| URL | req/s | p50 ms | p99 ms | floor req/s | × floor | × Datasette | queries "
        + " / ".join(f"{s}×" for s in scales)
        + " |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for target in by_scale[scales[0]]:
        if target.group in ("floor", "datasette", "api-small") or not target.samples:
            continue
        floor, ds = base.get(target.floor or ""), base.get(target.datasette or "")
        mark = " *" if target.loaded else ""
        errors = f" ({target.errors} errors)" if target.errors else ""
        queries = " / ".join(
            index[s][target.key].queries if target.key in index[s] else "—" for s in scales
        )
        lines.append(
            f"| `{target.key}`{mark}{errors} | {fmt(target.median('rps'))} | {fmt(target.median('p50'), 1)} "
            f"| {fmt(target.median('p99'), 1)} | {fmt(floor.median('rps')) if floor else '—'} "
            f"| {fmt(ratio(target, floor), 2)} | {fmt(ratio(target, ds), 2)} | {queries or '—'} |"
        )
    lines += [
        "",
        "Floors and Datasette:",
        "",
        "| URL | req/s | p50 ms | p99 ms |",
        "|---|---|---|---|",
    ]
    for target in by_scale[scales[0]]:
        if target.group in ("floor", "datasette") and target.samples:
            mark = " *" if target.loaded else ""
            lines.append(
                f"| `{target.key}`{mark} | {fmt(target.median('rps'))} | "
                f"{fmt(target.median('p50'), 1)} | {fmt(target.median('p99'), 1)} |"
            )
    if len(scales) > 1:
        lines += [
            "",
            "As the record grows (req/s):",
            "",
            "| URL | " + " | ".join(f"{s}×" for s in scales) + " |",
        ]
        lines.append("|---|" + "---|" * len(scales))
        for key in scaled_keys(base):
            lines.append(
                f"| `{key}` | "
                + " | ".join(
                    fmt(index[s][key].median("rps")) if key in index[s] else "—" for s in scales
                )
                + " |"
            )
    goals = judge(index, scales, base)
    lines += ["", *goals]
    if any(t.loaded for targets in by_scale.values() for t in targets):
        lines.append(f"(* measured while other work kept more than {args.max_load} cores busy)")
    data = {
        "database": label,
        "seconds": args.seconds,
        "rounds": args.rounds,
        "load_average": os.getloadavg(),
        "scales": {
            str(scale): [
                {
                    "key": t.key,
                    "url": t.url,
                    "group": t.group,
                    "floor": t.floor,
                    "datasette": t.datasette,
                    "queries": t.queries,
                    "samples": t.samples,
                    "rps": t.median("rps"),
                    "p50": t.median("p50"),
                    "p99": t.median("p99"),
                }
                for t in targets
            ]
            for scale, targets in by_scale.items()
        },
        "goals": goals,
    }
    return "\n".join(lines), data


def scaled_keys(base: dict) -> list[str]:
    keys = [t.key for t in base.values() if t.group == "api" and "format=csv" not in t.key]
    pages = [t.key for t in base.values() if t.group == "page"]
    wanted = [
        page
        for page in pages
        if any(
            re.fullmatch(re.sub(r"\\\{\w+\\\}", "[^/]+", re.escape(spec)), page)
            for spec in SCALED_PAGES
        )
    ]
    return wanted + keys


def goal(name: str, met: bool | None, figure: str) -> str:
    verdict = "NOT MEASURED" if met is None else ("MET" if met else "NOT MET")
    return f"GOAL {name}: {verdict} — {figure}"


def worst(pairs: list[tuple[str, float]], lowest: bool = True) -> tuple[str, float] | None:
    pairs = [(key, value) for key, value in pairs if value == value]
    if not pairs:
        return None
    return (min if lowest else max)(pairs, key=lambda pair: pair[1])


def judge(index: dict, scales: list[int], base: dict) -> list[str]:
    lines = []
    for scale in scales:
        at = index[scale]
        api = [t for t in at.values() if t.group == "api"]
        pages = [t for t in at.values() if t.group == "page"]
        healthz = at.get("/healthz")
        checks = [
            (
                "api-list >=0.8x floor",
                [(t.key, ratio(t, at.get(t.floor or ""))) for t in api],
                0.8,
                True,
                "x",
            ),
            (
                "api-list >=2x Datasette",
                [(t.key, ratio(t, at.get(t.datasette or ""))) for t in api if t.datasette],
                2,
                True,
                "x",
            ),
            (
                "page >=0.5x floor",
                [(t.key, ratio(t, at.get(t.floor or ""))) for t in pages if t.floor],
                0.5,
                True,
                "x",
            ),
            ("page p99 <150ms", [(t.key, t.median("p99")) for t in pages], 150, False, " ms"),
            (
                "304 >=0.8x framework floor",
                [(t.key, ratio(t, healthz)) for t in at.values() if t.group == "304"],
                0.8,
                True,
                "x",
            ),
            (
                "cached page >=0.8x framework floor",
                [(t.key, ratio(t, healthz)) for t in at.values() if t.group == "cached"],
                0.8,
                True,
                "x",
            ),
        ]
        per_row = []
        for t in at.values():
            full = at.get(t.floor or "") if t.group == "api-small" else None
            if full and full.samples and t.samples:
                cost = (1 / full.median("rps") - 1 / t.median("rps")) / (
                    PAGE_SIZE - SMALL_PAGE_SIZE
                )
                per_row.append((full.key, cost * 1e6))
        checks.append(
            ("per extra row <=10us (1/req·s, page_size 10→50)", per_row, 10, False, " µs")
        )
        for name, pairs, limit, lowest, unit in checks:
            found = worst(pairs, lowest)
            if found is None:
                lines.append(goal(f"{name} ({scale}×)", None, "no figure"))
                continue
            key, value = found
            met = value >= limit if lowest else value <= limit
            figure = f"{fmt(value, 2)}{unit}" if value != float("inf") else "no answer within a run"
            lines.append(goal(f"{name} ({scale}×)", met, f"worst {key} {figure}"))
    if len(scales) == 1:
        lines.append(
            goal(
                "within 1.5x of 1x as the record grows",
                None,
                "one scale measured (--scales 1,10,100)",
            )
        )
        lines.append(goal("query counts unchanged across scales", None, "one scale measured"))
        return lines
    slowdowns, changed = [], []
    for scale in scales[1:]:
        for key in scaled_keys(base):
            if key in index[scale]:
                slowdowns.append((f"{key} at {scale}×", ratio(base[key], index[scale][key])))
        for key, target in index[scale].items():
            if (
                key in base
                and target.queries != base[key].queries
                and target.group not in ("datasette", "floor")
            ):
                changed.append(f"{key} {base[key].queries}→{target.queries} at {scale}×")
    found = worst(slowdowns, lowest=False)
    lines.append(
        goal(
            "within 1.5x of 1x as the record grows",
            found and found[1] <= 1.5,
            f"worst {found[0]} {found[1]:.2f}x slower" if found else "no figure",
        )
    )
    lines.append(
        goal(
            "query counts unchanged across scales",
            not changed,
            "; ".join(changed[:5]) or "all equal",
        )
    )
    return lines


def run_database(label: str, env: dict, args, workdir: Path) -> None:
    if max(args.scales) > 1:
        require_grow_record(env)
    log(f"{label}: migrate, load_istanbul, collectstatic")
    manage(env, "migrate", "--noinput")
    manage(env, "load_istanbul")
    manage(env, "collectstatic", "--noinput")
    by_scale = {}
    for scale in args.scales:
        if scale > 1:
            grow(env, scale)
        ids = discover(env)
        by_scale[scale] = run_scale(env, ids, args, f"{label} {scale}×", workdir)
    text, data = report(label, by_scale, args)
    print("\n" + text + "\n", flush=True)
    out = ROOT / "test-output"
    out.mkdir(exist_ok=True)
    (out / f"bench-{label.lower()}.md").write_text(text + "\n")
    (out / f"bench-{label.lower()}.json").write_text(json.dumps(data, indent=1, default=str))
    log(f"wrote test-output/bench-{label.lower()}.md and .json")


def _chosen(key: str, only: str) -> bool:
    """Whether --only picks the target `key`: "/" picks home alone, "/timeline/" every key with
    it in (the timeline page and its floor)."""
    wanted = [item for item in only.split(",") if item]
    return any(key == item or (len(item) > 1 and item in key) for item in wanted)


def main() -> int:
    args = parse_args()
    stop_on_signals()
    if not args.force:
        refuse_if_busy(args.max_load)
    if not shutil.which("wrk"):
        print("bench: wrk is not installed (apt-get install wrk)", file=sys.stderr)
        return 2
    started = time.monotonic()
    server = os.environ.get("BENCH_DATABASE_URL", "").rstrip("/")
    settings = {"DJANGO_SETTINGS_MODULE": "scripts.bench_site.settings"}
    try:
        with tempfile.TemporaryDirectory(prefix="talks-bench-") as directory:
            workdir = Path(directory)
            sqlite_env = app_env(f"sqlite:///{workdir / 'bench.sqlite3'}", **settings)
            run_database("SQLite", sqlite_env, args, workdir)
            if server:
                pg_admin(server, f'DROP DATABASE IF EXISTS "{PG_DATABASE}" WITH (FORCE)')
                pg_admin(server, f'CREATE DATABASE "{PG_DATABASE}"')
                try:
                    pg_env = app_env(f"{server}/{PG_DATABASE}", **settings)
                    run_database("PostgreSQL", pg_env, args, workdir)
                finally:
                    pg_admin(server, f'DROP DATABASE IF EXISTS "{PG_DATABASE}" WITH (FORCE)')
    except RuntimeError as error:
        print(f"bench: {error}", file=sys.stderr)
        return 2
    log(f"done in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
