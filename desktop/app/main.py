"""`genba` with no command: the desktop app. ``run_app(data_dir, self_test)`` is the entry point."""

from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path

log = logging.getLogger("genba.app")


def _needs_offscreen() -> bool:
    return sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )


def create_qapp(data_dir: Path | None):
    """The QApplication with Genba's language, font and stylesheet (reused when one exists)."""
    from PySide6.QtWidgets import QApplication

    from desktop.app import i18n, style

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "genba"])
    app.setApplicationName("Genba")
    app.setOrganizationName("Genba")
    app.setApplicationDisplayName("Genba")
    app._genba_translators = i18n.install(app, i18n.choose_language(data_dir))
    style.apply(app)
    return app


def run_app(data_dir: Path, self_test: bool = False) -> int:
    """Start the app on ``data_dir``; with ``self_test`` open every view, print timings and
    return 0 (1 on any error)."""
    t0 = time.perf_counter()
    if _needs_offscreen():
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    data_dir = Path(data_dir)
    try:
        app = create_qapp(data_dir)
        from desktop.app.application import GenbaApp
        from sync.store import StoreError

        try:
            genba = GenbaApp(data_dir, tray=not self_test)
        except (StoreError, ValueError, OSError) as exc:
            from desktop.app.i18n import choose_language
            from resources.messages import in_language

            lang = choose_language(data_dir)
            said = in_language(
                exc.args[0] if isinstance(exc, StoreError) and exc.args else exc, lang
            )
            print(f"error: {said}", file=sys.stderr)
            if not self_test:
                from PySide6.QtWidgets import QMessageBox

                from desktop.app.widgets import message_box

                message_box(lang, QMessageBox.Icon.Critical, "Genba", said).exec()
            return 1
        if self_test:
            from desktop.app.selftest import run_self_test

            try:
                return run_self_test(genba, t0)
            finally:
                genba.dispose()
        from desktop.app.errors import install_excepthooks

        install_excepthooks(genba.ctx.language)  # the UI's; the log was set up by desktop.launch
        app.setQuitOnLastWindowClosed(genba.tray is None)
        genba.start()
        try:
            return app.exec()
        finally:
            genba.dispose()
    except Exception as exc:  # the self-test's contract: any error is exit status 1
        if not self_test:
            raise
        import traceback

        traceback.print_exc()
        print(f"self-test FAILED: {exc}", file=sys.stderr)
        return 1
