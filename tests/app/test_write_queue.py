"""An edit made while another process (an import, a sync) holds genba.db's write lock is queued,
not lost: the rep is told once in plain words, and the edit is saved when the lock is free. A
bug is told apart from the environment by SQLite's error code, and gets a crash report."""

from __future__ import annotations

import sqlite3
import threading

from desktop.app import errors
from sync.store.connection import connect


def test_an_edit_behind_an_import_is_queued_then_saved(qtbot, ctx, imported, monkeypatch):
    told = []
    monkeypatch.setattr(errors, "show_error_dialog", lambda *exc, keep=None: told.append(exc[1]))
    ctx.store._conn.execute("PRAGMA busy_timeout = 100")  # as if the 10 s had passed
    (company,) = ctx.store.query("SELECT id FROM companies ORDER BY id LIMIT 1")
    importer = connect(ctx.store.path)  # another process's connection, mid-import
    importer.execute("BEGIN IMMEDIATE")
    done = []

    def edit():
        with ctx.store.write() as w:
            return w.update("companies", company[0], {"name_kana": "サンプルセイコウ"})

    ctx.tasks.run(edit, done.append, write=True)
    qtbot.waitUntil(lambda: bool(told), timeout=10_000)
    _title, text = errors.describe(told[0])
    assert "取り込みがデータベースに書き込み中です。編集は順番待ちに入っており" in text
    assert not done
    threading.Timer(0.3, importer.execute, ("ROLLBACK",)).start()
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    assert done == [["name_kana"]] and len(told) == 1
    kana = ctx.store.query("SELECT name_kana FROM companies WHERE id = ?", (company[0],))
    assert kana[0][0] == "サンプルセイコウ"


def test_a_sql_mistake_is_a_bug_with_a_crash_report(qtbot, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(errors, "show_error_dialog", lambda *exc, keep=None: shown.append(exc))
    monkeypatch.setenv("GENBA_LOG_DIR", str(tmp_path))
    try:
        sqlite3.connect(":memory:").execute("SELECT * FROM no_such_table")
    except sqlite3.OperationalError as exc:
        errors._bridge = errors._ErrorBridge()
        try:
            errors.report_exception(type(exc), exc, exc.__traceback__)
            qtbot.waitUntil(lambda: bool(shown), timeout=5000)
        finally:
            errors._bridge = None
    _type, exc, _tb, reported = shown[0][:4]
    assert not errors.is_environment_error(exc)
    (report,) = tmp_path.glob("crash-*.txt")
    assert "no_such_table" in report.read_text(encoding="utf-8")
    assert reported == report  # the dialog names the report
    _title, text = errors.describe(exc)
    assert "ディスク" not in text
