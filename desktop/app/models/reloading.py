"""A lazy table whose ids come from a query run in the background on each reload."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from PySide6.QtCore import Signal

from desktop.app.models.lazy import LazyTableModel


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
        self.loading = False

    def query_ids(self, conn: sqlite3.Connection) -> list[str]:
        raise NotImplementedError

    def reload(self) -> None:
        self._generation += 1
        generation = self._generation
        self.loading = True
        connect = self._connect
        query = self.query_ids

        def work() -> list[str]:
            conn = connect()
            try:
                return query(conn)
            finally:
                conn.close()

        if self._tasks is None:
            self._apply(generation, work())
        else:
            self._tasks.run(work, lambda ids: self._apply(generation, ids))

    def _apply(self, generation: int, ids: list[str]) -> None:
        if generation != self._generation:
            return
        self.loading = False
        if ids == self.ids():
            self.invalidate()  # same rows: keep the selection and scroll position
        else:
            self.set_ids(ids)
        self.loaded.emit()
