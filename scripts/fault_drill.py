"""Fault drill: stop PostgreSQL under load, start it again, and account for every request.

A throwaway PostgreSQL 15 cluster on 127.0.0.1:5499 (never the shared one at 5432) gets the
migrated Istanbul record; gunicorn serves it on 127.0.0.1:8105 with production settings, and
nginx with deploy/nginx.conf on 127.0.0.1:8205 in front. Reader threads request
scripts/load_urls.py's URLS from gunicorn directly; one more reads the pages nginx may keep
(load_urls.MICRO_CACHED: not the API, whose answers carry per-client rate-limit headers) through
nginx; a writer posts to /ops/drill-write, which answers 201 only after its row is committed
(the endpoint exists only with DJANGO_FAULT_DRILL_WRITES, off by default). PostgreSQL is
stopped twice for ~6 s: once cleanly (-m fast), once like a crash (-m immediate).

Fails on: any 500 or other unexpected status, a 503 without Retry-After, any request slower
than REQUEST_LIMIT (a hung worker), any acknowledged write missing afterwards, recovery slower
than RECOVERY_LIMIT, or anything but 200 from nginx's micro-cache during the outages.
Bounded: about a minute; every process and directory it made is removed, whatever happens.
"""

import http.client
import os
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass

import psycopg
from load_urls import MICRO_CACHED, URLS
from stack import (
    ROOT,
    PrivateCluster,
    app_env,
    gunicorn,
    log,
    nginx,
    prepare_database,
    stop_on_signals,
)

PG_PORT = int(os.environ.get("FAULT_PG_PORT", "5499"))
APP_PORT = int(os.environ.get("FAULT_APP_PORT", "8105"))
PROXY_PORT = int(os.environ.get("FAULT_PROXY_PORT", "8205"))
READERS = 8
OUTAGE_SECONDS = 6
STEADY_SECONDS = 4
RECOVERY_LIMIT = 5.0
REQUEST_LIMIT = 10.0  # the client gives up here; connect_timeout (3 s) is far below it
HEADERS = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "192.0.2.10"}


@dataclass
class Result:
    started: float
    ended: float
    method: str
    path: str
    status: int  # 0: no HTTP answer (connection error or timeout)
    via: str  # "app" (gunicorn) or "proxy" (nginx)
    retry_after: bool


class Traffic:
    def __init__(self):
        self.results: list[Result] = []
        self.acknowledged: list[str] = []
        self.lock = threading.Lock()
        self.stopping = threading.Event()

    def request(self, method: str, path: str, body: str | None = None, port=APP_PORT) -> int:
        started = time.monotonic()
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_LIMIT)
        headers = dict(HEADERS)
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            response.read()
            status = response.status
            retry_after = response.getheader("Retry-After") is not None
        except OSError:
            status, retry_after = 0, False
        finally:
            connection.close()
        via = "proxy" if port == PROXY_PORT else "app"
        result = Result(started, time.monotonic(), method, path, status, via, retry_after)
        with self.lock:
            self.results.append(result)
        return status

    def reader(self, offset: int) -> None:
        n = offset
        while not self.stopping.is_set():
            self.request("GET", URLS[n % len(URLS)])
            n += 1

    def proxied_reader(self) -> None:
        n = 0
        while not self.stopping.is_set():
            self.request("GET", MICRO_CACHED[n % len(MICRO_CACHED)], port=PROXY_PORT)
            n += 1

    def writer(self) -> None:
        n = 0
        while not self.stopping.is_set():
            n += 1
            code = f"drill-{n}"
            body = urllib.parse.urlencode({"code": code})
            if self.request("POST", "/ops/drill-write", body) == 201:
                with self.lock:
                    self.acknowledged.append(code)
            time.sleep(0.02)

    def run(self, scenario) -> None:
        threads = [threading.Thread(target=self.reader, args=(i,)) for i in range(READERS)]
        threads.append(threading.Thread(target=self.writer))
        threads.append(threading.Thread(target=self.proxied_reader))
        for thread in threads:
            thread.start()
        try:
            scenario()
        finally:
            self.stopping.set()
            for thread in threads:
                thread.join()


def micro_cached(path: str) -> bool:
    """Whether nginx keeps `path`: a 200, then a second request answered from its cache."""
    cache_status = None
    for _ in range(2):
        connection = http.client.HTTPConnection("127.0.0.1", PROXY_PORT, timeout=REQUEST_LIMIT)
        try:
            connection.request("GET", path, headers=HEADERS)
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                return False
            cache_status = response.getheader("X-Cache")
        finally:
            connection.close()
    return cache_status in ("HIT", "STALE", "UPDATING")


def outage_report(traffic: Traffic, stopped: float, started: float, mode: str, until: float):
    """503s between stop and recovery, and how long after PostgreSQL was back errors went on."""
    window = [r for r in traffic.results if stopped <= r.ended < until and r.via == "app"]
    failures_after = [r.ended for r in window if r.status != 200 and r.status != 201]
    last_failure = max(failures_after, default=started)
    recovery = max(0.0, last_failure - started)
    in_outage = [r for r in window if r.started <= started + recovery]
    return {
        "mode": mode,
        "requests": len(in_outage),
        "503": sum(r.status == 503 for r in in_outage),
        "2xx": sum(200 <= r.status < 300 for r in in_outage),
        "max_503_seconds": max(
            (r.ended - r.started for r in in_outage if r.status == 503), default=0.0
        ),
        "recovery_seconds": recovery,
        "proxy": sum(
            r.via == "proxy" and stopped <= r.ended <= started + recovery for r in traffic.results
        ),
        "proxy_200": sum(
            r.via == "proxy" and r.status == 200 and stopped <= r.ended <= started + recovery
            for r in traffic.results
        ),
    }


