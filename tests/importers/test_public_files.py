"""Files from other projects' test suites (see public_files/README.md): each is read right or
refused with one clear problem in the rep's language; one bad file never stops the others."""

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from importers.issues import ImportFailed
from importers.workbook.load import load_sheets
from tests.importers.conftest import activities

HERE = Path(__file__).parent / "public_files"

# file -> (format, first sheet's row count, its first row's first cells) when read right
READ = {
    "sheetjs/ErrorTypes.csv": ("csv", 14, ["Error", "Bang", "Que"]),  # CR-only line ends
    "sheetjs/ErrorTypes.txt": ("csv", 14, ["Error", "Bang", "Que"]),  # UTF-16 LE, tabs
    "sheetjs/text_and_numbers.txt": ("csv", 5, ["English", "Hello", "World"]),
    "sheetjs/Attendance.csv": ("csv", 25, ["Date"]),
    "sheetjs/CRLFX5_2.XLS": ("xls", 2, ["Normal", "abc\ndef"]),  # BIFF2
    "sheetjs/CRLFX5_3.XLS": ("xls", 2, ["Normal", "abc\ndef"]),  # BIFF3
    "sheetjs/CRLFR9_4.XLS": ("xls", 2, ["Normal", "abc\r\ndef"]),  # BIFF4
    "xlrd/biff4_no_format_no_window2.xls": ("xls", 27, ["ID", "TOTAL", "MAIN", "SUB"]),
    "xlrd/ragged.xls": ("xls", 5, ["a", "b", "c"]),
    "calamine/merge_cells.xls": ("xls", 2, ["Row Merge"]),
    "calamine/minimal_package.xlsx": ("xlsx", 196, ["ARREST BOOKINGS for 01/30/17"]),
}
# file -> (issue code, words the Japanese message must hold)
REFUSED = {
    "calamine/pass_protected.ods": ("encrypted", "パスワード付きで保存"),
    "calamine/pass_protected.xlsx": ("encrypted", "パスワードを解除"),
    "python-calamine/password.xls": ("encrypted", "パスワードを解除"),
    "python-calamine/password.xlsx": ("encrypted", "パスワードを解除"),
    "sheetjs/password_2002_40_xor.xls": ("encrypted", "パスワードを解除"),
    "calamine/issue_594_dos.ods": ("unreadable", "使用範囲が異常に大きい"),
    "calamine/too_small.xls": ("not_a_workbook", "テキスト"),
}
# What libraries say, which must never reach a rep in Japanese.
LIBRARY_WORDS = re.compile(
    r"Cannot detect|Invalid OLE|Cfb|signature|Cell limit|new-line character|password protected|"
    r"XLRDError|Traceback|Exception"
)


@pytest.fixture(params=["in process", "worker"])
def importer(request, store):
    """Each file as an import reads it: in its own process (a small file) and by a worker
    process (a large one: importers.parse_worker)."""
    from importers.pipeline import ReportImporter

    options = {"worker_min_bytes": 0} if request.param == "worker" else {}
    return ReportImporter(store, rep="設定の担当", **options)


def _name(rel: str) -> str:
    return Path(rel).name.replace(".txt", ".csv")  # Excel's Unicode text, imported as a CSV


def test_every_public_file_is_listed_in_the_readme():
    listed = (HERE / "README.md").read_text("utf-8")
    files = {str(p.relative_to(HERE)) for p in HERE.rglob("*") if p.is_file() and p.suffix != ".md"}
    files = {f for f in files if "LICENSE" not in f}
    assert files == READ.keys() | REFUSED.keys()
    for f in files:
        assert Path(f).name in listed, f
    assert sum(p.stat().st_size for p in HERE.rglob("*")) < 1_000_000


@pytest.mark.parametrize("rel", sorted(READ))
def test_public_file_is_read_right(rel):
    fmt, rows, first = READ[rel]
    got_fmt, sheets = load_sheets((HERE / rel).read_bytes(), _name(rel), lang="ja")
    assert got_fmt == fmt
    sheet = sheets[0]
    assert len(sheet.rows) == rows
    assert sheet.rows[0][: len(first)] == first


