"""Operations for IT: backup, log file, crash reports."""

import os
import sqlite3
import subprocess
import sys

from desktop.commands.backup import run_backup
from desktop.logs import setup_logging, write_crash_report
from tests.helpers.workbooks import table_workbook, visit_rows


def test_backup_is_a_consistent_copy_while_writing(tmp_path, store):
    from importers.pipeline import ReportImporter

    ReportImporter(store, rep="x").import_file(
        table_workbook(tmp_path / "r.xlsx", {"4月": visit_rows(50)})
    )
    lines = []
    assert run_backup(store, str(tmp_path / "bk"), with_blobs=False, out=lines.append) == 0
    (copy,) = (tmp_path / "bk").glob("genba-*.db")
    conn = sqlite3.connect(copy)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM activities").fetchone()[0] == 50
    assert run_backup(store, "/proc/nope/x.db", with_blobs=False, out=lines.append) == 1
    assert "書き込めませんでした" in lines[-1]  # Japanese unless English is chosen
    assert run_backup(store, "/proc/nope/x.db", with_blobs=False, out=lines.append, lang="en") == 1
    assert "could not be written" in lines[-1]


def test_rotating_log_and_crash_report(tmp_path):
    log = setup_logging("INFO", tmp_path / "logs")
    assert log and log.name == "genba.log"
    try:
        raise ValueError("例外テスト")
    except ValueError:
        report = write_crash_report(*sys.exc_info(), directory=tmp_path / "logs")
    text = report.read_text("utf-8")
    assert "例外テスト" in text and "Traceback" in text


def test_crash_handler_tells_where_the_report_is(tmp_path):
    code = (
        # the language is passed (chosen at start-up by the CLI or the app), not looked up here
        "from desktop.logs import install_crash_handler; install_crash_handler('en'); "
        "raise RuntimeError('boom')"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, "GENBA_LOG_DIR": str(tmp_path), "GENBA_LANG": "ja"},
        timeout=60,
    )
    (report,) = tmp_path.glob("crash-*.txt")
    assert proc.stderr.strip().splitlines()[-1] == (
        "Genba hit an unexpected error (RuntimeError: boom). "
        f"Please send the report {report} to your IT contact."
    )


def test_version(data_dir):
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from desktop.cli import main; sys.exit(main())",
            "--version",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0 and proc.stdout.startswith("genba ")
