"""Genba's log file and crash reports, for the CLI, the app and its child processes alike.

One folder, ``log_dir()``: ``$GENBA_LOG_DIR`` (tests, or IT moving it), else platformdirs' user log
folder (``%LOCALAPPDATA%\\Genba\\Logs`` on Windows). In it ``genba.log`` rotates at 2 MB and keeps
four older files (``genba.log.1`` … ``.4``: 5 × 2 MB at most), and every unexpected error writes a
``crash-YYYYMMDD-HHMMSS.txt`` with its traceback; the rep is told the path. Child processes write
crash reports only: one process owns the rotating file (rotation renames it, which Windows refuses
while another process holds it open).
"""

from __future__ import annotations

import datetime as dt
import logging
import logging.handlers
import os
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path

from resources.messages import msg

LOG_NAME = "genba.log"
MAX_BYTES = 2 * 1024 * 1024
BACKUP_COUNT = 4  # genba.log + 4 older files = 5 × 2 MB

log = logging.getLogger("genba")


def log_dir() -> Path:
    """``$GENBA_LOG_DIR``, else the user log folder."""
    env = os.environ.get("GENBA_LOG_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_log_dir("Genba", appauthor=False))


class _GenbaLogFile(logging.handlers.RotatingFileHandler):
    """Marks the handler ``setup_logging`` owns, so a second call replaces it."""


def setup_logging(level: str = "INFO", directory: Path | None = None) -> Path | None:
    """Log to genba.log (rotating, 5 × 2 MB) at ``level``; the file, or None if it cannot be
    written (no log file is no reason not to start)."""
    directory = Path(directory) if directory else log_dir()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        handler = _GenbaLogFile(
            directory / LOG_NAME, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s")
    )
    root = logging.getLogger()
    for old in [h for h in root.handlers if isinstance(h, _GenbaLogFile)]:
        root.removeHandler(old)
        old.close()
    root.addHandler(handler)
    root.setLevel(getattr(logging, str(level).upper(), None) or logging.INFO)
    # One line per HTTP request would push a day of Genba's own lines out of 10 MB.
    for noisy in ("httpx", "httpcore"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, root.level))
    return directory / LOG_NAME


def write_crash_report(
    exc_type, exc, tb, directory: Path | None = None, where: str = ""
) -> Path | None:
    """``crash-YYYYMMDD-HHMMSS.txt`` (``-2``, ``-3`` … within one second) with the traceback and
    where it happened; its path, or None if it cannot be written."""
    directory = Path(directory) if directory else log_dir()
    now = dt.datetime.now()
    stamp = now.strftime("%Y%m%d-%H%M%S")
    where = where or f"thread {threading.current_thread().name}"
    text = (
        f"Genba {version()} on Python {sys.version.split()[0]} ({sys.platform})\n"
        f"{now.isoformat(timespec='seconds')}, process {os.getpid()}, {where}\n\n"
        + "".join(traceback.format_exception(exc_type, exc, tb))
    )
    try:
        directory.mkdir(parents=True, exist_ok=True)
        for n in range(1, 1000):
            path = directory / (f"crash-{stamp}.txt" if n == 1 else f"crash-{stamp}-{n}.txt")
            try:
                with open(path, "x", encoding="utf-8") as f:
                    f.write(text)
                return path
            except FileExistsError:
                continue
    except OSError:
        pass
    return None


def report_crash(exc_type, exc, tb, where: str = "") -> Path | None:
    """Log an unexpected error and write its crash report; the report's path. An error a child
    process sent back already has its report (``exc.crash_report``): none is added."""
    path = getattr(exc, "crash_report", None)
    if path is None:
        path = write_crash_report(exc_type, exc, tb, where=where)
    log.error("unexpected error (crash report: %s)", path, exc_info=(exc_type, exc, tb))
    return Path(path) if path else None


def language(lang: str | None = None) -> str:
    """``lang`` ('ja' | 'en', as chosen at start-up and passed down), else Japanese."""
    if lang and lang.strip().lower()[:2] in ("ja", "en"):
        return lang.strip().lower()[:2]
    return "ja"


def crash_message(
    exc: BaseException, path: Path | None, lang: str | None = None, where: str | None = None
) -> str:
    """One line for the rep: what happened (``where``: 'import' or 'sync' for a child process)
    and where the report is."""
    lang = language(lang)
    error = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    place = msg(f"crash.where.{where}", lang) if where in ("import", "sync") else ""
    if path is None:
        return msg("crash.no_report", lang, where=place, error=error)
    return msg("crash", lang, where=place, error=error, path=path)


def report_line(path: Path | None, lang: str | None = None) -> str:
    """'報告ファイル: PATH' (or 'Report: PATH'), for the app's error dialog."""
    lang = language(lang)
    return msg("crash.report_line", lang, path=path or msg("crash.report_line.none", lang))


def install_crash_handler(
    lang: str | None = None,
    notify: Callable[[type, BaseException, object, Path | None], None] | None = None,
) -> None:
    """Unexpected errors on the main thread (``sys.excepthook``) and in other threads
    (``threading.excepthook``): logged, a crash report written, and ``notify(exc_type, exc, tb,
    path)`` called — by default one line on stderr in the rep's language."""

    def tell(exc_type, exc, tb, path):
        print(crash_message(exc, path, lang), file=sys.stderr, flush=True)

    notify = notify or tell

    def on_main(exc_type, exc, tb):
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        notify(exc_type, exc, tb, report_crash(exc_type, exc, tb, where="main thread"))

    def on_thread(args: threading.ExceptHookArgs):
        if args.exc_type is SystemExit:
            return
        name = args.thread.name if args.thread is not None else "?"
        path = report_crash(args.exc_type, args.exc_value, args.exc_traceback, f"thread {name}")
        notify(args.exc_type, args.exc_value, args.exc_traceback, path)

    sys.excepthook = on_main
    threading.excepthook = on_thread


def version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("genba")
    except PackageNotFoundError:
        return "unknown"