@pytest.mark.parametrize("rel", sorted(REFUSED))
def test_public_file_is_refused_in_the_reps_words(rel):
    code, words = REFUSED[rel]
    with pytest.raises(ImportFailed) as failed:
        load_sheets((HERE / rel).read_bytes(), _name(rel), lang="ja")
    problem = failed.value.issue
    assert problem.code == code and words in problem.message, problem.message
    assert not LIBRARY_WORDS.search(problem.message), problem.message


def test_no_header_in_a_foreign_table_says_what_it_saw(store, importer, tmp_path):
    shutil.copy(HERE / "sheetjs/Attendance.csv", tmp_path / "Attendance.csv")
    out = importer.import_file(tmp_path / "Attendance.csv")
    assert out.status == "failed" and "Date（Attendance!A1）" in out.issues[0].message


REPORT = [
    ["日付", "訪問先", "面談者", "内容", "金額"],
    ["2025/4/2", "株式会社サンプル精工", "青木課長", "治具の提案", "120万円"],
    ["2025/4/3", "見本化成(株)", "石井様", "値上げの説明\n（来月から）", "350,000円"],
]


def _expected(store):
    return [
        (a["occurred_on"], a["company_name_raw"], a["contact_name"], a["summary"], a["amount_jpy"])
        for a in activities(store)
    ]


@pytest.mark.parametrize(
    ("encoding", "sep", "line_end"),
    [
        ("utf-16", "\t", "\r\n"),
        ("utf-16-le", ",", "\n"),
        ("utf-8", ",", "\r"),
        ("cp932", ",", "\r"),
    ],
)
def test_daily_report_csv_in_utf16_or_with_cr_line_ends(
    encoding, sep, line_end, store, importer, tmp_path
):
    def quoted(v):
        return f'"{v}"' if "\n" in v or sep in v else v

    text = line_end.join(sep.join(quoted(v) for v in row) for row in REPORT) + line_end
    path = tmp_path / "日報_2025年4月.csv"
    path.write_bytes(text.encode(encoding))
    out = importer.import_file(path)
    assert out.status == "imported" and out.added == 2, [i.message for i in out.issues]
    assert _expected(store) == [
        ("2025-04-02", "株式会社サンプル精工", "青木", "治具の提案", 1_200_000),
        ("2025-04-03", "見本化成(株)", "石井", "値上げの説明\n（来月から）", 350_000),
    ]


def test_a_folder_of_bad_files_imports_the_good_one_and_lists_every_problem(tmp_path):
    from tests.helpers.workbooks import table_workbook, visit_rows

    folder = tmp_path / "reports"
    folder.mkdir()
    for rel in [*READ, *REFUSED]:
        shutil.copy(HERE / rel, folder / _name(rel))
    table_workbook(folder / "日報_2025年4月.xlsx", {"4月": visit_rows(3)})
    data = tmp_path / "data"

    def genba(*args):
        return subprocess.run(
            [sys.executable, "-m", "desktop.cli", "--data-dir", str(data), *args],
            capture_output=True,
            text=True,
            timeout=180,
            env={**__import__("os").environ, "GENBA_LANG": "ja"},
        )

    run = genba("import", str(folder), "--rep", "山本")
    assert run.returncode == 1, run.stdout + run.stderr
    assert "予期しない" not in run.stdout and "Traceback" not in run.stderr
    assert "✓ 日報_2025年4月.xlsx: +3" in run.stdout
    problems = json.loads(genba("problems", "--json").stdout)
    failed_files = {Path(p["path"]).name for p in problems if p["severity"] == "error"}
    # every file that is not a daily report is one problem, each in Japanese words
    assert failed_files == {_name(r) for r in [*READ, *REFUSED]}
    for p in problems:
        assert not LIBRARY_WORDS.search(p["message"]), p
