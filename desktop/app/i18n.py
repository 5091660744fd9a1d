"""Japanese by default, English on request: Qt translations from resources/translations."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"
LANGUAGES = ("ja", "en")
LANGUAGE_PROPERTY = "genbaLanguage"


def choose_language(data_dir: Path | None) -> str:
    """GENBA_LANG, else the effective ``language`` setting (IT policy and machine file
    included), else Japanese — the same rule the importers use for their messages."""
    from importers.messages import default_language

    lang = default_language(data_dir)
    return lang if lang in LANGUAGES else "ja"


def install(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load Genba's and Qt's own translations (standard buttons, dialogs) for ``language``.

    English is the source language: only its plural forms are loaded (「1 day」, 「411 days」,
    not 「411 day(s)」). Returns the translators (keep them alive).
    """
    # Kept on the application (not in the environment): what its own translators speak, for
    # code that is given no language (table columns built without the app's context).
    app.setProperty(LANGUAGE_PROPERTY, language)
    QLocale.setDefault(
        QLocale(
            QLocale.Language.Japanese if language == "ja" else QLocale.Language.English,
            QLocale.Country.Japan if language == "ja" else QLocale.Country.UnitedStates,
        )
    )
    loaded = []
    ours = QTranslator(app)
    if ours.load(str(TRANSLATIONS / f"genba_{language}.qm")):
        app.installTranslator(ours)
        loaded.append(ours)
    if language == "en":
        return loaded
    qt = QTranslator(app)
    if any(qt.load(f"qtbase_{language}", folder) for folder in qt_translation_folders()):
        app.installTranslator(qt)
        loaded.append(qt)
    return loaded


def qt_translation_folders() -> list[str]:
    """Where Qt's own translations (qtbase_ja.qm: the file dialog's 「ファイル名」, buttons) are:
    Qt's configured folder, else the PySide6 package's (a frozen build may not configure one)."""
    import PySide6

    folders = [QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)]
    folders.append(str(Path(PySide6.__file__).resolve().parent / "Qt" / "translations"))
    return [f for f in folders if f and Path(f).is_dir()]


def app_language() -> str:
    """The language the running QApplication's translators speak ('ja' without one)."""
    app = QCoreApplication.instance()
    lang = app.property(LANGUAGE_PROPERTY) if app is not None else None
    return lang if lang in LANGUAGES else "ja"


# One translator per language, apart from the application's: a page shows its AppContext's
# language whatever the QApplication's translators speak (two contexts, two languages).
_translators: dict[str, QTranslator | None] = {}
_qt_translators: dict[str, QTranslator | None] = {}


def translate(lang: str | None, context: str, source: str, disambiguation=None, n: int = -1) -> str:
    """``source`` (of lupdate's ``context``) in ``lang``, %n filled in as Qt's tr() does.
    ``lang`` None: the running application's language (code given none)."""
    if lang is None:
        lang = app_language()
    if lang not in _translators:
        t = QTranslator()
        _translators[lang] = t if t.load(str(TRANSLATIONS / f"genba_{lang}.qm")) else None
    translator = _translators[lang]
    text = (
        translator.translate(context, source, disambiguation, n) if translator else ""
    ) or source
    return text.replace("%n", str(n)) if n >= 0 else text


def qt_translate(lang: str | None, context: str, source: str) -> str:
    """One of Qt's own texts (a standard button's Cancel, a wizard's Next >) in ``lang``, from
    qtbase_<lang>.qm; Qt puts these in the application's language otherwise."""
    if lang is None:
        lang = app_language()
    if lang == "en":  # Qt's source language
        return source
    if lang not in _qt_translators:
        t = QTranslator()
        found = any(t.load(f"qtbase_{lang}", folder) for folder in qt_translation_folders())
        _qt_translators[lang] = t if found else None
    translator = _qt_translators[lang]
    return (translator.translate(context, source) if translator else "") or source


class Speaking:
    """``translate(context, source)`` in one language, for module-level code given a language
    rather than a widget: lupdate reads ``speaking(lang).translate("Context", "text")`` as it
    reads QCoreApplication.translate, so the catalogues keep the same contexts."""

    def __init__(self, lang: str | None):
        self.lang = lang

    def translate(self, context: str, source: str, disambiguation=None, n: int = -1) -> str:
        return translate(self.lang, context, source, disambiguation, n)


def speaking(lang: str | None) -> Speaking:
    return Speaking(lang)


class InContextLanguage:
    """For a page, dialog or widget (before its Qt base): ``self.tr`` speaks ``self.lang`` (a
    widget given a language) or else ``self.ctx.language`` — set either before the first tr().
    lupdate reads the calls as it always does (context: the class's name)."""

    def tr(self, source: str, disambiguation=None, n: int = -1) -> str:
        own = self.__dict__  # not getattr: before __init__ has set them, and no Qt property
        lang = own.get("lang") or getattr(own.get("ctx"), "language", None)
        if lang is None:
            return super().tr(source, disambiguation, n)
        return translate(lang, type(self).__name__, source, disambiguation, n)
