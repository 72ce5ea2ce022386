"""Pieces the fault drill and the load test share: a throwaway PostgreSQL, gunicorn, nginx.

Everything listens on 127.0.0.1 only, lives in a temporary directory and is stopped and deleted
by the context managers, whatever happens. The shared PostgreSQL at 5432 is never stopped.
"""

import contextlib
import os
import pwd
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))
PYTHON = sys.executable


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def stop_on_signals() -> None:
    """SIGTERM/SIGINT unwind the stack like an exception, so every cleanup still runs."""

    def unwind(signum, frame):
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, unwind)
    signal.signal(signal.SIGINT, unwind)


class PrivateCluster:
    """A PostgreSQL 15 cluster of our own in a temporary directory, safe to stop and start.

    initdb refuses to run as root, so as root the cluster belongs to the `postgres` user.
    """

    def __init__(self, port: int):
        self.port = port
        self.tmp = Path(tempfile.mkdtemp(prefix="talks-pg-"))
        self.data = self.tmp / "data"
        self.logfile = self.tmp / "postgres.log"
        self.user = "postgres" if os.geteuid() == 0 else None
        if self.user:
            account = pwd.getpwnam(self.user)
            os.chown(self.tmp, account.pw_uid, account.pw_gid)

    def url(self, database: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run(
            [str(PG_BIN / args[0]), *args[1:]],
            user=self.user,
            check=check,
            capture_output=True,
            text=True,
            timeout=60,
        )

    def init(self) -> None:
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8")
        # Loopback only, socket in our own directory; fsync stays on so durability is real.
        settings = (
            f"listen_addresses = '127.0.0.1'\nport = {self.port}\n"
            f"unix_socket_directories = '{self.tmp}'\nmax_connections = 50\n"
        )
        with open(self.data / "postgresql.conf", "a") as conf:
            conf.write(settings)

    def start(self) -> None:
        self._run(
            "pg_ctl", "-D", str(self.data), "-l", str(self.logfile), "-w", "-t", "30", "start"
        )

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "-t", "30", "stop")

    def createdb(self, name: str) -> None:
        self._run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", name)

    def close(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "stop", check=False)
        shutil.rmtree(self.tmp, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def app_env(database_url: str, **extra: str) -> dict[str, str]:
    """Production settings, as behind one TLS-terminating proxy, for loopback runs."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_", "GUNICORN_"))
    }
    env.update(
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        # Clients send X-Forwarded-Proto: https as a TLS terminator would, so the production
        # https redirect, HSTS and Secure cookies behave exactly as deployed.
        DJANGO_TRUSTED_PROXIES="1",
        # Every simulated client comes from 127.0.0.1, so the per-client API limit would turn the
        # load into 429s; the drills measure the app and the database, not the throttle.
        API_ANON_RATE="1000000/minute",
        DATABASE_URL=database_url,
    )
    env.update(extra)
    return env


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        timeout=300,
    )


def prepare_database(env: dict[str, str]) -> None:
    """Migrate, load the Istanbul record, collect static files (the manifest pages need)."""
    manage(env, "migrate", "--noinput")
    manage(env, "load_istanbul")
    manage(env, "collectstatic", "--noinput")


@contextlib.contextmanager
def gunicorn(env: dict[str, str], port: int, workers: int = 2, threads: int = 4):
    """gunicorn with the production config on 127.0.0.1:port, stopped (TERM, then KILL) on exit."""
    env = dict(
        env,
        GUNICORN_BIND=f"127.0.0.1:{port}",
        GUNICORN_WORKERS=str(workers),
        GUNICORN_THREADS=str(threads),
    )
    with tempfile.TemporaryFile() as logfile:
        process = subprocess.Popen(
            [PYTHON, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py"],
            cwd=ROOT,
            env=env,
            stdout=logfile,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        process.logfile = logfile  # the caller reads it to count tracebacks
        try:
            wait_for(f"http://127.0.0.1:{port}/healthz", process)
            yield process
        finally:
            stop_process(process)


def stop_process(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=25)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def wait_for(url: str, process: subprocess.Popen | None = None, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"process for {url} exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (OSError, urllib.error.URLError):
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {timeout} s")


def render_nginx_conf(directory: Path, port: int, upstream: str, static_root: Path) -> Path:
    """deploy/nginx.conf with only the compose-specific addresses and paths swapped.

    Each replacement must match, so a change to the compose config that this does not follow
    fails here instead of testing something else.
    """
    text = (ROOT / "deploy" / "nginx.conf").read_text()
    replacements = [
        ("server web:8000;", f"server {upstream};"),
        ("listen 80;", f"listen 127.0.0.1:{port};"),
        ("/var/run/nginx.pid", str(directory / "nginx.pid")),
        ("/var/cache/nginx/", f"{directory}/cache/"),
        ("/srv/static/", f"{static_root}/"),
        ("access_log /dev/stdout", f"access_log {directory}/access.log"),
        ("error_log /dev/stderr", f"error_log {directory}/error.log"),
    ]
    for old, new in replacements:
        if old not in text:
            raise RuntimeError(f"deploy/nginx.conf no longer contains {old!r}")
        text = text.replace(old, new)
    (directory / "cache").mkdir(exist_ok=True)
    # nginx workers run as nobody when started as root; they read and write below here.
    directory.chmod(0o755)
    (directory / "cache").chmod(0o777)
    conf = directory / "nginx.conf"
    conf.write_text(text)
    return conf


def nginx_test(conf: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["nginx", "-t", "-c", str(conf), "-e", str(conf.parent / "error.log")],
        capture_output=True,
        text=True,
    )


@contextlib.contextmanager
def nginx(port: int, upstream: str, static_root: Path):
    directory = Path(tempfile.mkdtemp(prefix="talks-nginx-"))
    try:
        conf = render_nginx_conf(directory, port, upstream, static_root)
        result = nginx_test(conf)
        if result.returncode != 0:
            raise RuntimeError(result.stderr)
        process = subprocess.Popen(
            ["nginx", "-c", str(conf), "-e", str(directory / "error.log"), "-g", "daemon off;"],
            start_new_session=True,
        )
        try:
            wait_for(f"http://127.0.0.1:{port}/healthz", process)
            yield process
        finally:
            stop_process(process)
    finally:
        shutil.rmtree(directory, ignore_errors=True)
