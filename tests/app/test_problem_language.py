"""A problem recorded while Genba ran in Japanese reads in English once the rep chooses English
(and in Japanese again after switching back): the Problems view writes it from its catalogue key
and parameters in the app's language, not with the words stored at import time."""

from __future__ import annotations

import re

from importers.pipeline import ReportImporter
from importers.settings import Settings
from tests.helpers.workbooks import table_workbook

KANA = re.compile(r"[\u3040-\u30ff]")


def _problems_in(qtbot, data_dir, lang: str) -> list[str]:
    """Start the app (as a rep would after changing the language setting) and read Problems."""
    from desktop.app.application import GenbaApp

    settings = Settings.load(data_dir)
    settings.language = lang
    settings.save(data_dir)
    genba = GenbaApp(data_dir, tray=False)
    try:
        assert genba.ctx.language == lang
        view = genba.window.views["problems"]
        with qtbot.waitSignal(view.loaded, timeout=10_000):
            genba.window.show_view("problems")
        messages = [view.issues.row(i)["message"] for i in range(view.issues.rowCount())]
        view.issues_view.selectRow(0)
        assert messages[0] in view.issue_detail.text()  # the detail under the table too
        return messages
    finally:
        genba.dispose()


def test_a_problem_recorded_in_japanese_is_shown_in_english_and_back(qtbot, tmp_path, data_dir):
    bad = table_workbook(
        tmp_path / "日報.xlsx",
        {"4月": [["2025/13/45", "株式会社サンプル精工", "青木", "訪問", None, "未定", None]]},
    )
    from sync.store import Store

    with Store(data_dir) as store:
        assert ReportImporter(store, rep="山本", lang="ja").import_file(bad).status == "imported"
        stored = [r[0] for r in store.query("SELECT message FROM import_issues")]
    assert all(KANA.search(m) for m in stored)  # recorded in Japanese

    english = _problems_in(qtbot, data_dir, "en")
    assert len(english) == 2 and not any(KANA.search(m) for m in english), english
    assert any("there is no month 13" in m for m in english)  # the reason, nested, too
    assert any("is not a number of yen" in m for m in english), english

    japanese = _problems_in(qtbot, data_dir, "ja")
    assert sorted(japanese) == sorted(stored)
