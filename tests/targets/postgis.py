"""A private PostgreSQL 15 + PostGIS 3 cluster (Debian packages) on 127.0.0.1: session fixture ``postgis``.

The cluster is made with ``initdb`` (trust authentication, user ``postgres``, UTF-8) in a fresh folder and run
in the foreground (``postgres -D … -p <free port> -k <folder> -c listen_addresses=127.0.0.1``) as a child
process; it is stopped by its PID with SIGINT (fast shutdown) and its folder is removed. As root, initdb and the
server run as the system user ``postgres`` (initdb refuses root), so the folder lives outside pytest's private
temporary root. Clients connect over TCP as ``postgres`` without a password. Targets that need a database
create their own with ``PostgisCluster.create_database``.
"""

from __future__ import annotations

import os
import pwd
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.targets.servers import as_user, free_port, running

BIN = Path("/usr/lib/postgresql/15/bin")
POSTGIS = Path("/usr/share/postgresql/15/extension/postgis.control")


@dataclass(frozen=True)
class PostgisCluster:
    """A running cluster: host, port and superuser (no password); ``dsn`` and ``create_database`` use them."""

    host: str
    port: int
    user: str = "postgres"

    def dsn(self, dbname: str) -> str:
        """A libpq connection string (also understood by GDAL as ``PG:<dsn>``)."""
        return f"host={self.host} port={self.port} user={self.user} dbname={dbname}"

    def psql(self, dbname: str, sql: str) -> str:
        """Run one SQL command with psql and return its unaligned output."""
        argv = ["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", self.dsn(dbname), "-c", sql]
        result = subprocess.run(argv, capture_output=True, text=True, timeout=120, check=False)
        if result.returncode != 0:
            raise RuntimeError(f"psql {sql!r} failed: {result.stderr}")
        return result.stdout.strip()

    def create_database(self, name: str) -> str:
        """Create database ``name`` with the PostGIS extension; returns its DSN."""
        self.psql("postgres", f'CREATE DATABASE "{name}"')
        self.psql(name, "CREATE EXTENSION IF NOT EXISTS postgis")
        return self.dsn(name)


def installed() -> bool:
    """PostgreSQL 15 server binaries, the PostGIS extension and psql are present."""
    return (BIN / "initdb").exists() and POSTGIS.exists() and shutil.which("psql") is not None


def _owner() -> str | None:
    """The user the cluster runs as: ``postgres`` when we are root, else ourselves (None)."""
    return "postgres" if os.geteuid() == 0 else None


def _folder(user: str | None) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="wechselbar-pg-"))
    if user:
        entry = pwd.getpwnam(user)
        os.chown(folder, entry.pw_uid, entry.pw_gid)
    return folder


def _initdb(data: Path, user: str | None) -> None:
    argv = [
        *as_user(user),
        str(BIN / "initdb"),
        "-D",
        str(data),
        "-A",
        "trust",
        "-U",
        "postgres",
        "-E",
        "UTF8",
        "--no-instructions",
    ]
    result = subprocess.run(argv, capture_output=True, text=True, timeout=300, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"initdb failed:\n{result.stdout}\n{result.stderr}")


def _accepts(port: int) -> bool:
    argv = [str(BIN / "pg_isready"), "-q", "-h", "127.0.0.1", "-p", str(port), "-t", "2"]
    return subprocess.run(argv, capture_output=True, timeout=30, check=False).returncode == 0


@contextmanager
def cluster() -> Iterator[PostgisCluster]:
    """Create, start and finally stop and remove a private cluster; yields how to reach it."""
    user = _owner()
    folder = _folder(user)
    try:
        _initdb(folder / "data", user)
        port = free_port()
        argv = [
            str(BIN / "postgres"),
            "-D",
            str(folder / "data"),
            "-p",
            str(port),
            "-k",
            str(folder),
            "-c",
            "listen_addresses=127.0.0.1",
        ]
        with running(
            argv,
            f"postgresql://127.0.0.1:{port}",
            folder / "server.log",
            cwd=folder,
            timeout=120,
            probe=lambda: _accepts(port),
            stop_signal=signal.SIGINT,
            user=user,
        ):
            yield PostgisCluster("127.0.0.1", port)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def postgis() -> Iterator[PostgisCluster]:
    """A running private PostgreSQL 15 + PostGIS 3 cluster; skips when the Debian packages are missing."""
    if not installed():
        pytest.skip(
            "PostgreSQL 15 + PostGIS 3 are not installed (Debian postgresql-15 postgresql-15-postgis-3): "
            "run .ci/install-targets.sh as root"
        )
    with cluster() as running_cluster:
        yield running_cluster
