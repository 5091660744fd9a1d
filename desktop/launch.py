"""`genba` with no command: the desktop app, started with its log and crash reports in place.

PySide6 is the ``[app]`` extra, not a default dependency: IT's server image and the headless
commands (`genba import`, `watch`, `sync`) install without Qt. Without it `genba` says in one
line, in the rep's language, what to install, and exits with status 2 (a usage error).
"""

from __future__ import annotations

import importlib.util
import logging
import sys
from pathlib import Path

from desktop import logs
from resources.messages import msg

log = logging.getLogger("genba.app")

EXIT_NOT_INSTALLED = 2


def app_installed() -> bool:
    """PySide6 is importable (found without importing it: that takes a while)."""
    try:
        return importlib.util.find_spec("PySide6") is not None
    except (ImportError, ValueError):
        return False


def launch_app(data_dir: Path, self_test: bool = False) -> int:
    """Run the app on ``data_dir`` (``self_test``: IT's check); its exit status."""
    lang = _language(data_dir)
    if not app_installed():
        print(msg("app.not_installed", lang), file=sys.stderr)
        return EXIT_NOT_INSTALLED
    log_file = logs.setup_logging(_log_level(data_dir))
    # Until the app has its window, an unexpected error is a line on stderr and a crash report.
    logs.install_crash_handler(lang)
    log.info("Genba %s: the app starts on %s (log %s)", logs.version(), data_dir, log_file)
    try:
        from desktop.app.main import run_app
    except ImportError as exc:  # PySide6 there but broken (a missing system library)
        log.exception("the desktop app cannot start")
        print(
            msg("app.cannot_start", lang, error=exc, log=log_file or logs.log_dir()),
            file=sys.stderr,
        )
        return 1
    status = run_app(data_dir, self_test=self_test)
    log.info("the app ends (status %s)", status)
    return status


def _language(data_dir: Path) -> str:
    from importers.messages import default_language

    return default_language(data_dir)


def _log_level(data_dir: Path) -> str:
    """The ``log_level`` setting; INFO when the settings cannot be read (the app says why)."""
    from importers.managed_settings import ManagedConfig

    try:
        return ManagedConfig(data_dir).settings().log_level or "INFO"
    except Exception:
        return "INFO"
