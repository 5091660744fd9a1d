"""`genba watch`: watch the report, card and photo folders until Ctrl+C, printing each import."""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from desktop.commands.importing import describe
from importers.pipeline import FileOutcome
from importers.watch import Watcher, WatchEvent, default_handlers

USAGE = (
    "No folders to watch. Name them on the command line "
    "(genba watch --reports DIR [--cards DIR] [--photos DIR]) "
    "or add them once: genba folders add --reports DIR"
)
STOP_TIMEOUT = 4.0  # seconds for the import in progress to finish after Ctrl+C


def run_watch(
    store,
    settings,
    data_dir,
    reports: Iterable[str] | None,
    cards: Iterable[str] | None,
    photos: Iterable[str] | None,
    polling: bool,
    out=print,
    stop_event: threading.Event | None = None,
    *,
    after_import: Iterable[Callable[[WatchEvent], None]] = (),
) -> int:
    """Watch until SIGINT/SIGTERM (or ``stop_event``); 0 on a clean stop, 2 without folders.

    Folders come from the arguments, else from the settings. ``after_import`` callbacks run in
    the watcher's worker thread after each import that changed something — the place for
    background sync to hook in (keep them quick: wake a sync thread, don't sync inline)."""
    folders = {
        "reports": list(reports or []),
        "cards": list(cards or []),
        "photos": list(photos or []),
    }
    if not any(folders.values()):
        folders = {
            "reports": list(settings.report_folders),
            "cards": list(settings.card_folders),
            "photos": list(settings.photo_folders),
        }
    if not any(folders.values()):
        out(USAGE)
        return 2
    say = _line_writer(out)
    handlers, on_missing = default_handlers(
        store, rep=settings.user_name, ranks=settings.ranks or None
    )

    def on_event(event: WatchEvent) -> None:
        line = format_event(event)
        if line is not None:
            say(line)

    watcher = Watcher(
        {k: v for k, v in folders.items() if v},
        handlers=handlers,
        on_missing=on_missing,
        store=store,
        on_event=on_event,
        after_import=list(after_import),
        force_polling=bool(polling or settings.force_polling),
        exclude=[Path(data_dir)],
    )
    stop = stop_event or threading.Event()
    restore = _on_signals(stop)
    try:
        watcher.start()
        say(f"Watching {len(watcher.folders)} folder(s). Press Ctrl+C to stop.")
        while not stop.wait(0.5):  # a timed wait lets signals in on every platform
            pass
    finally:
        say("Stopping…")
        clean = watcher.stop(timeout=STOP_TIMEOUT)
        restore()
    say("Stopped." if clean else "Stopped (a slow import was left to finish in the background).")
    return 0


def format_event(e: WatchEvent) -> str | None:
    """One line for the console, or None for what is not worth a line (unchanged files)."""
    name = e.path.name if e.path is not None else ""
    o = e.outcome
    if e.kind in ("imported", "failed", "unchanged") and isinstance(o, FileOutcome):
        return None if o.status == "unchanged" else describe(o)
    if e.kind == "imported":
        added = getattr(o, "added", None)
        counts = (
            f"+{added} ~{getattr(o, 'updated', 0)} -{getattr(o, 'deleted', 0)}"
            if isinstance(added, int)
            else "imported"
        )
        return f"✓ {name}: {counts}"
    if e.kind == "failed":
        issues = getattr(o, "issues", None) or []
        message = getattr(issues[0], "message", str(issues[0])) if issues else "not imported"
        return f"✗ {name}: {message}"
    if e.kind == "unchanged":
        return None
    if e.kind == "error":
        return f"✗ {name}: {e.message}"
    if e.kind == "missing":
        return f"- {name}: deleted; its activities are kept (source marked missing)"
    if e.kind == "watching":
        return f"· watching {e.folder_kind} folder {e.path} ({e.message})"
    if e.kind in ("folder_missing", "restarted", "folder_back"):
        mark = "·" if e.kind == "folder_back" else "!"
        return f"{mark} {e.folder_kind} folder {e.path}: {e.message}"
    if e.kind == "folder_failed":
        return f"✗ {e.folder_kind} folder {e.path}: {e.message}"
    if e.kind == "unavailable":
        return f"! {e.message}"
    if e.kind == "hook_error":
        return f"✗ after importing {name}: {e.message}"
    return f"{e.kind} {e.path or ''} {e.message}".strip()


def _line_writer(out) -> Callable[[str], None]:
    lock = threading.Lock()

    def write(line: str) -> None:
        with lock:  # lines come from the worker and supervisor threads
            if out is print:
                print(line, flush=True)  # a log file or pipe sees each line as it happens
            else:
                out(line)

    return write


def _on_signals(stop: threading.Event) -> Callable[[], None]:
    """SIGINT/SIGTERM set ``stop``; returns a function that puts the old handlers back."""
    if threading.current_thread() is not threading.main_thread():
        return lambda: None
    previous = {}
    for name in ("SIGINT", "SIGTERM", "SIGBREAK"):
        sig = getattr(signal, name, None)
        if sig is None:
            continue
        try:
            previous[sig] = signal.signal(sig, lambda _signo, _frame: stop.set())
        except (OSError, ValueError):
            continue

    def restore() -> None:
        for sig, handler in previous.items():
            signal.signal(sig, handler)

    return restore


def _main(argv: list[str] | None = None) -> int:
    """`python -m desktop.commands.watching --data-dir D --reports DIR`: the watch command without
    the full CLI (used by the tests' SIGINT check)."""
    import argparse

    from importers.config import Settings, default_data_dir
    from sync.store import Store

    p = argparse.ArgumentParser(prog="python -m desktop.commands.watching")
    p.add_argument("--data-dir", type=Path, default=None)
    for kind in ("reports", "cards", "photos"):
        p.add_argument(f"--{kind}", nargs="+", action="extend", metavar="DIR", default=[])
    p.add_argument("--polling", action="store_true")
    args = p.parse_args(argv)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="replace")
        except (AttributeError, ValueError):
            pass
    data_dir = args.data_dir or default_data_dir()
    with Store(data_dir) as store:
        settings = Settings.load(data_dir)
        return run_watch(
            store, settings, data_dir, args.reports, args.cards, args.photos, args.polling
        )


if __name__ == "__main__":
    sys.exit(_main())
