"""Fixtures for the sync tests: an in-process server (SQLite or a real PostgreSQL) and stores."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import uuid
import warnings
from dataclasses import dataclass
from pathlib import Path

import pytest

warnings.filterwarnings("ignore", message=".*httpx2.*")

PG_BIN = Path(os.environ.get("GENBA_PG_BIN", "/usr/lib/postgresql/15/bin"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    """An in-process server: engine, app and a TestClient; ``add_user`` issues tokens."""

    engine: object
    app: object
    client: object
    url: str = "http://testserver"

    def add_user(self, team: str = "A", name: str | None = None, role: str = "rep") -> str:
        from sync.server.users import add_user

        return add_user(self.engine, team, name or f"u{uuid.uuid4().hex[:8]}", role)

    def winners(self, team: str = "A") -> dict:
        import json

        from sqlalchemy import select

        from sync.server.db import teams, winners

        with self.engine.connect() as conn:
            tid = conn.execute(select(teams.c.id).where(teams.c.name == team)).scalar()
            rows = conn.execute(
                select(
                    winners.c.entity,
                    winners.c.row_id,
                    winners.c.field,
                    winners.c.value,
                    winners.c.hlc,
                    winners.c.site,
                ).where(winners.c.team_id == tid)
            ).all()
        return {
            (e, r, f): (None if v is None else json.loads(v), h, s) for e, r, f, v, h, s in rows
        }


def make_server(url: str, **settings) -> Server:
    from fastapi.testclient import TestClient

    from sync.server.app import create_app
    from sync.server.db import make_engine, migrate
    from sync.server.settings import ServerSettings

    s = ServerSettings(database_url=url, **settings)
    engine = make_engine(url)
    migrate(engine)
    app = create_app(s, engine=engine)
    return Server(engine, app, TestClient(app))


@pytest.fixture
def server(tmp_path) -> Server:
    srv = make_server(f"sqlite:///{(tmp_path / 'server' / 'server.db').as_posix()}")
    yield srv
    srv.engine.dispose()


def backend_url(request, tmp_path) -> str:
    """The server database for a test parametrised over ["sqlite", "postgresql"]."""
    if request.param == "sqlite":
        return f"sqlite:///{(tmp_path / 'server.db').as_posix()}"
    return request.getfixturevalue("pg_url")


@pytest.fixture(params=["sqlite", "postgresql"])
def srv(request, tmp_path) -> Server:
    """A live server on each backend: the embedded SQLite file and a real PostgreSQL."""
    server = make_server(backend_url(request, tmp_path))
    yield server
    server.engine.dispose()


@pytest.fixture
def make_store(tmp_path):
    from sync.store import Store

    stores = []

    def make(name: str | None = None, **kw):
        store = Store(tmp_path / (name or f"laptop{len(stores)}"), **kw)
        stores.append(store)
        return store

    yield make
    for s in stores:
        try:
            s.close()
        except Exception:
            pass


# -- a real PostgreSQL -------------------------------------------------------------------------


def _as_postgres(cmd: str) -> list[str]:
    if os.geteuid() == 0:
        return ["su", "postgres", "-c", cmd]
    return ["sh", "-c", cmd]


@pytest.fixture(scope="session")
def pg_cluster():
    """A throwaway PostgreSQL cluster on a free loopback port; yields an admin URL base."""
    initdb = PG_BIN / "initdb"
    if not initdb.exists():
        pytest.fail(
            f"PostgreSQL binaries not found in {PG_BIN}: install them "
            "(apt-get install postgresql) or set GENBA_PG_BIN. These tests never skip."
        )
    base = Path(tempfile.mkdtemp(prefix="genba-pg-"))
    data = base / "data"
    data.mkdir()
    if os.geteuid() == 0:
        shutil.chown(base, "postgres", "postgres")
        shutil.chown(data, "postgres", "postgres")
    port = free_port()
    subprocess.run(
        _as_postgres(f"{initdb} -D {data} -A trust -U postgres --no-sync -E UTF8 >/dev/null"),
        check=True,
    )
    opts = f"-p {port} -k {data} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run(
        _as_postgres(f"{PG_BIN / 'pg_ctl'} -D {data} -o '{opts}' -l {data}/log -w start"),
        check=True,
        stdout=subprocess.DEVNULL,
    )
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}"
    finally:
        pid_file = data / "postmaster.pid"
        pid = int(pid_file.read_text().split()[0]) if pid_file.exists() else None
        stopped = subprocess.run(
            _as_postgres(f"{PG_BIN / 'pg_ctl'} -D {data} -m immediate -w -t 30 stop"),
            stdout=subprocess.DEVNULL,
            check=False,
        )
        if stopped.returncode != 0 and pid:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGQUIT)  # the postmaster we started, by its pid
            time.sleep(0.5)
        shutil.rmtree(base, ignore_errors=True)


def create_pg_database(base_url: str) -> str:
    import psycopg

    name = f"genba_{uuid.uuid4().hex[:10]}"
    dsn = base_url.replace("postgresql+psycopg://", "postgresql://") + "/postgres"
    for attempt in range(50):
        try:
            with psycopg.connect(dsn, autocommit=True) as conn:
                conn.execute(f"CREATE DATABASE {name}")
            break
        except psycopg.OperationalError:
            if attempt == 49:
                raise
            time.sleep(0.1)
    return f"{base_url}/{name}"


@pytest.fixture
def pg_url(pg_cluster) -> str:
    return create_pg_database(pg_cluster)
