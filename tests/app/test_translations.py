"""Every text the app shows has its Japanese translation, and the shipped .qm is built from the
current .ts: a new ``self.tr("…")`` without a translation would show English to a Japanese rep."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"


def _tool(name: str) -> str:
    exe = shutil.which(name)
    assert exe, f"{name} is missing: it comes with PySide6 (pip install -e '.[test]')"
    return exe


def test_every_ui_text_is_translated_to_japanese(tmp_path):
    ts = tmp_path / "genba_ja.ts"
    shutil.copy(TRANSLATIONS / "genba_ja.ts", ts)
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "desktop" / "app").rglob("*.py"))
    # lupdate on a copy: what the code asks for today, merged into the committed translations.
    subprocess.run(
        [_tool("pyside6-lupdate"), *sources, "-ts", str(ts)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    missing = []
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type")
            if kind in ("vanished", "obsolete"):
                continue
            text = "".join(translation.itertext()).strip()
            if kind == "unfinished" or not text:
                missing.append(f"{context.findtext('name')}: {message.findtext('source')}")
    assert not missing, (
        "untranslated (run pyside6-lupdate, translate, pyside6-lrelease):\n" + "\n".join(missing)
    )


def test_the_shipped_qm_is_built_from_the_ts(tmp_path):
    qm = tmp_path / "genba_ja.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), str(TRANSLATIONS / "genba_ja.ts"), "-qm", str(qm)],
        check=True,
        capture_output=True,
    )
    assert qm.read_bytes() == (TRANSLATIONS / "genba_ja.qm").read_bytes(), (
        "resources/translations/genba_ja.qm is out of date: run pyside6-lrelease"
    )


def test_english_plurals_are_shipped(tmp_path):
    """English mode says 「1 day」 and 「411 days」, never 「411 day(s)」."""
    from PySide6.QtCore import QTranslator

    ts = ET.parse(TRANSLATIONS / "genba_en.ts").getroot()
    missing = [
        m.findtext("source")
        for m in ts.iter("message")
        if m.get("numerus") == "yes"
        and m.find("translation").get("type") not in ("vanished", "obsolete")
        and not all((f.text or "").strip() for f in m.find("translation").iter("numerusform"))
    ]
    assert not missing, "English plural forms missing in genba_en.ts:\n" + "\n".join(missing)
    qm = tmp_path / "genba_en.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), str(TRANSLATIONS / "genba_en.ts"), "-qm", str(qm)],
        check=True,
        capture_output=True,
    )
    assert qm.read_bytes() == (TRANSLATIONS / "genba_en.qm").read_bytes(), (
        "resources/translations/genba_en.qm is out of date: run pyside6-lrelease"
    )
    tr = QTranslator()
    assert tr.load(str(TRANSLATIONS / "genba_en.qm"))
    assert tr.translate("TodayView", "%n day(s)", "", 411) == "%n days"
    assert tr.translate("TodayView", "%n day(s)", "", 1) == "%n day"


def test_the_english_catalogue_says_nothing_in_japanese():
    """lupdate fills a new English entry with a Japanese translation of the same text from
    elsewhere (「日付」 for Date), and lrelease ships unfinished entries: an English rep read
    日付 on the activity editor. genba_en.ts carries plural forms only."""
    import re

    japanese = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
    ts = ET.parse(TRANSLATIONS / "genba_en.ts").getroot()
    leaks = [
        m.findtext("source")
        for m in ts.iter("message")
        if japanese.search("".join(m.find("translation").itertext()))
        and not japanese.search(m.findtext("source") or "")
    ]
    assert not leaks, "Japanese in genba_en.ts (empty them, then pyside6-lrelease):\n" + "\n".join(
        leaks
    )


def test_qt_file_dialog_speaks_japanese():
    """Qt's own texts (the file dialog's labels) come from qtbase_ja.qm."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QFileDialog, QLabel

    from desktop.app.i18n import qt_translation_folders

    assert qt_translation_folders()
    assert QCoreApplication.translate("QFileDialog", "Look in:") != "Look in:"
    dialog = QFileDialog()
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    texts = {w.text() for w in dialog.findChildren(QLabel)}
    assert "Look in:" not in texts and "File &name:" not in texts
    dialog.deleteLater()
