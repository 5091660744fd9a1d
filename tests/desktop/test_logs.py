"""genba.log and crash reports as README promises: the user log folder, 5 × 2 MB, INFO lines, and
a crash-*.txt with the traceback from the main thread, a worker thread, the app's thread pool and
the import/sync child processes — the rep told where it is."""

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import logs
from desktop.logs import log_dir, setup_logging

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def log_folder(tmp_path, monkeypatch):
    folder = tmp_path / "logs"
    monkeypatch.setenv("GENBA_LOG_DIR", str(folder))
    yield folder
    root = logging.getLogger()
    for h in [h for h in root.handlers if isinstance(h, logs._GenbaLogFile)]:
        root.removeHandler(h)
        h.close()


def _reports(folder: Path) -> list[str]:
    return [p.read_text("utf-8") for p in sorted(folder.glob("crash-*.txt"))]


def test_the_log_is_in_the_user_log_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("GENBA_LOG_DIR")
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))  # platformdirs on Linux
    assert log_dir() == tmp_path / "state" / "Genba" / "log"
    try:
        assert setup_logging() == tmp_path / "state" / "Genba" / "log" / "genba.log"
    finally:
        monkeypatch.setenv("GENBA_LOG_DIR", str(tmp_path / "elsewhere"))
        setup_logging()  # the handler on the user folder is replaced, not kept


def test_rotation_keeps_five_files_of_2_mb_and_info_lines(log_folder):
    path = setup_logging("INFO")
    assert path == log_folder / "genba.log"
    assert setup_logging("INFO") == path  # a second set-up replaces the handler
    (handler,) = [h for h in logging.getLogger().handlers if isinstance(h, logs._GenbaLogFile)]
    assert (handler.maxBytes, handler.backupCount) == (2 * 1024 * 1024, 4)
    log = logging.getLogger("genba.app")
    log.info("INFO line: 起動しました")
    log.debug("a debug line")
    handler.flush()
    text = path.read_text("utf-8")
    assert "INFO genba.app: INFO line: 起動しました" in text and "a debug line" not in text
    line = "x" * 1000
    for _ in range(12_000):  # 12 MB of lines: more than the five files hold
        log.info(line)
    handler.flush()
    files = sorted(p.name for p in log_folder.iterdir())
    assert files == ["genba.log", "genba.log.1", "genba.log.2", "genba.log.3", "genba.log.4"]
    assert all(p.stat().st_size <= 2 * 1024 * 1024 for p in log_folder.iterdir())


_APP_CRASHES = """
import sys, threading
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from desktop.cli import main

app = QApplication(["genba"])
def on_main():
    raise RuntimeError("main-thread bug")
def on_worker():
    threading.Thread(target=lambda: {}["missing"], name="worker-7").start()
QTimer.singleShot(500, on_main)
QTimer.singleShot(700, on_worker)
QTimer.singleShot(2500, app.quit)
sys.exit(main(["--data-dir", sys.argv[1]]))
"""


def test_the_app_logs_info_and_reports_main_and_worker_thread_crashes(tmp_path, log_folder):
    """The real app (`genba` with no command) running; a bug in a slot on the main thread and
    one in a worker thread: each a crash report, both in genba.log, and the app keeps running."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "GENBA_LOG_DIR": str(log_folder)}
    out = subprocess.run(
        [sys.executable, "-c", _APP_CRASHES, str(tmp_path / "data")],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=ROOT,
    )
    assert out.returncode == 0, out.stdout + out.stderr  # still running until it was told to quit
    reports = _reports(log_folder)
    assert len(reports) == 2
    (main_report,) = [r for r in reports if "main-thread bug" in r]
    (worker_report,) = [r for r in reports if "worker-7" in r]
    assert "main thread" in main_report and "RuntimeError: main-thread bug" in main_report
    assert "in on_main" in main_report and "Traceback" in main_report
    assert "thread worker-7" in worker_report and "KeyError: 'missing'" in worker_report
    log = (log_folder / "genba.log").read_text("utf-8")
    assert "INFO genba.app: Genba " in log and "the app starts on" in log
    assert log.count("ERROR genba: unexpected error (crash report: ") == 2
    assert "INFO genba.app: the app ends (status 0)" in log


def test_a_thread_pool_task_without_an_error_callback_writes_a_report(qtbot, log_folder):
    from desktop.app import errors
    from desktop.app.tasks import TaskManager

    saved = (sys.excepthook, __import__("threading").excepthook)
    tasks = TaskManager()
    try:
        errors.install_excepthooks("en")
        tasks.run(lambda: int("not a number"))
        qtbot.waitUntil(lambda: bool(errors._bridge.dialogs), timeout=5000)
        box = errors._bridge.dialogs[-1]
        (report,) = log_folder.glob("crash-*.txt")
        assert f"Report: {report}" in box.text()
        assert "ValueError: invalid literal" in box.detailedText()
        box.close()
    finally:
        tasks.shutdown()
        sys.excepthook, __import__("threading").excepthook = saved
        errors._bridge = None
    text = report.read_text("utf-8")
    assert "Traceback" in text and 'int("not a number")' in text


def test_a_bug_in_a_child_process_writes_a_report_and_the_parent_says_where(log_folder):
    from desktop.app.services.child_process import ChildProcess, ChildProcessCrashed
    from tests.desktop import crashing

    child = ChildProcess("import")
    try:
        with pytest.raises(ChildProcessCrashed) as caught:
            child.call(crashing.divide, 1, 0, here=lambda: None)
        (report,) = log_folder.glob("crash-*.txt")
        # the rep's line (Japanese by default) names the process and the report
        assert str(caught.value).startswith("取り込みプロセスで予期しないエラーが発生しました")
        assert str(report) in str(caught.value) and caught.value.crash_report == report
        text = report.read_text("utf-8")
        assert "the import process" in text and f"process {os.getpid()}" not in text
        assert "ZeroDivisionError: division by zero" in text and "in divide" in text
        # the computer refusing is no bug: the same error comes back, and no report
        with pytest.raises(PermissionError):
            child.call(crashing.refuse, "/x/日報.xlsx", here=lambda: None)
        assert len(list(log_folder.glob("crash-*.txt"))) == 1
        assert child.call(crashing.divide, 6, 3, here=lambda: None) == 2  # the child lives on
        assert child.last_pid != os.getpid()  # all of it ran in the child
    finally:
        child.shutdown()


def test_a_bug_in_the_sync_process_is_said_in_english(log_folder, monkeypatch):
    monkeypatch.delenv("GENBA_LANG", raising=False)  # the language is passed, not looked up
    from desktop.app.services.child_process import ChildProcess, ChildProcessCrashed
    from tests.desktop import crashing

    child = ChildProcess("sync", lang="en")
    try:
        with pytest.raises(ChildProcessCrashed) as caught:
            child.call(crashing.divide, 1, 0, here=lambda: None)
    finally:
        child.shutdown()
    (report,) = log_folder.glob("crash-*.txt")
    assert str(caught.value) == (
        "Genba hit an unexpected error in the sync process (ZeroDivisionError: division by "
        f"zero). Please send the report {report} to your IT contact."
    )


def test_an_unwritable_log_folder_never_stops_genba(tmp_path, monkeypatch):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("GENBA_LOG_DIR", str(blocked / "logs"))
    assert setup_logging() is None
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        assert logs.report_crash(type(exc), exc, exc.__traceback__) is None
        assert logs.crash_message(exc, None, "ja") == (
            "予期しないエラーが発生しました（RuntimeError: boom）。報告ファイルを書けなかったため、"
            "この表示をIT担当者に伝えてください。"
        )
