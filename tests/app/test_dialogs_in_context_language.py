"""Every dialog, wizard, small widget and message box speaks its AppContext's language (or the
language it is given), not the QApplication's: in one process, with the application's
translators speaking Japanese — and again with them speaking English — each is opened for an
English context and for a Japanese one, and every text it shows (window title, labels, buttons,
Qt's own standard and wizard buttons) is in the context's language. Real Qt offscreen, the real
translation files.

"In the context's language" is checked against the catalogue: an English dialog shows no text
that genba_ja.ts (or Qt's qtbase_ja) gives as a Japanese translation, and a Japanese one shows
no English source text that has one."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.app.conftest import wait_idle
from tests.app.test_language_passed import english  # noqa: F401  (a fixture)

ROOT = Path(__file__).resolve().parents[2]
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
# Qt's own buttons, as qtbase_ja.qm says them (the application's translators would otherwise)
QT_JA = {"キャンセル": "Cancel", "保存": "Save", "< 戻る(&B)": "< &Back", "次へ(&N) >": "&Next >"}
QT_JA |= {"完了(&F)": "&Finish", "詳細を表示...": "Show Details...", "閉じる": "Close"}


def _catalogue() -> tuple[set[str], set[str]]:
    """(Japanese translations, English sources that have one) of genba_ja.ts and Qt's buttons."""
    ja, en = set(QT_JA), set(QT_JA.values())
    root = ET.parse(ROOT / "resources" / "translations" / "genba_ja.ts").getroot()
    for message in root.iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("unfinished", "obsolete", "vanished"):
            continue
        source = message.find("source").text or ""
        forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        forms = [f for f in forms if f and f != source]
        if forms and "%n" not in source:
            ja.update(forms)
            en.add(source)
    return ja, en


JA_TEXTS, EN_SOURCES = _catalogue()


@pytest.fixture(params=["ja", "en"], ids=["app-ja", "app-en"])
def app_language(request, qapp):
    """The QApplication's translators: Japanese (the session's), or none at all (English)."""
    from desktop.app import i18n

    if request.param == "ja":
        yield "ja"
        return
    translators = list(getattr(qapp, "_genba_translators", []))
    for t in translators:
        qapp.removeTranslator(t)
    qapp.setProperty(i18n.LANGUAGE_PROPERTY, "en")
    try:
        yield "en"
    finally:
        for t in translators:
            qapp.installTranslator(t)
        qapp.setProperty(i18n.LANGUAGE_PROPERTY, "ja")


def _plain(text: str) -> str:
    return re.sub(r"<[^>]+>", "", text or "").strip()


