"""Files and folders dropped on the window go to the import process, like watched files: the
child reads and writes them, and the app's writer thread stays free for the rep's edits."""

from __future__ import annotations

import os

from tests.app.conftest import VISITS, wait_idle
from tests.helpers.workbooks import table_workbook, visit_rows


def _drop(qtbot, window, ctx, paths, timeout=120_000):
    finished = []
    window.import_finished.connect(finished.append)
    window.import_dropped(paths)
    qtbot.waitUntil(lambda: bool(finished), timeout=timeout)
    wait_idle(qtbot, ctx)
    return finished[0]


def test_an_edit_is_not_queued_behind_a_large_dropped_workbook(qtbot, window, ctx, tmp_path):
    big = table_workbook(tmp_path / "2025年度_営業日報_大量.xlsx", {"4月": visit_rows(20_000)})
    started, finished, edited = [], [], []
    ctx.bus.import_progress.connect(lambda done, total, name: started.append(name))
    window.import_finished.connect(finished.append)

    def edit():
        # A real write on the writer thread, made while the child reads the workbook.
        with ctx.store.write() as w:
            w.insert("companies", {"name": "株式会社北辰機械", "name_normalized": "北辰機械"})
        return ctx.store.query("SELECT count(*) FROM activities")[0][0]

    window.import_dropped([big])
    qtbot.waitUntil(lambda: bool(started), timeout=10_000)
    assert window.progress.isVisible()  # progress in the status bar while the child works
    ctx.tasks.run(edit, lambda seen: edited.append((seen, bool(finished))), write=True)
    qtbot.waitUntil(lambda: bool(finished), timeout=180_000)
    wait_idle(qtbot, ctx)

    # The edit went through before the drop's import wrote anything: not queued behind it.
    assert edited == [(0, False)]
    assert not window.progress.isVisible()
    assert window.statusBar().currentMessage().startswith("1ファイル中1ファイルを取り込み")
    summary = finished[0]
    assert (summary.files, summary.imported, summary.failed) == (1, 1, 0)
    assert summary.added == 20_000
    assert ctx.imports.last_pid not in (None, os.getpid())  # the child did the work
    assert ctx.store.query("SELECT count(*) FROM activities")[0][0] == 20_000
    assert ctx.store.query("SELECT count(*) FROM companies WHERE name = '株式会社北辰機械'")


def test_a_dropped_folder_imports_reports_cards_and_photos(qtbot, window, ctx, tmp_path):
    from PIL import Image

    folder = tmp_path / "持ち込み"
    (folder / "名刺").mkdir(parents=True)
    table_workbook(folder / "2025年度_営業日報_山本.xlsx", {"4月": VISITS})
    (folder / "名刺" / "青木.vcf").write_text(
        "BEGIN:VCARD\nVERSION:3.0\nFN:青木 一郎\nN:青木;一郎;;;\nORG:サンプル精工株式会社\n"
        "EMAIL:aoki@sample-seiko.example.jp\nEND:VCARD\n",
        encoding="utf-8",
    )
    Image.new("RGB", (40, 30), "white").save(folder / "メモ.jpg")

    summary = _drop(qtbot, window, ctx, [folder])

    assert (summary.files, summary.imported, summary.failed) == (3, 3, 0)
    assert ctx.imports.last_pid not in (None, os.getpid())
    kinds = sorted(k for (k,) in ctx.store.query("SELECT kind FROM sources"))
    assert kinds == ["cards", "photos", "report"]
    assert ctx.store.query("SELECT count(*) FROM activities")[0][0] == 4
    assert ctx.store.query("SELECT email FROM contacts")[0][0] == "aoki@sample-seiko.example.jp"


def test_a_bad_dropped_file_is_a_problem_and_the_next_one_still_imports(
    qtbot, window, ctx, tmp_path, report
):
    from desktop.app.data.problems import import_problems

    bad = tmp_path / "壊れた日報.xlsx"
    bad.write_bytes(b"PK\x03\x04 this is not a workbook" + os.urandom(256))

    summary = _drop(qtbot, window, ctx, [bad, report])

    assert (summary.files, summary.imported, summary.failed) == (2, 1, 1)
    assert summary.failures == ["壊れた日報.xlsx"]
    assert ctx.store.query("SELECT count(*) FROM activities")[0][0] == 4
    with ctx.connect() as conn:
        problems = import_problems(conn)
    assert [p["path"].endswith("壊れた日報.xlsx") for p in problems] == [True]
    assert problems[0]["severity"] == "error" and problems[0]["message"]
    assert (
        window.statusBar().currentMessage()
        == "2ファイル中1ファイルを取り込み: 新しい活動 4件、失敗 1件"
    )


def test_without_an_import_process_a_drop_imports_on_the_writer_thread(
    qtbot, window, ctx, report, monkeypatch, caplog
):
    from desktop.app.services import child_process

    def no_process(*_a, **_k):
        raise OSError("no multiprocessing here")

    monkeypatch.setattr(child_process, "ProcessPoolExecutor", no_process)
    with caplog.at_level("WARNING", logger="genba.app"):
        summary = _drop(qtbot, window, ctx, [report])
    assert (summary.imported, summary.added) == (1, 4)
    assert ctx.imports.last_pid == os.getpid() and ctx.imports.in_process
    assert "writer thread" in caplog.text  # the fallback is logged
    assert ctx.store.query("SELECT count(*) FROM activities")[0][0] == 4


def test_with_the_import_process_turned_off_a_drop_imports_here_and_says_so(
    qtbot, window, ctx, report, caplog
):
    ctx.imports.use_process = False  # what GENBA_IMPORT_IN_PROCESS=1 sets
    with caplog.at_level("WARNING", logger="genba.app"):
        summary = _drop(qtbot, window, ctx, [report])
    assert (summary.imported, summary.added) == (1, 4)
    assert ctx.imports.last_pid is None  # the import process was never asked
    assert "imported in the app's process" in caplog.text
