"""What went wrong with the database or the disk, read from SQLite's own error code.

``classify(exc)`` names a failure the machine or the rep can do something about — ``busy``
(another process, usually an import, holds the write lock: wait), ``full`` (the disk is full),
``io`` (the disk or network share failed), ``read_only`` (no permission to write), ``corrupt``
(genba.db is damaged: restore a backup) — or returns None: then it is a bug in Genba (a SQL
mistake, a missing table), to be reported with a crash report, never dressed up as "check the
disk". Python 3.11's sqlite3 exceptions carry ``sqlite_errorcode``; its low byte is the primary
result code (https://www.sqlite.org/rescode.html).
"""

from __future__ import annotations

import errno
import sqlite3
from typing import Literal

Failure = Literal["busy", "full", "io", "read_only", "corrupt"]

SQLITE_PERM = 3
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26

_BY_CODE: dict[int, Failure] = {
    SQLITE_BUSY: "busy",
    SQLITE_LOCKED: "busy",
    SQLITE_FULL: "full",
    SQLITE_IOERR: "io",
    SQLITE_CANTOPEN: "io",
    SQLITE_READONLY: "read_only",
    SQLITE_PERM: "read_only",
    SQLITE_CORRUPT: "corrupt",
    SQLITE_NOTADB: "corrupt",
}
_BY_ERRNO: dict[int, Failure] = {
    errno.ENOSPC: "full",
    errno.EDQUOT: "full",
    errno.EROFS: "read_only",
    errno.EACCES: "read_only",
    errno.EPERM: "read_only",
}


def classify(exc: BaseException) -> Failure | None:
    """The failure behind ``exc`` (following its causes), or None for a bug."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, sqlite3.Error):
            code = getattr(current, "sqlite_errorcode", None)
            if code is not None:
                return _BY_CODE.get(code & 0xFF)
        elif isinstance(current, OSError):
            return _BY_ERRNO.get(current.errno or 0, "io")
        current = current.__cause__  # "raise X from exc": what really failed
    return None


def is_busy(exc: BaseException) -> bool:
    """Another connection holds the write lock past the busy timeout (retrying later works)."""
    return classify(exc) == "busy"
