"""The tray: closing the window keeps watching; imports and problems become one notification per
burst of work; clicking it opens the right view; its switches are saved (and IT can lock them).

Offscreen there is no system tray to show a balloon, so the tray icon's ``showMessage`` is
recorded; everything up to that call — the real watcher on a real folder, the batching, the
wording — is the app's own.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QSystemTrayIcon

from desktop.app.notifications import Digest, NoticeBatcher
from importers.watch import WatchEvent
from tests.app.conftest import VISITS
from tests.helpers.workbooks import table_workbook


@pytest.fixture
def fail_on_qt_warnings(fail_on_qt_warnings):
    """A tray icon on the offscreen platform says it cannot follow the screen; nothing else."""
    yield fail_on_qt_warnings
    fail_on_qt_warnings.unexpected[:] = [
        m for m in fail_on_qt_warnings.unexpected if "systemTrayWindowChanged" not in m
    ]


# -- the batching, without widgets ------------------------------------------------------------------
class _Outcome:
    def __init__(self, status="imported", added=0, updated=0, deleted=0):
        self.status, self.added, self.updated, self.deleted = status, added, updated, deleted


def _event(kind, name, folder_kind="reports", **outcome):
    return WatchEvent(kind, Path("/r") / name, folder_kind, outcome=_Outcome(**outcome))


def test_a_burst_of_imports_becomes_one_digest():
    batch = NoticeBatcher()
    assert batch.take() is None
    assert batch.add(_event("imported", "a.xlsx", added=3))
    assert batch.add(_event("imported", "b.xlsx", added=2, updated=1))
    assert not batch.add(_event("imported", "c.xlsx"))  # saved, nothing changed
    assert not batch.add(_event("unchanged", "d.xlsx"))
    assert not batch.add(WatchEvent("watching", Path("/r"), "reports"))
    assert batch.add(_event("imported", "card.vcf", "cards", added=1))
    assert batch.add(_event("imported", "memo.jpg", "photos"))
    assert batch.add(_event("failed", "broken.xlsx"))
    assert batch.add(_event("error", "broken.xlsx"))  # the same file once
    digest = batch.take()
    assert digest == Digest(
        reports=2,
        added=5,
        updated=1,
        cards=1,
        contacts=1,
        photos=1,
        failed=["broken.xlsx"],
        names=["a.xlsx", "b.xlsx", "card.vcf", "memo.jpg"],
    )
    assert batch.take() is None  # a new digest starts empty


# -- the app, with a real watcher -------------------------------------------------------------------
@pytest.fixture
def genba(qtbot, data_dir, tmp_path, monkeypatch):
    """The app with a tray, watching an empty report folder; its window closed to the tray."""
    from desktop.app import application
    from desktop.app.application import GenbaApp
    from importers.settings import Settings

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    monkeypatch.setattr(application, "tray_available", lambda: True)
    monkeypatch.setattr(application, "GATHER_SECONDS", 1.0)
    folder = tmp_path / "日報"
    folder.mkdir()
    Settings(user_name="山本", report_folders=[str(folder)]).save(data_dir)
    app = GenbaApp(data_dir)
    app.notice_timer.setInterval(1000)
    app.shown: list[tuple[str, str, QSystemTrayIcon.MessageIcon]] = []
    app.tray.icon.showMessage = lambda title, text, kind, ms: app.shown.append((title, text, kind))
    app.folder = folder
    try:
        app.start()
        qtbot.waitUntil(lambda: app.watch.state == "watching", timeout=20_000)
        app.window.close()  # to the tray: Genba keeps running, and says so once
        assert not app.window.isVisible()
        assert [t for t, _, _ in app.shown] == ["現場は動作中です"]
        app.window.show()
        app.window.close()
        assert len(app.shown) == 1  # once a session
        app.shown.clear()
        yield app
    finally:
        app.dispose()


def _report(folder: Path, name: str, visits=VISITS) -> Path:
    tmp = folder.parent / f"tmp-{name}"
    table_workbook(tmp, {"4月": visits})
    shutil.move(tmp, folder / name)  # appears complete, as a save from Excel does
    return folder / name


def test_closing_the_window_keeps_watching_and_an_import_is_notified(qtbot, genba):
    assert genba.tray is not None and genba.window.keep_running_in_tray
    _report(genba.folder, "2025年度_営業日報_山本.xlsx")
    qtbot.waitUntil(lambda: bool(genba.shown), timeout=30_000)
    qtbot.wait(1500)  # nothing else follows
    assert genba.shown == [
        (
            "取り込みました",
            "2025年度_営業日報_山本.xlsx：新しい訪問 4 件",
            QSystemTrayIcon.MessageIcon.Information,
        )
    ]
    genba.tray.icon.messageClicked.emit()
    assert genba.window.isVisible() and genba.window.current_view_name() == "today"


def test_many_workbooks_at_once_are_one_notification(qtbot, genba):
    for i in range(5):
        visits = [[row[0], f"{row[1]}{i}", *row[2:]] for row in VISITS]
        _report(genba.folder, f"日報_{i}.xlsx", visits)
    qtbot.waitUntil(
        lambda: genba.ctx.store.query("SELECT count(*) FROM sources")[0][0] == 5, timeout=60_000
    )
    qtbot.waitUntil(lambda: bool(genba.shown), timeout=10_000)
    qtbot.wait(1500)
    texts = [t for _title, t, _k in genba.shown]
    assert sum(t.count("日報 ") for t in texts) <= 2  # at most split across the timer edge
    assert sum(int(t.split("新しい訪問 ")[1].split(" ")[0]) for t in texts) == 20


def test_a_file_that_cannot_be_read_warns_and_leads_to_problems(qtbot, genba):
    (genba.folder / "営業日報_壊れた.xlsx").write_bytes(b"PK\x03\x04 not a workbook at all")
    qtbot.waitUntil(lambda: bool(genba.shown), timeout=30_000)
    title, text, kind = genba.shown[0]
    assert title == "取り込めませんでした"
    assert text == "営業日報_壊れた.xlsx を読み込めませんでした。「問題」を確認してください"
    assert kind == QSystemTrayIcon.MessageIcon.Warning
    genba.tray.icon.messageClicked.emit()
    assert genba.window.isVisible() and genba.window.current_view_name() == "problems"


def test_no_balloon_while_the_rep_is_in_the_window(qtbot, genba, monkeypatch):
    genba.show_window()
    monkeypatch.setattr(genba.window, "isActiveWindow", lambda: True)
    _report(genba.folder, "日報.xlsx")
    qtbot.waitUntil(
        lambda: genba.ctx.store.query("SELECT count(*) FROM activities")[0][0] == 4, timeout=30_000
    )
    qtbot.wait(1500)
    assert genba.shown == []


def test_notifications_can_be_turned_off_from_the_tray(qtbot, genba, data_dir):
    from importers.settings import Settings

    genba.tray.notifications_action.trigger()  # unticks it
    qtbot.waitUntil(lambda: Settings.load(data_dir).notifications is False, timeout=5000)
    _report(genba.folder, "日報.xlsx")
    qtbot.waitUntil(
        lambda: genba.ctx.store.query("SELECT count(*) FROM activities")[0][0] == 4, timeout=30_000
    )
    qtbot.wait(1500)
    assert genba.shown == []


def test_start_at_login_from_the_tray(qtbot, genba, data_dir, tmp_path):
    from importers.settings import Settings

    entry = tmp_path / "xdg" / "autostart" / "genba.desktop"
    assert not genba.tray.autostart_action.isChecked()
    genba.tray.autostart_action.trigger()
    qtbot.waitUntil(entry.is_file, timeout=5000)
    assert "desktop.cli" in entry.read_text("utf-8") or "genba" in entry.read_text("utf-8")
    qtbot.waitUntil(lambda: Settings.load(data_dir).start_at_login is True, timeout=5000)
    genba.tray.autostart_action.trigger()
    qtbot.waitUntil(lambda: not entry.exists(), timeout=5000)


def test_it_can_lock_the_tray_switches(qtbot, data_dir, tmp_path, monkeypatch):
    from desktop.app import application
    from desktop.app.application import GenbaApp
    from importers.settings import Settings

    machine = tmp_path / "config.toml"
    machine.write_text("notifications = false\nstart_at_login = true\n", "utf-8")
    monkeypatch.setenv("GENBA_MACHINE_CONFIG", str(machine))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    monkeypatch.setattr(application, "tray_available", lambda: True)
    Settings(user_name="山本").save(data_dir)
    app = GenbaApp(data_dir)
    try:
        tray = app.tray
        assert not tray.notifications_action.isChecked()
        assert not tray.notifications_action.isEnabled()
        assert not tray.autostart_action.isEnabled()
        app.start()
        # The locked value is applied: Genba starts at login on this PC.
        qtbot.waitUntil((tmp_path / "xdg" / "autostart" / "genba.desktop").is_file, timeout=5000)
    finally:
        app.dispose()


def test_a_sync_that_needs_the_rep_is_said_once_offline_is_not(qtbot, genba):
    from sync.client.errors import AuthError, OfflineError

    offline = OfflineError("https://genba.example.co.jp", 3)
    genba.sync.status.emit({"state": "offline", "message": offline.message})
    assert genba.shown == []  # normal on the road
    refused = AuthError(revoked=True)
    for _ in range(3):  # retried every few minutes: told once
        genba.sync.status.emit({"state": "error", "message": refused.message})
    assert genba.shown == [
        (
            "同期できません",
            "このトークンは管理者により無効にされています。新しいトークンを発行してもらい、"
            "`genba sync --token -` で設定してください。",
            QSystemTrayIcon.MessageIcon.Warning,
        )
    ]
    genba.tray.icon.messageClicked.emit()
    assert genba.window.isVisible() and genba.window.current_view_name() == "sync"
    genba.sync.status.emit({"state": "ok", "message": "", "report": None})
    genba.sync.status.emit({"state": "error", "message": refused.message})
    assert len(genba.shown) == 2  # after a good sync, the same trouble is news again
    # the sync process made the message in Japanese; an app in English says it in English
    genba.ctx.language = "en"
    genba.sync.status.emit({"state": "ok", "message": "", "report": None})
    genba.sync.status.emit({"state": "error", "message": refused.message})
    assert genba.shown[-1][1].startswith("This token has been revoked. Ask your admin")
    sync_view = genba.window.views["sync"]  # opened by the click above: the same words there
    qtbot.waitUntil(lambda: sync_view.error_label.text().startswith("This token"), timeout=5000)


def test_the_digest_speaks_the_apps_language(qtbot, genba):
    from desktop.app.notifications import Digest

    done = Digest(reports=2, added=7, updated=3, names=["a.xlsx", "b.xlsx"])
    broken = Digest(failed=["壊れた.xlsx"])
    genba.ctx.language = "en"
    assert genba.notice_text(done) == (
        "Imported",
        "2 workbooks: 7 new visits\n3 visits updated",
        False,
    )
    assert genba.notice_text(broken) == (
        "Could not import",
        "壊れた.xlsx could not be read: see Problems",
        True,
    )
    genba.ctx.language = "ja"
    title, text, warning = genba.notice_text(done)
    assert (title, warning) == ("取り込みました", False) and "新しい訪問 7 件" in text
    assert genba.notice_text(broken)[0] == "取り込めませんでした"
