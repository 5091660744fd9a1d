"""The app as a whole: translations, background tasks and errors, the watcher, the self-test."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication

ROOT = Path(__file__).resolve().parents[2]


def test_japanese_translation_is_loaded(window):
    assert QCoreApplication.translate("MainWindow", "Today") == "今日"
    assert window.views["today"].title_label.text() == "今日"


def test_english_with_genba_lang(data_dir):
    code = (
        "import os, sys; from PySide6.QtWidgets import QApplication;"
        "from desktop.app.main import create_qapp; from pathlib import Path;"
        "app = create_qapp(Path(sys.argv[1]));"
        "from PySide6.QtCore import QCoreApplication as Q;"
        "print(Q.translate('MainWindow', 'Today'), Q.translate('MainWindow', 'Customers'))"
    )
    env = {**os.environ, "GENBA_LANG": "en", "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", code, str(data_dir)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.stdout.strip() == "Today Customers", out.stderr
    (data_dir / "settings.toml").write_text('language = "en"\n', "utf-8")
    env.pop("GENBA_LANG")
    out = subprocess.run(
        [sys.executable, "-c", code, str(data_dir)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.stdout.strip() == "Today Customers", out.stderr


def test_tasks_call_back_on_the_main_thread(qtbot, ctx):
    main = threading.current_thread()
    seen = {}

    def work():
        seen["worker"] = threading.current_thread()
        return 42

    ctx.tasks.run(work, lambda r: seen.update(result=r, callback=threading.current_thread()))
    ctx.tasks.run(lambda: 1 / 0, on_error=lambda e: seen.update(error=e), write=True)
    qtbot.waitUntil(ctx.tasks.idle, timeout=5000)
    assert seen["result"] == 42 and seen["callback"] is main and seen["worker"] is not main
    assert isinstance(seen["error"], ZeroDivisionError)


def test_errors_from_other_threads_reach_a_dialog(qtbot, monkeypatch):
    from desktop.app import errors

    shown = []
    monkeypatch.setattr(errors, "show_error_dialog", lambda *exc, keep=None: shown.append(exc[1]))
    saved = (sys.excepthook, threading.excepthook)
    try:
        errors.install_excepthooks(None)
        t = threading.Thread(target=lambda: 1 / 0)
        t.start()
        t.join()
        qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    finally:
        sys.excepthook, threading.excepthook = saved
        errors._bridge = None
    assert isinstance(shown[0], ZeroDivisionError)
    _title, text = errors.describe(OSError(28, "No space left on device"))
    assert "ディスク" in text


def test_watcher_events_reach_the_ui(qtbot, data_dir, report):
    from desktop.app.application import GenbaApp
    from importers.settings import Settings

    Settings(user_name="山本", report_folders=[str(report.parent)]).save(data_dir)
    genba = GenbaApp(data_dir, tray=False)
    events = []
    genba.ctx.bus.watch_event.connect(lambda e: events.append((e.kind, threading.current_thread())))
    try:
        genba.start()
        qtbot.waitUntil(lambda: any(k == "imported" for k, _t in events), timeout=20_000)
        assert all(t is threading.main_thread() for _k, t in events)
        qtbot.waitUntil(
            lambda: genba.window.watch_label.text() == "フォルダー: 見守り中", timeout=5000
        )
        qtbot.waitUntil(
            lambda: genba.ctx.store.query("SELECT count(*) FROM activities")[0][0] == 4,
            timeout=5000,
        )
    finally:
        genba.dispose()


def test_no_tray_offscreen_so_closing_quits(qtbot, data_dir):
    from desktop.app.application import GenbaApp
    from desktop.app.tray import tray_available

    genba = GenbaApp(data_dir)
    try:
        assert tray_available() is False and genba.tray is None
        assert genba.window.keep_running_in_tray is False
    finally:
        genba.dispose()


def _self_test(data_dir: Path, *, via_cli: bool) -> subprocess.CompletedProcess:
    if via_cli:
        code = "import sys; from desktop.cli import main; sys.exit(main(['--data-dir', sys.argv[1], '--self-test']))"
    else:
        code = "import sys; from pathlib import Path; from desktop.app.main import run_app; sys.exit(run_app(Path(sys.argv[1]), self_test=True))"
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    return subprocess.run(
        [sys.executable, "-c", code, str(data_dir)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_self_test_returns_0(data_dir, store, imported):
    store.close()
    out = _self_test(data_dir, via_cli=False)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "self-test OK" in out.stdout
    assert "view activities:" in out.stdout and "startup to first paint" in out.stdout
    assert "import process: ready" in out.stdout and "sync process: ready" in out.stdout


def test_the_app_process_loads_no_http_client_or_workbook_reader(data_dir, store, imported):
    """Syncs and imports run in child processes: the app itself stays small. After opening
    every view, neither the HTTP client nor the workbook readers are loaded in it."""
    store.close()
    code = (
        "import sys; from pathlib import Path; from desktop.app.main import run_app;"
        "code = run_app(Path(sys.argv[1]), self_test=True);"
        "heavy = ('httpx', 'python_calamine', 'openpyxl', 'pandas', 'vobject', 'keyring');"
        "print('LOADED', sorted(m for m in heavy if m in sys.modules)); sys.exit(code)"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    out = subprocess.run(
        [sys.executable, "-c", code, str(data_dir)],
        cwd=ROOT,
        env={**env, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert "LOADED []" in out.stdout, out.stdout


def test_self_test_via_the_cli(data_dir):
    out = _self_test(data_dir, via_cli=True)
    assert out.returncode == 0, out.stdout + out.stderr


def test_many_qt_calls_do_not_exhaust_none(qapp):
    """PySide6 6.12.0 on Python 3.11 dropped a reference to None per void call until the
    interpreter aborted; pyproject excludes that release. This guards the pin."""
    from PySide6.QtWidgets import QWidget

    w = QWidget()
    for _ in range(30_000):
        w.resize(10, 10)
        w.isVisible()
    assert sys.getrefcount(None) > 1_000
