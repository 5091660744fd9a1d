"""What a write changed, as the views are told it: Anki's ``OpChanges``, in small.

Every write the app sees — an import's outcome from the import process, a sync pull, an edit or
a merge on the writer thread — ends in one ``Changes``: which entities, which row ids of each
(or "many": re-read the whole entity), and which view asked for the write (``origin``). The bus
carries it (``Bus.data_changed``); each view skips what it does not show, re-reads only the
touched rows when they are few, and re-reads everything otherwise. The view that made an edit
has already shown it and does not re-read it.

Writes in this process are recorded by ``RecordingStore``: a Store whose committed transactions
add their ``Writer.touched`` to the recorder of the thread they run on (the writer thread, inside
``AppContext.write``). No Qt here.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sync.store import Store

# Past this many ids of one entity a view re-reads the entity whole: re-reading a few rows
# one by one costs more than one query once there are hundreds of them.
FEW = 500

# Entities that are not synced rows but that views show: a file's source row and its problems.
# A write that touched no synced row changed these (or other bookkeeping of the same kind).
SOURCES = "sources"
IMPORT_ISSUES = "import_issues"
BOOKKEEPING = {SOURCES: None, IMPORT_ISSUES: None}
# The origin of what a sync pull wrote: the team's rows, which add nothing to this PC's outbox.
PULLED = "sync pull"


@dataclass(frozen=True)
class Changes:
    # entity -> ids of the rows written, or None: too many to list, re-read the entity
    rows: Mapping[str, frozenset[str] | None] = field(default_factory=dict)
    everything: bool = False  # not known what changed (first run, a merge of the whole team)
    origin: Any = None  # the view (or handler) that asked for the write

    @classmethod
    def of(
        cls, rows: Mapping[str, Iterable[str] | None] | None = None, *, origin: Any = None
    ) -> Changes:
        frozen = {e: None if ids is None else frozenset(ids) for e, ids in (rows or {}).items()}
        return cls({e: ids for e, ids in frozen.items() if ids is None or ids}, origin=origin)

    @classmethod
    def all(cls, origin: Any = None) -> Changes:
        """Everything may have changed: every view re-reads (the old behaviour)."""
        return cls(everything=True, origin=origin)

    def __bool__(self) -> bool:
        return self.everything or bool(self.rows)

    def touches(self, *entities: str) -> bool:
        return self.everything or any(e in self.rows for e in entities)

    def ids(self, entity: str) -> frozenset[str] | None:
        """The touched ids of ``entity`` (empty when untouched); None when unknown or many."""
        if self.everything:
            return None
        if entity not in self.rows:
            return frozenset()
        return self.rows[entity]

    def few(self, entity: str, limit: int = FEW) -> frozenset[str] | None:
        """The touched ids of ``entity`` when there are at most ``limit``; else None."""
        ids = self.ids(entity)
        return ids if ids is not None and len(ids) <= limit else None

    def __or__(self, other: Changes) -> Changes:
        """Both changes (a burst of imports is told once); the origin only when it is one."""
        origin = self.origin if self.origin is other.origin else None
        if self.everything or other.everything:
            return Changes.all(origin)
        rows = dict(self.rows)
        for entity, ids in other.rows.items():
            mine = rows.get(entity, frozenset())
            rows[entity] = None if ids is None or mine is None else mine | ids
        return Changes(rows, origin=origin)


def of_outcome(outcome: Any) -> Changes:
    """What one import (an ``importers.outcome.Outcome``) changed: its rows, its source and the
    source's problems."""
    rows: dict[str, Iterable[str] | None] = dict(getattr(outcome, "rows", None) or {})
    source = getattr(outcome, "source_id", None)
    rows[SOURCES] = [source] if source else None
    rows[IMPORT_ISSUES] = None
    return Changes.of(rows)


def of_rows(rows: Mapping[str, Iterable[str] | None] | None, origin: Any = None) -> Changes:
    """What a pull (origin ``PULLED``) or a summary of imports wrote; no rows known means
    nothing changed."""
    return Changes.of(rows or {}, origin=origin)


def adds_to_outbox(changes: Changes) -> bool:
    """Whether a write of this PC may have queued changes to send: synced rows written here
    (bookkeeping — sources, problems — is not sent; a pull's rows came from the team)."""
    if changes.origin == PULLED:
        return False
    return changes.everything or any(e not in BOOKKEEPING for e in changes.rows)


# -- recording writes of this process ----------------------------------------------------------
_local = threading.local()


@contextmanager
def recording() -> Iterator[dict[str, set[str]]]:
    """Collect what the store writes committed on this thread do, as entity -> ids."""
    previous = getattr(_local, "rows", None)
    _local.rows = rows = {}
    try:
        yield rows
    finally:
        _local.rows = previous


class RecordingStore(Store):
    """The app's Store: each committed write adds what it touched to this thread's recorder."""

    @contextmanager
    def write(self, *, bulk: bool = False):
        with super().write(bulk=bulk) as writer:
            yield writer
        rows = getattr(_local, "rows", None)
        if rows is not None:
            for entity, ids in writer.touched.items():
                rows.setdefault(entity, set()).update(ids)
