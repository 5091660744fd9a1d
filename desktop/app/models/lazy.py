"""A table of any size: the model holds row ids, rows are fetched a page at a time and cached.

Anki's browser table model, in small: one query gives the ids for the current filter and sort
(run in the background by the owner, then handed over with ``set_ids``); ``data()`` asks for a
row, and the page around it (PAGE_SIZE ids) is read with one primary-key query on the model's
own read connection and kept in a small LRU cache. Only pages that are painted are read.

Rows are cached by id, not by position: when a write inserts or removes a few rows
(``ReloadingTableModel.update_touched``), the rows around them keep their cached contents and
only the touched rows are read again.
"""

from __future__ import annotations

import sqlite3
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

PAGE_SIZE = 200
CACHE_PAGES = 16

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    format: Callable[[dict[str, Any]], str] | None = None
    align_right: bool = False
    tooltip: bool = False

    def text(self, row: dict[str, Any]) -> str:
        if self.format is not None:
            return self.format(row)
        value = row.get(self.key)
        return "" if value is None else str(value)


class LazyTableModel(QAbstractTableModel):
    """Rows are ids; ``fetch(conn, ids) -> {id: row dict}`` reads a page of them."""

    ID_ROLE = Qt.ItemDataRole.UserRole + 1
    ROW_ROLE = Qt.ItemDataRole.UserRole + 2

    def __init__(
        self,
        columns: Sequence[Column],
        fetch: Callable[[sqlite3.Connection, list[str]], dict[str, dict[str, Any]]],
        connect: Callable[[], sqlite3.Connection],
        parent=None,
    ):
        super().__init__(parent)
        self.columns = list(columns)
        self._fetch = fetch
        self._connect = connect
        self._conn: sqlite3.Connection | None = None
        self._ids: list[str] = []
        self._pages: OrderedDict[int, None] = OrderedDict()  # page numbers read, oldest first
        self._rows: dict[str, dict[str, Any] | None] = {}  # id -> row (None: no longer there)
        self.pages_fetched = 0  # for tests and the bench: how many page queries ran
        self.rows_read = 0  # rows (or ids) this model's queries returned: what re-reads cost

    # -- ids ------------------------------------------------------------------------------------
    def set_ids(self, ids: list[str]) -> None:
        """Replace the rows (a new filter or sort result); the cache is dropped."""
        self.beginResetModel()
        self._ids = list(ids)
        self._pages.clear()
        self._rows.clear()
        self.endResetModel()

    def ids(self) -> list[str]:
        return self._ids

    def row_id(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, row_id: str) -> int:
        try:
            return self._ids.index(row_id)
        except ValueError:
            return -1

    def invalidate(self) -> None:
        """The rows' contents changed (an edit, an import): re-read pages as they are painted."""
        self._pages.clear()
        self._rows.clear()
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, len(self.columns) - 1)
            )

    def patch_row(self, row_id: str, values: dict[str, Any]) -> None:
        """Show new values of a row without reading it (the edit made here)."""
        row = self._rows.get(row_id)
        if row is not None:
            row.update(values)
            i = self.row_of(row_id)
            if i >= 0:
                self.dataChanged.emit(self.index(i, 0), self.index(i, len(self.columns) - 1))

    def refresh_where(self, key: str, values) -> None:
        """Cached rows whose ``key`` is one of ``values`` are read again when next painted."""
        values = set(values)
        stale = [i for i, row in self._rows.items() if row is not None and row.get(key) in values]
        for row_id in stale:
            del self._rows[row_id]
        if stale:  # only painted rows are asked for again
            last = len(self.columns) - 1
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, last))

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def cached_pages(self) -> list[int]:
        return list(self._pages)

    # -- rows -------------------------------------------------------------------------------------
    def row_data(self, row: int) -> dict[str, Any] | None:
        if not 0 <= row < len(self._ids):
            return None
        page_no = row // PAGE_SIZE
        if page_no in self._pages:
            self._pages.move_to_end(page_no)
        row_id = self._ids[row]
        if row_id not in self._rows:
            self._load_page(page_no)
        return self._rows.get(row_id)

    def _load_page(self, page_no: int) -> None:
        """Read the rows of a page that are not cached (all of them, unless rows moved)."""
        if self._conn is None:
            self._conn = self._connect()
        ids = self._ids[page_no * PAGE_SIZE : (page_no + 1) * PAGE_SIZE]
        missing = [i for i in ids if i not in self._rows]
        page = self._fetch(self._conn, missing)
        self.pages_fetched += 1
        self.rows_read += len(page)
        for row_id in missing:
            self._rows[row_id] = page.get(row_id)
        self._pages[page_no] = None
        self._pages.move_to_end(page_no)
        while len(self._pages) > CACHE_PAGES:
            old_no, _ = self._pages.popitem(last=False)
            for row_id in self._ids[old_no * PAGE_SIZE : (old_no + 1) * PAGE_SIZE]:
                self._rows.pop(row_id, None)
        if len(self._rows) > 2 * CACHE_PAGES * PAGE_SIZE:  # rows moved between pages a lot
            self._rows = {i: self._rows[i] for i in ids}

    # -- Qt -------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.columns)
        ):
            return self.columns[section].title
        return None

    def data(self, index: Index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.column() >= len(self.columns):
            return None
        col = self.columns[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            h = Qt.AlignmentFlag.AlignRight if col.align_right else Qt.AlignmentFlag.AlignLeft
            return int(h | Qt.AlignmentFlag.AlignVCenter)
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            self.ID_ROLE,
            self.ROW_ROLE,
        ):
            return None
        if role == self.ID_ROLE:
            return self._ids[index.row()]
        row = self.row_data(index.row())
        if row is None:  # deleted since the ids were read: an empty row until the next reload
            return None if role == self.ROW_ROLE else ""
        if role == self.ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ToolTipRole:
            return col.text(row) if col.tooltip else None
        return col.text(row)
