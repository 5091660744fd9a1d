"""A rotating log file in the user log folder, and a crash handler that tells the rep where the
report is instead of vanishing."""

from __future__ import annotations

import datetime as dt
import logging
import logging.handlers
import os
import sys
import threading
import traceback
from pathlib import Path


def log_dir() -> Path:
    env = os.environ.get("GENBA_LOG_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_log_dir("Genba", appauthor=False))


def setup_logging(level: str = "INFO", directory: Path | None = None) -> Path | None:
    """Log to genba.log (5 × 2 MB, rotating); returns the file, or None if it cannot be written."""
    directory = directory or log_dir()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            directory / "genba.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(getattr(logging, str(level).upper(), logging.INFO))
    return directory / "genba.log"


def write_crash_report(exc_type, exc, tb, directory: Path | None = None) -> Path | None:
    directory = directory or log_dir()
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    try:
        directory.mkdir(parents=True, exist_ok=True)
        path = directory / f"crash-{stamp}.txt"
        from importlib.metadata import PackageNotFoundError, version

        try:
            ver = version("genba")
        except PackageNotFoundError:
            ver = "unknown"
        path.write_text(
            f"Genba {ver} on Python {sys.version.split()[0]} ({sys.platform})\n{stamp}\n\n"
            + "".join(traceback.format_exception(exc_type, exc, tb)),
            "utf-8",
        )
        return path
    except OSError:
        return None


def install_crash_handler(notify=None, directory: Path | None = None) -> None:
    """Unexpected errors on any thread: log them, write a crash report, tell the rep where it is."""

    def handle(exc_type, exc, tb):
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        logging.getLogger("genba").error("unexpected error", exc_info=(exc_type, exc, tb))
        path = write_crash_report(exc_type, exc, tb, directory)
        message = (
            f"Genba hit an unexpected error: {exc}. A report was written to {path}; "
            "please send it to your IT contact. / 予期しないエラーが発生しました。"
            f"報告ファイル: {path}"
        )
        if notify:
            notify(message)
        else:
            print(message, file=sys.stderr)

    sys.excepthook = handle
    threading.excepthook = lambda args: handle(args.exc_type, args.exc_value, args.exc_traceback)
