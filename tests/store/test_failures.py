"""Failures told apart by SQLite's own error code: real errors from a real SQLite."""

from __future__ import annotations

import errno
import sqlite3

import pytest

from sync.store import Store, StoreError
from sync.store.connection import connect
from sync.store.failures import classify, is_busy


def test_busy_while_another_connection_writes(store):
    other = connect(store.path)
    other.execute("BEGIN IMMEDIATE")
    try:
        mine = connect(store.path)
        mine.execute("PRAGMA busy_timeout = 50")
        with pytest.raises(sqlite3.OperationalError) as raised:
            mine.execute("BEGIN IMMEDIATE")
        assert classify(raised.value) == "busy" and is_busy(raised.value)
    finally:
        other.execute("ROLLBACK")


def test_full_when_the_database_may_not_grow(tmp_path):
    conn = sqlite3.connect(tmp_path / "small.db")
    conn.execute("CREATE TABLE t (x TEXT)")
    conn.execute("PRAGMA max_page_count = 3")
    with pytest.raises(sqlite3.Error) as raised:
        conn.executemany("INSERT INTO t VALUES (?)", [("x" * 4000,)] * 50)
    assert classify(raised.value) == "full"


def test_read_only_database(store):
    conn = connect(store.path, readonly=True)
    with pytest.raises(sqlite3.Error) as raised:
        conn.execute("INSERT INTO meta (key, value) VALUES ('a', 'b')")
    assert classify(raised.value) == "read_only"


def test_corrupt_file_and_the_store_error_that_wraps_it(tmp_path):
    (tmp_path / "genba.db").write_bytes(b"this is not a database" * 200)
    with pytest.raises(StoreError) as raised:
        Store(tmp_path)
    assert classify(raised.value) == "corrupt"


def test_disk_errors_from_the_file_system():
    assert classify(OSError(errno.ENOSPC, "No space left on device")) == "full"
    assert classify(OSError(errno.EACCES, "Permission denied")) == "read_only"
    assert classify(OSError(errno.EIO, "Input/output error")) == "io"


def test_a_sql_mistake_is_a_bug_not_the_environment(store):
    with pytest.raises(sqlite3.OperationalError) as raised:
        store.query("SELECT nothing FROM no_such_table")
    assert classify(raised.value) is None
    with pytest.raises(sqlite3.OperationalError) as raised:
        store.query("SELEC 1")
    assert classify(raised.value) is None
    assert classify(KeyError("x")) is None