def main() -> int:
    stop_on_signals()
    with PrivateCluster(PG_PORT) as cluster:
        cluster.init()
        cluster.start()
        cluster.createdb("talks")
        database_url = cluster.url("talks")
        env = app_env(
            database_url,
            DJANGO_FAULT_DRILL_WRITES="true",
            # Every read must reach the database; the page cache would hide the outage.
            DJANGO_PAGE_CACHE_SECONDS="0",
        )
        log(f"private PostgreSQL on 127.0.0.1:{PG_PORT}; migrating and loading the record")
        prepare_database(env)
        with (
            gunicorn(env, APP_PORT) as server,
            nginx(PROXY_PORT, f"127.0.0.1:{APP_PORT}", ROOT / "staticfiles"),
        ):
            log(
                f"gunicorn on 127.0.0.1:{APP_PORT}: {READERS} readers over {URLS} + 1 writer; "
                f"nginx on 127.0.0.1:{PROXY_PORT}: 1 reader over {MICRO_CACHED}"
            )
            # nginx can only serve a stale copy of a page it has cached: put each cacheable page
            # in the micro-cache before the clock starts. Leaving it to the proxied reader made
            # the verdict depend on how fast a busy machine got round the list in STEADY_SECONDS.
            cold = [url for url in MICRO_CACHED if not micro_cached(url)]
            if cold:
                log(f"FAIL: nginx could not cache {cold} before the drill")
                return 1
            traffic = Traffic()
            outages = []

            def scenario():
                time.sleep(STEADY_SECONDS)
                for mode in ("fast", "immediate"):
                    log(f"stopping PostgreSQL (-m {mode}) for {OUTAGE_SECONDS} s")
                    stopped = time.monotonic()
                    cluster.stop(mode)
                    time.sleep(OUTAGE_SECONDS)
                    cluster.start()
                    started = time.monotonic()
                    log("PostgreSQL is accepting connections again")
                    time.sleep(STEADY_SECONDS + RECOVERY_LIMIT)
                    outages.append((stopped, started, mode))

            traffic.run(scenario)
            server.logfile.seek(0)
            server_log = server.logfile.read().decode(errors="replace")
            tracebacks = server_log.count("Traceback")

        with psycopg.connect(database_url.replace("postgres://", "postgresql://")) as db:
            rows = db.execute("SELECT code FROM provenance_source WHERE code LIKE 'drill-%%'")
            present = {code for (code,) in rows}

    # Each outage is judged up to the next one's stop.
    untils = [outage[0] for outage in outages[1:]] + [float("inf")]
    reports = [
        outage_report(traffic, *outage, until)
        for outage, until in zip(outages, untils, strict=True)
    ]
    statuses: dict[int, int] = {}
    for result in traffic.results:
        statuses[result.status] = statuses.get(result.status, 0) + 1
    acknowledged = set(traffic.acknowledged)
    lost = sorted(acknowledged - present)
    slowest = max(r.ended - r.started for r in traffic.results)

    print("\n=== Fault drill ===")
    print(f"requests: {len(traffic.results)}; by status: {dict(sorted(statuses.items()))}")
    for report in reports:
        print(
            f"outage (-m {report['mode']}, {OUTAGE_SECONDS} s): {report['503']} × 503 "
            f"(slowest {report['max_503_seconds']:.2f} s), {report['2xx']} × 2xx; "
            f"full recovery {report['recovery_seconds']:.2f} s after PostgreSQL was back; "
            f"through nginx {report['proxy_200']} of {report['proxy']} answered 200 (stale copies)"
        )
    print(
        f"writes: {len(acknowledged)} acknowledged (201), {len(acknowledged & present)} of them "
        f"present afterwards, {len(lost)} lost; "
        f"{len(present - acknowledged)} committed without acknowledgement"
    )
    print(f"slowest request: {slowest:.2f} s; tracebacks in the gunicorn log: {tracebacks}")
    if tracebacks:
        # The log goes with the drill's temporary files: show the first traceback while it is here.
        start = server_log.index("Traceback")
        head = server_log[server_log.rfind("\n", 0, start - 1) + 1 :].splitlines()[:40]
        print("first traceback, with the log line before it:\n  " + "\n  ".join(head))

    problems = []
    unexpected = {s: n for s, n in statuses.items() if s not in (200, 201, 503)}
    if unexpected:
        problems.append(f"unexpected statuses (0 = no answer): {unexpected}")
    if lost:
        problems.append(f"acknowledged writes lost: {lost[:10]}")
    if not acknowledged:
        problems.append("no write was acknowledged")
    for report in reports:
        if report["recovery_seconds"] > RECOVERY_LIMIT:
            problems.append(f"-m {report['mode']}: recovery over {RECOVERY_LIMIT} s")
        if report["503"] == 0:
            problems.append(f"-m {report['mode']}: no 503 during the outage")
        if report["proxy_200"] != report["proxy"] or not report["proxy"]:
            problems.append(f"-m {report['mode']}: nginx did not serve every cached page")
    missing_retry_after = sum(r.status == 503 and not r.retry_after for r in traffic.results)
    if missing_retry_after:
        problems.append(f"{missing_retry_after} × 503 without Retry-After")
    if slowest >= REQUEST_LIMIT:
        problems.append(f"a request took {slowest:.1f} s (hung worker)")
    for problem in problems:
        print(f"FAIL: {problem}")
    print("PASS" if not problems else "FAILED")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
