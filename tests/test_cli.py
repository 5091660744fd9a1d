"""The `genba` command as a rep runs it: real processes, real files, exit codes."""

import json
import os
import subprocess
import sys

from tests.helpers.workbooks import table_workbook, visit_rows

# These tests check the English wording; tests/importers/test_messages.py checks the Japanese.
ENGLISH = {**os.environ, "GENBA_LANG": "en"}


def genba(*args, data_dir, env=None, check=False):
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from desktop.cli import main; sys.exit(main())",
            "--data-dir",
            str(data_dir),
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    if check:
        assert proc.returncode == 0, proc.stderr + proc.stdout
    return proc


def test_import_folder_recursively_with_summary_and_tables(tmp_path, data_dir):
    (tmp_path / "reports" / "2025").mkdir(parents=True)
    table_workbook(tmp_path / "reports" / "2025" / "日報_2025年4月.xlsx", {"4月": visit_rows(6)})
    table_workbook(tmp_path / "reports" / "日報_2025年5月.xlsx", {"5月": visit_rows(4)})
    (tmp_path / "reports" / "~$日報_2025年5月.xlsx").write_bytes(b"owner file")
    out = genba(
        "import",
        str(tmp_path / "reports"),
        "--rep",
        "山本",
        data_dir=data_dir,
        env=ENGLISH,
        check=True,
    )
    assert "2 file(s): 2 imported" in out.stdout
    assert "10 added" in out.stdout
    acts = json.loads(genba("activities", "--json", data_dir=data_dir, check=True).stdout)
    assert len(acts) == 10 and {a["rep"] for a in acts} == {"山本"}
    comps = json.loads(genba("companies", "--json", data_dir=data_dir, check=True).stdout)
    assert len(comps) == 4
    table = genba("activities", data_dir=data_dir, check=True).stdout
    assert "株式会社サンプル精工" in table and "日付" in table
    again = genba("import", str(tmp_path / "reports"), data_dir=data_dir, env=ENGLISH, check=True)
    assert "2 unchanged" in again.stdout


def test_exit_status_1_when_a_file_fails_and_problems_lists_it(tmp_path, data_dir):
    table_workbook(tmp_path / "ok.xlsx", {"4月": visit_rows(2)})
    (tmp_path / "broken.xlsx").write_text("not a workbook")
    out = genba("import", str(tmp_path), data_dir=data_dir, env=ENGLISH)
    assert out.returncode == 1
    assert "broken.xlsx" in out.stdout and "1 failed" in out.stdout
    problems = genba("problems", data_dir=data_dir, env=ENGLISH, check=True).stdout
    assert "broken.xlsx" in problems and "not a workbook" in problems
    listed = json.loads(genba("problems", "--json", data_dir=data_dir, check=True).stdout)
    assert listed[0]["severity"] == "error" and listed[0]["path"].endswith("broken.xlsx")


def test_usage_error_is_exit_2(data_dir):
    assert genba("import", data_dir=data_dir).returncode == 2
    assert genba("no-such-command", data_dir=data_dir).returncode == 2


def test_missing_path_fails_with_a_message(tmp_path, data_dir):
    out = genba("import", str(tmp_path / "nope.xlsx"), data_dir=data_dir, env=ENGLISH)
    assert out.returncode == 1 and "no such file" in out.stdout


def test_data_dir_from_environment(tmp_path):
    import os

    table_workbook(tmp_path / "r.xlsx", {"4月": visit_rows(1)})
    env = {**os.environ, "GENBA_DATA_DIR": str(tmp_path / "envdata")}
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from desktop.cli import main; sys.exit(main())",
            "import",
            str(tmp_path / "r.xlsx"),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "envdata" / "genba.db").exists()


def test_headless_commands_never_import_qt_or_pandas(tmp_path, data_dir):
    table_workbook(tmp_path / "r.xlsx", {"4月": visit_rows(2)})
    code = (
        "import sys; from desktop.cli import main; rc = main(['--data-dir', sys.argv[1], 'import', "
        "sys.argv[2]]); main(['--data-dir', sys.argv[1], 'activities']); "
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pandas', 'shiboken6')]; "
        "print('LOADED', bad); sys.exit(rc)"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, str(data_dir), str(tmp_path / "r.xlsx")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert "LOADED []" in proc.stdout


def test_every_command_is_documented_in_the_readme():
    from pathlib import Path

    from desktop.cli import build_parser

    readme = (Path(__file__).parent.parent / "README.md").read_text("utf-8")
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name in sub.choices:
        assert f"genba {name}" in readme, f"README does not document `genba {name}`"