def texts(widget) -> list[str]:
    """What the rep reads: the window title, labels, buttons, wizard titles and buttons, menu
    actions, placeholders and tooltips."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QLabel,
        QLineEdit,
        QMenu,
        QPlainTextEdit,
        QWizard,
        QWizardPage,
    )

    found = [widget.windowTitle()] if widget.isWindow() else []
    found += [w.text() for w in widget.findChildren(QLabel)]
    found += [w.text() for w in widget.findChildren(QAbstractButton)]
    found += [w.placeholderText() for w in widget.findChildren(QLineEdit)]
    found += [w.placeholderText() for w in widget.findChildren(QPlainTextEdit)]
    found += [w.toolTip() for w in [widget, *widget.findChildren(QAbstractButton)]]
    found += [a.text() for m in widget.findChildren(QMenu) for a in m.actions()]
    if isinstance(widget, QWizard):
        found += [widget.buttonText(b) for b in QWizard.WizardButton.__members__.values()]
    for page in widget.findChildren(QWizardPage):
        found += [page.title(), page.subTitle()]
    if isinstance(widget, QAbstractButton):
        found.append(widget.text())
    return [t for t in (_plain(x) for x in found) if t]


def assert_speaks(widget, lang: str) -> list[str]:
    said = texts(widget)
    assert said, widget
    if lang == "en":
        wrong = [t for t in said if t in JA_TEXTS]
    else:
        wrong = [t for t in said if t in EN_SOURCES]
    assert not wrong, (type(widget).__name__, lang, wrong)
    return said


def _both(qtbot, make, ctx, english, *, wait=None):  # noqa: F811
    """The widget for the English and the Japanese context, shown (and loaded)."""
    made = []
    for context in (english, ctx):
        w = make(context)
        qtbot.addWidget(w)
        w.show()
        if wait is not None:
            qtbot.waitUntil(lambda w=w: wait(w), timeout=10_000)
        made.append(w)
    wait_idle(qtbot, ctx)
    return made


# -- dialogs -------------------------------------------------------------------------------------
def test_the_edit_dialogs_speak_their_contexts_language(qtbot, app_language, ctx, english):  # noqa: F811
    from desktop.app.dialogs.activity import ActivityDialog
    from desktop.app.dialogs.card_review import CardReviewDialog
    from desktop.app.dialogs.company import CompanyDialog
    from desktop.app.dialogs.note import NoteDialog
    from desktop.app.dialogs.voice_draft import VoiceDraftDialog

    company = {"id": "c-1", "name": "株式会社サンプル精工", "name_kana": ""}
    cases = [
        (lambda c: ActivityDialog(c, "gone"), "Edit activity", "This activity no longer exists."),
        (
            lambda c: CardReviewDialog(c, "gone"),
            "Check the business card",
            "This card no longer exists: it was deleted or merged.",
        ),
        (
            lambda c: VoiceDraftDialog(c, "gone"),
            "Voice memo draft",
            "This voice memo no longer exists.",
        ),
        (lambda c: CompanyDialog(c, company), "Edit customer", None),
        (lambda c: NoteDialog(c, company_id=None), "Add knowledge", None),
    ]
    for make, title, heading in cases:
        loaded = None if heading is None else (lambda d: bool(d.heading.text().strip("…. ")))
        in_english, in_japanese = _both(qtbot, make, ctx, english, wait=loaded)
        assert in_english.windowTitle() == title
        assert JAPANESE.search(in_japanese.windowTitle()), in_japanese.windowTitle()
        if heading is not None:  # said after its read came back, in the same language
            assert in_english.heading.text() == heading
            assert JAPANESE.search(in_japanese.heading.text())
        said = assert_speaks(in_english, "en")
        assert "Cancel" in said, said  # Qt's own button, in the context's language
        said = assert_speaks(in_japanese, "ja")
        assert "キャンセル" in said, said


def test_the_merge_dialog_speaks_its_contexts_language(qtbot, app_language, ctx, english, store):  # noqa: F811
    from desktop.app.dialogs.merge import ManualMergeDialog

    with store.write() as w:
        a = w.insert("companies", {"name": "株式会社山田製作所", "name_normalized": "山田製作所"})
        b = w.insert("companies", {"name": "ヤマダ製作所", "name_normalized": "ヤマダ製作所"})
        w.insert("activities", {"company_id": b, "occurred_on": "2025-05-01", "summary": "訪問"})
    in_english, in_japanese = _both(
        qtbot, ManualMergeDialog, ctx, english, wait=lambda d: d.left_combo.count() == 2
    )
    for dialog in (in_english, in_japanese):
        dialog.select(a, b)
    qtbot.waitUntil(lambda: bool(in_english.groups and in_japanese.groups), timeout=5000)
    assert in_english.windowTitle() == "Merge by hand"
    assert in_english.merge_button.text() == "Merge"
    assert "last visit 2025/05/01" in in_english.right_combo.currentText()
    assert "最終訪問 2025/05/01" in in_japanese.right_combo.currentText()
    said = assert_speaks(in_english, "en")
    assert {"Customers", "Contacts", "Cancel", "Name"} <= set(said), said
    said = assert_speaks(in_japanese, "ja")
    assert "キャンセル" in said


def test_the_first_run_wizard_speaks_its_contexts_language(qtbot, app_language, ctx, english):  # noqa: F811
    from desktop.app.dialogs.first_run import FirstRunWizard

    in_english, in_japanese = _both(qtbot, FirstRunWizard, ctx, english)
    assert in_english.windowTitle() == "Set up Genba"
    assert JAPANESE.search(in_japanese.windowTitle())
    said = assert_speaks(in_english, "en")
    # every page's texts, Qt's wizard buttons and the folder fields' 「Choose…」
    assert {"Welcome to Genba", "Your name", "Token", "Choose…", "< &Back", "&Next >"} <= set(
        said
    ), said
    assert in_english.buttonText(in_english.WizardButton.FinishButton) == "Start using Genba"
    said = assert_speaks(in_japanese, "ja")
    assert {"次へ(&N) >", "キャンセル"} <= set(said), said


def test_the_mapping_wizard_speaks_its_contexts_language(qtbot, app_language, ctx, english, report):  # noqa: F811
    from desktop.app.dialogs.mapping import MappingWizard

    in_english, in_japanese = _both(
        qtbot,
        lambda c: MappingWizard(c, report),
        ctx,
        english,
        wait=lambda w: w.workbook is not None,
    )
    assert in_english.windowTitle().startswith("Set up the headings — ")
    assert JAPANESE.search(in_japanese.windowTitle().split("—")[0])
    said = assert_speaks(in_english, "en")
    assert {"Sheet", "One row per visit (table)", "Cancel"} <= set(said), said
    # the preview table's headings, and the field names of the columns page
    preview = in_english.columns_page.preview
    assert preview.headerData(1, preview_orientation()) == "Customer"
    preview = in_japanese.columns_page.preview
    assert JAPANESE.search(preview.headerData(1, preview_orientation()))
    in_english.run_preview()  # no column chosen yet: the preview asks for one, in English
    in_japanese.run_preview()
    assert in_english.columns_page.preview_label.text() == "Choose a field for at least one column."
    assert JAPANESE.search(in_japanese.columns_page.preview_label.text())
    assert_speaks(in_japanese, "ja")


def preview_orientation():
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


# -- small widgets -------------------------------------------------------------------------------
def test_a_note_its_helpful_button_and_a_date_box_speak_the_language_given(qtbot, app_language):
    from desktop.app.views.date_field import DateField
    from desktop.app.views.notes import NoteItem

    note = {
        "id": "n-1",
        "category": "lead_comment",
        "body": "月末の会議で決まる",
        "author": "青木",
        "date": "2025-04-01",
        "visibility": "private",
        "same": 2,
        "helpful": 1,
    }
    items = {lang: NoteItem(note, "山本", lang=lang) for lang in ("en", "ja")}
    for item in items.values():
        qtbot.addWidget(item)
    said = assert_speaks(items["en"], "en")
    assert items["en"].edit_button is None  # a teammate's note: no edit link
    assert "Helpful  1" in said and "Tell the author" in items["en"].helpful_button.toolTip()
    assert "only me" in " ".join(said) and "written 2 times" in " ".join(said), said
    said = assert_speaks(items["ja"], "ja")
    assert JAPANESE.search(items["ja"].helpful_button.text())
    for lang in ("en", "ja"):
        field = DateField(lang=lang)
        qtbot.addWidget(field)
        assert_speaks(field, lang)
        if lang == "en":
            assert field.edit.placeholderText() == "yyyy/mm/dd"
            assert field.calendar_button.toolTip() == "Pick from a calendar"
        else:
            assert JAPANESE.search(field.calendar_button.toolTip())


def test_the_tray_menu_speaks_the_language_given(qtbot, app_language):
    from desktop.app.icons import icon
    from desktop.app.tray import Tray

    for lang in ("en", "ja"):
        tray = Tray(icon("genba", selected=None), lang=lang)
        actions = [a.text() for a in tray.menu.actions() if a.text()]
        if lang == "en":
            assert actions == ["Open Genba", "Show notifications", "Start at login", "Quit Genba"]
        else:
            assert all(JAPANESE.search(a) for a in actions), actions
        tray.icon.hide()
        tray.menu.deleteLater()
        tray.deleteLater()


@pytest.fixture
def fail_on_qt_warnings(fail_on_qt_warnings):
    """A tray icon on the offscreen platform says it cannot follow the screen; nothing else."""
    yield fail_on_qt_warnings
    fail_on_qt_warnings.unexpected[:] = [
        m for m in fail_on_qt_warnings.unexpected if "systemTrayWindowChanged" not in m
    ]


# -- message boxes and the window ---------------------------------------------------------------
def test_error_and_refusal_boxes_speak_the_language_given(qtbot, app_language, tmp_path):
    from desktop.app.errors import describe, show_error_dialog
    from desktop.app.pictures import Problem, problem_text
    from desktop.app.row_drop import show_refusal

    bug = ZeroDivisionError("division by zero")
    assert describe(bug, "en")[0] == "Something went wrong"
    assert JAPANESE.search(describe(bug, "ja")[0])
    for lang in ("en", "ja"):
        box = show_error_dialog(ZeroDivisionError, bug, None, tmp_path / "crash-1.txt", lang=lang)
        qtbot.addWidget(box)
        said = assert_speaks(box, lang)
        details = [b for b in box.buttons() if b.text() in ("Show Details...", "詳細を表示...")]
        assert len(details) == 1, said
        details[0].click()  # Qt relabels it with the application's translators; not here
        assert details[0].text() == ("Hide Details..." if lang == "en" else "詳細を隠す...")
        why = problem_text(Problem("heic", "IMG_0001.HEIC"), lang)
        refusal = show_refusal(None, why, lang)
        qtbot.addWidget(refusal)
        said = assert_speaks(refusal, lang)
        if lang == "en":
            assert refusal.windowTitle() == "Photo not attached" and "OK" in said
            assert why.startswith("“IMG_0001.HEIC” was not attached: HEIC photos")
        else:
            assert JAPANESE.search(refusal.windowTitle()) and JAPANESE.search(why)


def test_the_main_window_speaks_its_contexts_language(qtbot, app_language, ctx, english):  # noqa: F811
    from desktop.app.window import MainWindow

    windows = []
    for context in (english, ctx):
        w = MainWindow(context)
        qtbot.addWidget(w)
        windows.append(w)
    in_english, in_japanese = windows
    try:
        nav = [in_english.nav.item(i).text() for i in range(in_english.nav.count())]
        assert nav[:3] == ["Today", "Customers", "Activities"]
        assert in_english.windowTitle() == "Genba — daily reports and customers"
        assert in_english.search.placeholderText() == "Search notes and activities (Ctrl+K)"
        assert in_english.watch_label.text() == "Folders: not watching"
        assert all(JAPANESE.search(in_japanese.nav.item(i).text()) for i in range(3))
        assert JAPANESE.search(in_japanese.windowTitle())
        # the activities' date boxes, inside the window's pages
        since = in_english.views["activities"].since_edit
        assert since.calendar_button.toolTip() == "Pick from a calendar"
    finally:
        for w in windows:
            for v in (w.views["activities"], w.views["customers"]):
                v.model.close()


def test_the_pages_tables_head_and_fill_their_columns_in_their_contexts_language(
    qtbot,
    app_language,
    ctx,
    english,  # noqa: F811
):
    from PySide6.QtCore import Qt

    from desktop.app.models.search import HitsModel
    from desktop.app.views.activities import ActivitiesView
    from desktop.app.views.customers import CustomerList

    def headings(model) -> list[str]:
        return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]

    for page, first in ((ActivitiesView, "Date"), (CustomerList, "Customer")):
        in_english, in_japanese = page(english), page(ctx)
        for p in (in_english, in_japanese):
            qtbot.addWidget(p)
            p.model.close()
        said = headings(in_english.model)
        assert said[0] == first and not [h for h in said if JAPANESE.search(h)], said
        said = headings(in_japanese.model)
        assert all(JAPANESE.search(h) for h in said[:3]), said
    hit = {"kind": "note", "category": "lead_comment", "date": "2025-04-01", "same": 3}
    hit["companies"] = ["見本化成(株)", "株式会社サンプル精工"]
    in_english, in_japanese = HitsModel(lang="en"), HitsModel(lang="ja")
    assert headings(in_english)[:3] == ["Kind", "Customer", "Date"]
    assert [c.text(hit) for c in in_english.columns[:3]] == [
        "Knowledge · Lead comment",  # the categories file's English name
        "見本化成(株) and 1 more",
        "2025/04/01 +2 same",
    ]
    assert JAPANESE.search(headings(in_japanese)[0])
    assert [c.text(hit) for c in in_japanese.columns[1:3]] == [
        "見本化成(株) ほか1社",
        "2025/04/01 同文 他2件",
    ]


def test_the_snooze_and_photo_text_boxes_say_ok_and_cancel_in_the_contexts_language(
    qtbot, app_language
):
    from PySide6.QtWidgets import QInputDialog

    from desktop.app.widgets import speak_input_dialog

    for lang, buttons in (("en", ("OK", "Cancel")), ("ja", ("OK", "キャンセル"))):
        dlg = QInputDialog()
        qtbot.addWidget(dlg)
        speak_input_dialog(dlg, lang)
        dlg.show()
        assert (dlg.okButtonText(), dlg.cancelButtonText()) == buttons
        assert_speaks(dlg, lang)
