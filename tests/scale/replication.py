"""A throwaway PostgreSQL primary and streaming replica for the router tests (docs/operators.md).

Both clusters run from Debian's PostgreSQL 15 binaries as the `postgres` system user, in a folder of their
own under /tmp on free ports; the primary gets a copy of the test database (schema, seeded rows and what the
test wrote before), the replica is cloned from it with `pg_basebackup -R` and streams from then on."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from django.db import connection

from .processes import free_port

BIN = Path(os.environ.get("MOTCUA_PG_BIN", "/usr/lib/postgresql/15/bin"))
SYSTEM_USER = "postgres"
DATABASE = "motcua"


def need_binaries() -> None:
    """Skip, saying why, where the clusters cannot be made; never pass without them."""
    if connection.vendor != "postgresql":
        pytest.skip("replication needs PostgreSQL: set DATABASE_URL to a PostgreSQL database")
    missing = [name for name in ("initdb", "pg_ctl", "pg_basebackup", "pg_dump") if not (BIN / name).exists()]
    if missing:
        pytest.skip(f"PostgreSQL server binaries missing under {BIN}: {', '.join(missing)} (postgresql-15)")
    if shutil.which("runuser") is None or os.geteuid() != 0:
        pytest.skip("the clusters run as the postgres system user: needs root and runuser")


def as_postgres(*command: str | Path) -> None:
    subprocess.run(
        ["runuser", "-u", SYSTEM_USER, "--", *map(str, command)],
        check=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        timeout=120,
    )


@dataclass
class Cluster:
    folder: Path
    port: int

    @property
    def url(self) -> str:
        return f"postgres://{SYSTEM_USER}@127.0.0.1:{self.port}/{DATABASE}"

    def start(self) -> None:
        options = f"-p {self.port} -k {self.folder.parent} -c listen_addresses=127.0.0.1 -c fsync=off"
        as_postgres(BIN / "pg_ctl", "-D", self.folder, "-l", self.folder.parent / f"{self.folder.name}.log",
                    "-o", options, "-w", "-t", "60", "start")  # fmt: skip

    def stop(self) -> None:
        if (self.folder / "postmaster.pid").exists():
            as_postgres(BIN / "pg_ctl", "-D", self.folder, "-m", "immediate", "-w", "stop")

    def sql(self, statement: str) -> list[tuple]:
        with psycopg.connect(self.url, autocommit=True) as db:
            cursor = db.execute(statement)
            return cursor.fetchall() if cursor.description else []


@dataclass
class Replicated:
    primary: Cluster
    replica: Cluster

    def pause_replay(self) -> None:
        self.replica.sql("select pg_wal_replay_pause()")

    def resume_replay(self) -> None:
        self.replica.sql("select pg_wal_replay_resume()")


@contextmanager
def replicated_copy() -> Iterator[Replicated]:
    """A primary holding a copy of the test database and a hot standby streaming from it."""
    need_binaries()
    root = Path(tempfile.mkdtemp(prefix="motcua-replication-"))
    shutil.chown(root, SYSTEM_USER, SYSTEM_USER)
    primary = Cluster(root / "primary", free_port())
    replica = Cluster(root / "replica", free_port())
    try:
        as_postgres(BIN / "initdb", "-D", primary.folder, "-U", SYSTEM_USER, "--auth=trust", "-E", "UTF8",
                    "--locale=C.UTF-8", "--no-sync")  # fmt: skip
        primary.start()
        with psycopg.connect(
            f"postgres://{SYSTEM_USER}@127.0.0.1:{primary.port}/postgres", autocommit=True
        ) as db:
            db.execute(f"create database {DATABASE}")
        copy_test_database(primary)
        as_postgres(BIN / "pg_basebackup", "-D", replica.folder, "-h", "127.0.0.1", "-p", str(primary.port),
                    "-U", SYSTEM_USER, "-R", "-X", "stream", "-c", "fast", "--no-sync")  # fmt: skip
        replica.start()
        yield Replicated(primary, replica)
    finally:
        for cluster in (replica, primary):
            with suppress(subprocess.SubprocessError):
                cluster.stop()
        shutil.rmtree(root, ignore_errors=True)


def copy_test_database(target: Cluster) -> None:
    """pg_dump of the test database (committed rows: the test is transactional) into the primary."""
    settings = connection.settings_dict
    env = {**os.environ, "PGPASSWORD": settings.get("PASSWORD") or ""}
    source = [
        str(BIN / "pg_dump"),
        "--no-owner",
        "--no-privileges",
        "-h",
        settings["HOST"] or "127.0.0.1",
        "-p",
        str(settings["PORT"] or 5432),
        "-U",
        settings["USER"] or SYSTEM_USER,
        settings["NAME"],
    ]
    dump = subprocess.run(source, env=env, check=True, capture_output=True, timeout=120).stdout
    subprocess.run(
        [shutil.which("psql") or str(BIN / "psql"), "-q", "-v", "ON_ERROR_STOP=1", "-d", target.url],
        input=dump,
        check=True,
        capture_output=True,
        timeout=120,
    )
