"""A lazy table whose ids come from a query run in the background on each reload.

After a write that touched a few rows, ``update_touched`` re-reads only those rows (in the
background) and places them in the id list by the model's sort order, found by bisecting the
list with the sort keys of a few neighbours: the 100,000 ids are not queried again.
"""

from __future__ import annotations

import bisect
import sqlite3
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QModelIndex, Signal

from desktop.app.models.lazy import LazyTableModel


class Stale(Exception):
    """A neighbour's row vanished while placing: re-read everything instead."""


class ReloadingTableModel(LazyTableModel):
    """``reload()`` runs ``query_ids`` on the task manager (or inline without one) and hands
    the ids over on the main thread; a newer reload wins over an older one still running."""

    loaded = Signal()

    def __init__(
        self, columns, fetch, connect: Callable[[], sqlite3.Connection], tasks=None, parent=None
    ):
        super().__init__(columns, fetch, connect, parent)
        self._tasks = tasks
        self._generation = 0
        self._touched: set[str] = set()  # asked for by update_touched, not yet applied
        self.loading = False
        self.reloads = 0  # full re-reads (for tests and the bench)
        self.updates = 0  # re-reads of touched rows only

    # -- what a subclass says -------------------------------------------------------------------
    def query_ids(self, conn: sqlite3.Connection) -> list[str]:
        raise NotImplementedError

    def touched_rows(self, conn: sqlite3.Connection, ids: list[str]) -> dict[str, dict]:
        """The rows among ``ids`` that the current filter shows (as ``fetch`` gives them)."""
        raise NotImplementedError

    def sort_key(self, row: Any) -> Any:
        """The Python form of ``query_ids``' ORDER BY for a row (a dict or sqlite3.Row)."""
        raise NotImplementedError

    def key_row(self, conn: sqlite3.Connection, row_id: str) -> Any:
        """What ``sort_key`` needs of one row (None when it is gone)."""
        raise NotImplementedError

    # -- re-reading -------------------------------------------------------------------------------
    def reload(self) -> None:
        self._generation += 1
        self._touched.clear()  # a full re-read covers them
        generation = self._generation
        self.loading = True
        self.reloads += 1
        self._run(self.query_ids, lambda ids: self._apply(generation, ids))

    def update_touched(self, ids: Iterable[str]) -> None:
        """A write touched rows ``ids``: re-read only them and put them where they belong."""
        if self.loading:  # the ids being read may predate this write: read them again
            self.reload()
            return
        self._touched.update(ids)
        self._generation += 1
        generation = self._generation
        touched, snapshot = set(self._touched), list(self.ids())
        self.updates += 1

        def work(conn):
            try:
                return self._place(conn, snapshot, touched)
            except Stale:
                return None

        self._run(work, lambda placed: self._placed(generation, placed))

    def _run(self, fn, on_done) -> None:
        connect = self._connect

        def work():
            conn = connect()
            try:
                return fn(conn)
            finally:
                conn.close()

        if self._tasks is None:
            on_done(work())
        else:
            self._tasks.run(work, on_done)

    def _place(self, conn, snapshot: list[str], touched: set[str]):
        fresh = self.touched_rows(conn, sorted(touched))
        keys = {row_id: self.sort_key(row) for row_id, row in fresh.items()}
        probed = 0

        def key_of(row_id: str):
            nonlocal probed
            key = keys.get(row_id)
            if key is None:
                row = self.key_row(conn, row_id)
                if row is None:
                    raise Stale(row_id)
                key = keys[row_id] = self.sort_key(row)
                probed += 1
            return key

        ids = [i for i in snapshot if i not in touched]
        for row_id in sorted(fresh, key=keys.__getitem__):
            ids.insert(bisect.bisect_left(ids, keys[row_id], key=key_of), row_id)
        return ids, fresh, len(fresh) + probed

    def _placed(self, generation: int, placed) -> None:
        if generation != self._generation:
            return  # a newer re-read was asked for: it carries these rows too
        if placed is None:
            self.reload()
            return
        self._touched.clear()
        ids, fresh, read = placed
        self.rows_read += read
        self.update_rows(ids, fresh)
        self.loaded.emit()

    def update_rows(self, new_ids: list[str], fresh: dict[str, dict[str, Any]]) -> None:
        """A write touched a few rows: ``new_ids`` is the id list with them removed or placed
        anew, ``fresh`` the touched rows as they are now (read once). Other rows keep their
        cached contents; the view keeps its selection and scroll position."""
        old = self._ids
        for row_id, row in fresh.items():
            self._rows[row_id] = row
        touched = set(fresh)
        if len(new_ids) == len(old) and all(
            old[i] == new_ids[i] for i in range(len(old)) if old[i] in touched
        ):
            # in place: the same rows in the same order (an edit that kept its position)
            self._ids = list(new_ids)
            last = len(self.columns) - 1
            for i, row_id in enumerate(old):
                if row_id in touched:
                    self.dataChanged.emit(self.index(i, 0), self.index(i, last))
            return
        keep = set(new_ids)
        gone = [i for i, row_id in enumerate(old) if row_id in touched or row_id not in keep]
        for i in reversed(gone):
            self.beginRemoveRows(QModelIndex(), i, i)
            del self._ids[i]
            self.endRemoveRows()
        placed = [i for i, row_id in enumerate(new_ids) if row_id in touched]
        for i in placed:
            self.beginInsertRows(QModelIndex(), i, i)
            self._ids.insert(i, new_ids[i])
            self.endInsertRows()
        for row_id in old:
            if row_id not in keep:
                self._rows.pop(row_id, None)

    def _apply(self, generation: int, ids: list[str]) -> None:
        if generation != self._generation:
            return
        self.loading = False
        self.rows_read += len(ids)
        if ids == self.ids():
            self.invalidate()  # same rows: keep the selection and scroll position
        else:
            self.set_ids(ids)
        self.loaded.emit()
