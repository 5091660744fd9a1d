"""Unexpected errors: logged, shown in a dialog, never a silent death of the app.

Split as qutebrowser does: the environment failed — told apart by SQLite's own error code
(``sync.store.failures``): the database busy behind an import, the disk full, an I/O error, no
permission, a damaged genba.db — say so in plain words; or a bug (anything else, a SQL mistake
included) — apologise, write a crash report and show the details to copy into a report.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import traceback
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox

from sync.store.failures import classify

log = logging.getLogger("genba.app")

_bridge: _ErrorBridge | None = None
_crash_dir: Path | None = None  # where crash reports go (None: the user log folder)


def is_environment_error(exc: BaseException) -> bool:
    """Errors the user or the machine can fix (not bugs in Genba)."""
    return classify(exc) is not None


def describe(exc: BaseException) -> tuple[str, str]:
    """(title, text) for a person: what happened and what to do (naming the crash report
    ``report_exception`` wrote for a bug)."""
    from importers.messages import msg

    report = getattr(exc, "crash_report", None)
    lang = os.environ.get("GENBA_UI_LANG")
    failure = classify(exc)
    if failure is not None:
        return (
            QCoreApplication.translate("Errors", "Genba could not finish"),
            msg(f"app.failure.{failure}", lang, detail=exc),
        )
    if report is not None:
        text = msg("app.failure.bug", lang, report=report)
    else:
        text = QCoreApplication.translate(
            "Errors",
            "Genba hit an unexpected error and kept running. Your data is safe.\n\n"
            "If it happens again, send the details below to your IT contact.",
        )
    return QCoreApplication.translate("Errors", "Something went wrong"), text


class _ErrorBridge(QObject):
    """Carries errors from any thread to the main thread, where the dialog is shown."""

    raised = Signal(object)

    def __init__(self):
        super().__init__()
        self.raised.connect(self._show, Qt.ConnectionType.QueuedConnection)
        self.dialogs: list[QMessageBox] = []

    @Slot(object)
    def _show(self, exc_info) -> None:
        show_error_dialog(*exc_info, keep=self.dialogs)


def show_error_dialog(exc_type, exc, tb, keep: list | None = None) -> QMessageBox | None:
    if QApplication.instance() is None:
        return None
    title, text = describe(exc)
    box = QMessageBox(QMessageBox.Icon.Warning, title, text)
    box.setDetailedText("".join(traceback.format_exception(exc_type, exc, tb)))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setModal(False)
    box.show()  # not exec(): an error must never block the watcher's events behind it
    if keep is not None:
        keep[:] = [*[b for b in keep if b is not box][-4:], box]
    return box


def report_exception(exc_type, exc, tb) -> None:
    """Log it (a bug also gets a crash report) and show it on the main thread (safe to call
    from any thread)."""
    log.error("unexpected error", exc_info=(exc_type, exc, tb))
    if classify(exc) is None and getattr(exc, "crash_report", None) is None:
        from desktop.logs import write_crash_report

        report = write_crash_report(exc_type, exc, tb, _crash_dir)
        try:
            exc.crash_report = report  # the dialog names it
        except AttributeError:
            pass
    if _bridge is not None:
        _bridge.raised.emit((exc_type, exc, tb))


def install_excepthooks(log_dir: Path | None = None) -> None:
    """sys.excepthook and threading.excepthook -> log + dialog; a log file in ``log_dir``."""
    global _bridge, _crash_dir
    _crash_dir = log_dir
    if log_dir is not None:
        try:
            log_dir.mkdir(parents=True, exist_ok=True)
            handler = logging.FileHandler(log_dir / "genba.log", encoding="utf-8")
            handler.setFormatter(
                logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s")
            )
            logging.getLogger("genba").addHandler(handler)
        except OSError:
            pass  # no log file is no reason not to start
    _bridge = _ErrorBridge()

    def hook(exc_type, exc, tb):
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        report_exception(exc_type, exc, tb)

    def thread_hook(args: threading.ExceptHookArgs):
        if args.exc_type is SystemExit:
            return
        report_exception(args.exc_type, args.exc_value, args.exc_traceback)

    sys.excepthook = hook
    threading.excepthook = thread_hook
