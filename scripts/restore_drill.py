"""Restore drill: back up a database holding the Istanbul record with `pg_dump -Fc`, restore it
into an empty database with `pg_restore`, and compare every table's row count and checksum.

The same commands as the README's "Backups" section. Uses two scratch databases on the
PostgreSQL at DRILL_SERVER (default the local one at 5432), talks_drill_source and
talks_drill_restored, and drops both afterwards, whatever happens. About 30 seconds.
"""

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg
from stack import app_env, log, manage, stop_on_signals

SERVER = os.environ.get("DRILL_SERVER", "postgres://postgres@127.0.0.1:5432")
SOURCE, RESTORED = "talks_drill_source", "talks_drill_restored"


def url(database: str) -> str:
    return f"{SERVER}/{database}"


def admin(sql: str) -> None:
    with psycopg.connect(url("postgres").replace("postgres://", "postgresql://", 1)) as db:
        db.autocommit = True
        db.execute(sql)


def table_fingerprints(database: str) -> dict[str, tuple[int, str]]:
    """Row count and md5 of all rows (in a fixed order) for every table in the public schema."""
    fingerprints = {}
    with psycopg.connect(url(database).replace("postgres://", "postgresql://", 1)) as db:
        tables = [
            name
            for (name,) in db.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
            )
        ]
        for table in tables:
            count, checksum = db.execute(
                f"SELECT count(*), md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) FROM \"{table}\" t"
            ).fetchone()
            fingerprints[table] = (count, checksum)
    return fingerprints


def main() -> int:
    stop_on_signals()
    try:
        for database in (SOURCE, RESTORED):
            admin(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        admin(f'CREATE DATABASE "{SOURCE}"')
        admin(f'CREATE DATABASE "{RESTORED}"')
        log(f"loading the Istanbul record into {SOURCE}")
        env = app_env(url(SOURCE))
        manage(env, "migrate", "--noinput")
        manage(env, "load_istanbul")

        with tempfile.TemporaryDirectory(prefix="talks-backup-") as directory:
            dump = Path(directory) / "talks.dump"
            started = time.monotonic()
            subprocess.run(
                ["pg_dump", "-Fc", "--no-owner", "-f", str(dump), url(SOURCE)],
                check=True,
                timeout=120,
            )
            dumped = time.monotonic()
            subprocess.run(
                ["pg_restore", "--no-owner", "--exit-on-error", "-d", url(RESTORED), str(dump)],
                check=True,
                timeout=120,
            )
            restored = time.monotonic()
            size = dump.stat().st_size

        before, after = table_fingerprints(SOURCE), table_fingerprints(RESTORED)
    finally:
        for database in (SOURCE, RESTORED):
            admin(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')

    print("\n=== Restore drill ===")
    print(f"{'table':<45} {'source':>8} {'restored':>8}  checksum")
    for table in sorted(set(before) | set(after)):
        count, checksum = before.get(table, (None, None))
        restored_count, restored_checksum = after.get(table, (None, None))
        same = "same" if checksum == restored_checksum else "DIFFERENT"
        print(f"{table:<45} {count!s:>8} {restored_count!s:>8}  {same}")
    rows = sum(count for count, _ in before.values())
    print(
        f"{len(before)} tables, {rows} rows; dump {size / 1024:.0f} KiB in "
        f"{dumped - started:.2f} s, restore in {restored - dumped:.2f} s"
    )
    if before != after:
        print("FAILED: the restored database differs from the source")
        return 1
    if rows == 0:
        print("FAILED: nothing was dumped")
        return 1
    print("PASS: every table has the same rows after the restore")
    return 0


if __name__ == "__main__":
    sys.exit(main())
