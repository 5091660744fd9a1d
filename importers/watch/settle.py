"""When is a file ready to import? No event for a short delay, the same size and mtime at two looks,
and for a workbook (a zip) a complete central directory — so a copy in progress is imported once, whole."""

from __future__ import annotations

import os
import struct
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePath

from importers.reading import file_identity

SETTLE_DELAY = 0.4  # seconds without an event before a file is looked at
INCOMPLETE_WAIT = (
    10.0  # a workbook whose zip stays incomplete this long goes to the importer anyway
)
ZIP_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xlsb", ".ods"})

_LOCAL_HEADER = b"PK\x03\x04"
_CENTRAL_HEADER = b"PK\x01\x02"
_EOCD = b"PK\x05\x06"
_EOCD_SIZE = 22
_MAX_COMMENT = 0xFFFF

Identity = tuple[int, float]


def zip_complete(path: str | os.PathLike[str]) -> bool:
    """False while a zip is still being written: its end-of-central-directory record is missing or
    points at a central directory that is not there yet. Files that are not zips at all are
    "complete" — the importer says what is wrong with them."""
    try:
        with open(path, "rb") as fh:
            if fh.read(4) != _LOCAL_HEADER:
                return True
            size = fh.seek(0, os.SEEK_END)
            tail_len = min(size, _EOCD_SIZE + _MAX_COMMENT)
            start = size - tail_len
            fh.seek(start)
            tail = fh.read(tail_len)
            pos = tail.rfind(_EOCD)
            while pos >= 0:
                if pos + _EOCD_SIZE <= len(tail):
                    cd_size, cd_offset, comment_len = struct.unpack_from("<IIH", tail, pos + 12)
                    if cd_offset == 0xFFFFFFFF or cd_size == 0xFFFFFFFF:
                        return True  # zip64: the record is there, which is what a copy writes last
                    if pos + _EOCD_SIZE + comment_len == len(tail) and (
                        cd_offset + cd_size == start + pos
                    ):
                        fh.seek(cd_offset)
                        return cd_size == 0 or fh.read(4) == _CENTRAL_HEADER
                pos = tail.rfind(_EOCD, 0, pos)
            return False
    except PermissionError:
        return False  # held exclusively by the program writing it: not ready
    except OSError:
        return True  # gone or unreadable: let the importer report it


def file_complete(path: str | os.PathLike[str]) -> bool:
    """Workbooks must be whole zips; other files only need to hold still."""
    if PurePath(path).suffix.lower() in ZIP_SUFFIXES:
        return zip_complete(path)
    return True


@dataclass
class _Pending:
    kind: str
    identity: Identity | None
    due: float
    delay: float
    incomplete_since: float | None = None


class Settler:
    """A debouncer keyed by path. Not thread-safe: the watcher calls it under its own lock."""

    def __init__(
        self,
        delay: float = SETTLE_DELAY,
        *,
        incomplete_wait: float = INCOMPLETE_WAIT,
        clock: Callable[[], float] = time.monotonic,
        identity: Callable[[str], Identity | None] = file_identity,
        complete: Callable[[str], bool] = file_complete,
    ):
        self.delay = delay
        self.incomplete_wait = incomplete_wait
        self._clock = clock
        self._identity = identity
        self._complete = complete
        self._pending: dict[str, _Pending] = {}

    def __len__(self) -> int:
        return len(self._pending)

    def __contains__(self, path: str) -> bool:
        return path in self._pending

    def touch(self, path: str, kind: str, *, delay: float | None = None) -> None:
        """An event came for ``path``: (re)start its quiet window and take the first look."""
        d = self.delay if delay is None else delay
        now = self._clock()
        ident = self._identity(path)
        entry = self._pending.get(path)
        if entry is None:
            self._pending[path] = _Pending(kind, ident, now + d, d)
        else:
            entry.kind, entry.identity, entry.due, entry.delay = kind, ident, now + d, d
            entry.incomplete_since = None

    def forget(self, path: str) -> None:
        self._pending.pop(path, None)

    def next_due(self) -> float | None:
        """Seconds until the next entry should be looked at; None when nothing is pending."""
        if not self._pending:
            return None
        return max(0.0, min(e.due for e in self._pending.values()) - self._clock())

    def pop_ready(self) -> list[tuple[str, str, Identity]]:
        """(path, kind, identity) of the files that have settled, oldest event first."""
        now = self._clock()
        ready = []
        for path, entry in list(self._pending.items()):
            if entry.due > now:
                continue
            ident = self._identity(path)
            if ident is None:  # gone again: the delete event (if any) speaks for it
                del self._pending[path]
                continue
            if ident != entry.identity:  # still changing: the second look starts a new window
                entry.identity, entry.due = ident, now + entry.delay
                continue
            if not self._complete(path):
                if entry.incomplete_since is None:
                    entry.incomplete_since = now
                if now - entry.incomplete_since < self.incomplete_wait:
                    entry.due = now + max(entry.delay, 0.25)
                    continue
            del self._pending[path]
            ready.append((path, entry.kind, ident))
        return ready
