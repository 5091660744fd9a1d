"""Opening genba.db: WAL, foreign keys, a busy timeout, and our own transaction control."""

from __future__ import annotations

import sqlite3
from pathlib import Path

BUSY_TIMEOUT_MS = 10_000


# The writer's page cache: bulk imports touch many index pages; a larger cache avoids re-reading
# them. Readers (a view's query, one page of a table) need far less, and the app opens several
# at once on its threads, each keeping its cache's memory after it closes (malloc arenas).
WRITER_CACHE_KIB = 32_768
READER_CACHE_KIB = 4_096


def connect(
    path: Path | str, *, readonly: bool = False, cache_kib: int = WRITER_CACHE_KIB
) -> sqlite3.Connection:
    """A connection in autocommit mode: callers open transactions explicitly (BEGIN IMMEDIATE)."""
    if readonly:
        conn = sqlite3.connect(
            f"file:{Path(path).as_posix()}?mode=ro",
            uri=True,
            isolation_level=None,
            check_same_thread=False,
        )
    else:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    if not readonly:
        conn.execute("PRAGMA journal_mode = WAL")
        # WAL + NORMAL is durable across application crashes; only an OS crash may lose the
        # last transactions, which the next import or sync recreates.
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute(f"PRAGMA cache_size = -{int(cache_kib)}")
        conn.execute("PRAGMA temp_store = MEMORY")
    return conn
