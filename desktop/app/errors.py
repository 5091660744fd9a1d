"""Unexpected errors: logged, shown in a dialog, never a silent death of the app.

Split as qutebrowser does: the environment failed (disk full, file locked, database busy) —
say so in plain words; or a bug — apologise and show the details to copy into a report.
"""

from __future__ import annotations

import logging
import threading
import traceback
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import logs
from desktop.app.i18n import app_language, speaking
from desktop.app.widgets import message_box
from sync.store.failures import classify

log = logging.getLogger("genba.app")

_bridge: _ErrorBridge | None = None


def is_environment_error(exc: BaseException) -> bool:
    """Errors the user or the machine can fix (not bugs in Genba), by SQLite's error code or
    the OS's errno (``sync.store.failures``)."""
    return classify(exc) is not None


def describe(exc: BaseException, lang: str | None = None) -> tuple[str, str]:
    """(title, text) for a person: what happened and what to do, in ``lang`` (None: the
    running app's)."""
    from importers.messages import msg

    lang = lang or app_language()
    said = speaking(lang)
    failure = classify(exc)
    if failure is not None:
        return (
            said.translate("Errors", "Genba could not finish"),
            msg(f"app.failure.{failure}", logs.language(lang), detail=exc),
        )
    return (
        said.translate("Errors", "Something went wrong"),
        said.translate(
            "Errors",
            "Genba hit an unexpected error and kept running. Your data is safe.\n\n"
            "If it happens again, send the details below to your IT contact.",
        ),
    )


class _ErrorBridge(QObject):
    """Carries errors from any thread to the main thread, where the dialog is shown."""

    raised = Signal(object)

    def __init__(self, lang: str | None = None):
        super().__init__()
        self.lang = lang
        self.raised.connect(self._show, Qt.ConnectionType.QueuedConnection)
        self.dialogs: list[QMessageBox] = []

    @Slot(object)
    def _show(self, exc_info) -> None:
        try:
            show_error_dialog(*exc_info, self.lang, keep=self.dialogs)
        except Exception:  # raised again here, it would come back to this slot for ever
            log.exception("the error dialog could not be shown")


def show_error_dialog(
    exc_type, exc, tb, report: Path | None = None, lang: str | None = None, keep: list | None = None
) -> QMessageBox | None:
    if QApplication.instance() is None:
        return None
    lang = lang or app_language()
    title, text = describe(exc, lang)
    if report is not None:
        text += "\n\n" + logs.report_line(report, lang)
    details = "".join(traceback.format_exception(exc_type, exc, tb))
    box = message_box(lang, QMessageBox.Icon.Warning, title, text, details=details)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setModal(False)
    box.show()  # not exec(): an error must never block the watcher's events behind it
    if keep is not None:
        keep[:] = [*[b for b in keep if b is not box][-4:], box]
    return box


def report_exception(exc_type, exc, tb, where: str = "") -> Path | None:
    """Log it, write its crash report and show both on the main thread (safe from any thread)."""
    where = where or f"thread {threading.current_thread().name}"
    if is_environment_error(exc):  # the machine's trouble, said plainly; no crash report
        log.warning("%s failed: %s", where, exc, exc_info=(exc_type, exc, tb))
        report = None
    else:
        report = logs.report_crash(exc_type, exc, tb, where=where)
    _show_later(exc_type, exc, tb, report)
    return report


def _show_later(exc_type, exc, tb, report) -> None:
    if _bridge is not None:
        _bridge.raised.emit((exc_type, exc, tb, report))


def install_excepthooks(lang: str | None = None) -> None:
    """Unexpected errors on the main thread and in other threads: logged, a crash report written
    (``desktop.logs``), and a dialog in ``lang`` that says where the report is."""
    global _bridge
    _bridge = _ErrorBridge(lang)
    logs.install_crash_handler(lang, notify=_show_later)
