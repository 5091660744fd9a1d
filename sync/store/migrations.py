"""Named migrations, each applied once inside its own transaction, recorded with the schema version."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

from sync.store.schema import MIGRATIONS


def schema_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection, migrations=MIGRATIONS) -> list[str]:
    """Apply every migration not applied yet; return the names applied now."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
    )
    done = {row[0] for row in conn.execute("SELECT name FROM _migrations")}
    if len(migrations) < schema_version(conn):
        raise RuntimeError(
            f"genba.db has schema version {schema_version(conn)}, newer than this Genba "
            f"({len(migrations)}). Update Genba before opening this data directory."
        )
    applied = []
    for number, (name, statements) in enumerate(migrations, start=1):
        if name in done:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            for sql in statements:
                conn.execute(sql)
            conn.execute(
                "INSERT INTO _migrations(name, applied_at) VALUES (?, ?)",
                (name, datetime.now(UTC).isoformat(timespec="seconds")),
            )
            conn.execute(f"PRAGMA user_version = {number}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        applied.append(name)
    return applied
