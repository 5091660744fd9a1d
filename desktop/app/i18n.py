"""Japanese by default, English on request: Qt translations from resources/translations."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"
LANGUAGES = ("ja", "en")


def choose_language(data_dir: Path | None) -> str:
    """GENBA_LANG, else the effective ``language`` setting (IT policy and machine file
    included), else Japanese — the same rule the importers use for their messages."""
    from importers.messages import default_language

    lang = default_language(data_dir)
    return lang if lang in LANGUAGES else "ja"


def install(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load Genba's and Qt's own translations (standard buttons, dialogs) for ``language``.

    English is the source language: nothing to load. Returns the translators (keep them alive).
    """
    os.environ["GENBA_UI_LANG"] = language
    QLocale.setDefault(
        QLocale(
            QLocale.Language.Japanese if language == "ja" else QLocale.Language.English,
            QLocale.Country.Japan if language == "ja" else QLocale.Country.UnitedStates,
        )
    )
    if language == "en":
        return []
    loaded = []
    ours = QTranslator(app)
    if ours.load(str(TRANSLATIONS / f"genba_{language}.qm")):
        app.installTranslator(ours)
        loaded.append(ours)
    qt = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt)
        loaded.append(qt)
    return loaded
