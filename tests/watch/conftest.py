"""Real watchdog observers on real temporary folders; waits poll the store, bounded."""

from __future__ import annotations

import datetime as dt
import io
import os
import secrets
import threading
import time
from pathlib import Path

import openpyxl
import pytest

from importers.ingest import Importer
from importers.watch import Watcher, WatchEvent

HEADER = ["日付", "訪問先", "内容"]


def workbook_bytes(tag: str, n: int = 3) -> bytes:
    """A small daily report; ``tag`` makes each one's content different."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "4月"
    ws.append(HEADER)
    for i in range(n):
        ws.append([dt.date(2025, 4, 1 + i % 28), f"株式会社{tag}工業", f"{tag} 第{i + 1}回 打合せ"])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def excel_save(folder: Path, name: str, data: bytes) -> Path:
    """What Excel does on Ctrl+S: owner file, temp file with a random extensionless name, the old
    workbook renamed to ~WRLxxxx.tmp, the temp renamed over the workbook, cleanup."""
    target = folder / name
    owner = folder / f"~${name}"
    owner.write_bytes(b"\x06owner" + b"\x00" * 100)
    temp = folder / secrets.token_hex(4).upper()
    temp.write_bytes(data)
    backup = folder / f"~WRL{secrets.randbelow(10000):04d}.tmp"
    if target.exists():
        os.replace(target, backup)
    os.replace(temp, target)
    if backup.exists():
        backup.unlink()
    owner.unlink()
    return target


def wait_until(predicate, timeout: float = 10.0, what: str = "condition"):
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(0.05)


class Events:
    """WatchEvents collected from the watcher's threads."""

    def __init__(self):
        self._lock = threading.Lock()
        self.items: list[WatchEvent] = []

    def __call__(self, event: WatchEvent) -> None:
        with self._lock:
            self.items.append(event)

    def of(self, kind: str, name: str | None = None) -> list[WatchEvent]:
        with self._lock:
            return [
                e
                for e in self.items
                if e.kind == kind and (name is None or (e.path is not None and e.path.name == name))
            ]


def sources(store, status: str | None = None):
    sql = "SELECT * FROM sources" + (" WHERE status = ?" if status else "")
    return [dict(r) for r in store.query(sql, (status,) if status else ())]


def source(store, path: Path):
    rows = store.query("SELECT * FROM sources WHERE path = ?", (str(path),))
    return dict(rows[0]) if rows else None


def activity_summaries(store, path: Path) -> list[str]:
    rows = store.query(
        "SELECT a.summary FROM activities a JOIN sources s ON s.id = a.source_id "
        "WHERE s.path = ? AND a.deleted = 0 ORDER BY a.source_ref",
        (str(path),),
    )
    return [r[0] for r in rows]


@pytest.fixture
def folder(tmp_path) -> Path:
    d = tmp_path / "日報フォルダ"
    d.mkdir()
    return d


@pytest.fixture
def watch(store):
    """watch(folders, **Watcher options) -> (watcher, events), started; stopped at teardown.
    The importer is a real one (importers.ingest) unless ``importer=`` says otherwise."""
    started: list[Watcher] = []

    def make(folders, **kw):
        events = Events()
        kw.setdefault("supervise_interval", 0.2)
        w = Watcher(
            folders,
            importer=kw.pop("importer", Importer(store, rep="テスト担当").import_source),
            store=store,
            on_event=events,
            **kw,
        )
        started.append(w)
        w.start()
        return w, events

    yield make
    for w in started:
        assert w.stop(timeout=5.0)
