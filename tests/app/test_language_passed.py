"""The UI language is a value each AppContext carries, not process-wide state: an English
context and a Japanese one in the same process format dates and name categories each in its own
language, nothing is put in the environment, and crash and error messages follow the language
they are given. Real Qt offscreen, real store, real child process."""

from __future__ import annotations

import errno
import os

import pytest


@pytest.fixture
def english(store, data_dir, ctx):
    """A second context on the same store, in English (the rep's setting)."""
    from desktop.app.context import AppContext

    other = AppContext(data_dir, store, ctx.settings, ctx.tasks, language="en")
    yield other
    other.imports.shutdown()


def _categories(view) -> list[str]:
    combo = view.notes.category_combo
    return [combo.itemText(i) for i in range(combo.count())]


def test_two_contexts_in_one_process_each_speak_their_language(qtbot, ctx, english):
    from desktop.app import fmt
    from desktop.app.views.knowledge import KnowledgeView

    assert ctx.language == "ja" and english.language == "en"
    assert "GENBA_UI_LANG" not in os.environ  # nothing global was set for either
    assert fmt.day("2025-04-01", lang=english.language) == "2025/04/01 (Tue)"
    assert fmt.day("2025-04-01", lang=ctx.language) == "2025/04/01(火)"

    in_english, in_japanese = KnowledgeView(english), KnowledgeView(ctx)
    qtbot.addWidget(in_english)
    qtbot.addWidget(in_japanese)
    assert "Buyer preference" in _categories(in_english)
    assert "顧客の好み・重視点" in _categories(in_japanese)
    assert "顧客の好み・重視点" not in _categories(in_english)
    # the table's columns too: the date column formats with the context's language
    (date,) = [c for c in in_english.notes.model.columns if c.key == "date"]
    assert date.text({"date": "2025-04-01"}) == "2025/04/01 (Tue)"
    (date,) = [c for c in in_japanese.notes.model.columns if c.key == "date"]
    assert date.text({"date": "2025-04-01"}) == "2025/04/01(火)"


def test_todays_page_counts_days_in_its_contexts_language(qtbot, ctx, english):
    from desktop.app.views.today import TodayView

    in_english, in_japanese = TodayView(english), TodayView(ctx)
    qtbot.addWidget(in_english)
    qtbot.addWidget(in_japanese)
    # the session's QApplication speaks Japanese: the English page is English all the same
    assert (in_english._overdue(411), in_english._overdue(1)) == ("411 days", "1 day")
    assert in_japanese._overdue(411) == "411日"
    assert in_english._overdue(0) == "today" and in_japanese._overdue(0) == "今日"


def test_error_and_crash_messages_follow_the_language_passed(qtbot, ctx, english, tmp_path):
    from desktop import logs
    from desktop.app.errors import describe, show_error_dialog

    full = OSError(errno.ENOSPC, "No space left on device")
    assert describe(full, "en")[1].startswith("The disk is full")
    assert describe(full, "ja")[1].startswith("ディスクの空き容量がない")
    box = show_error_dialog(OSError, full, None, tmp_path / "crash-1.txt", lang="en")
    qtbot.addWidget(box)
    assert "Report: " in box.text() and "報告ファイル" not in box.text()

    bug = ZeroDivisionError("division by zero")
    said = logs.crash_message(bug, tmp_path / "crash-1.txt", english.language, where="import")
    assert said.startswith("Genba hit an unexpected error in the import process")
    said = logs.crash_message(bug, tmp_path / "crash-1.txt", ctx.language, where="import")
    assert "crash-1.txt" in said and "Genba hit" not in said
    # each context's import process says its crashes in that context's language
    assert (english.imports.lang, ctx.imports.lang) == ("en", "ja")


def test_the_app_language_is_chosen_once_and_not_put_in_the_environment(monkeypatch, tmp_path):
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    from desktop.app import i18n

    monkeypatch.setenv("GENBA_LANG", "en")  # the rep's documented override, read at start-up
    app = QApplication.instance()
    lang = i18n.choose_language(tmp_path)
    assert lang == "en"
    try:
        translators = i18n.install(app, lang)
        assert "GENBA_UI_LANG" not in os.environ
        assert i18n.app_language() == "en"
    finally:
        for t in translators:
            app.removeTranslator(t)
        # the session's QApplication speaks Japanese again (its translators were kept)
        app.setProperty(i18n.LANGUAGE_PROPERTY, "ja")
        QLocale.setDefault(QLocale(QLocale.Language.Japanese, QLocale.Country.Japan))
    assert i18n.app_language() == "ja"
