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
