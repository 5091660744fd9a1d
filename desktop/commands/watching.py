"""`genba watch`: watch the report, card and photo folders until Ctrl+C, printing each import."""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from desktop.commands.importing import describe
from importers.ingest import Importer
from importers.messages import cli_language, msg
from importers.watch import FOLDER_KINDS, Watcher, WatchEvent

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
    mail: Iterable[str] | None = None,
    voice: Iterable[str] | None = None,
) -> int:
    """Watch until SIGINT/SIGTERM (or ``stop_event``); 0 on a clean stop, 2 without folders.

    Folders come from the arguments, else from the settings. ``after_import`` callbacks run in
    the watcher's worker thread after each import that changed something — the place for
    background sync to hook in (keep them quick: wake a sync thread, don't sync inline)."""
    folders = {
        "reports": list(reports or []),
        "cards": list(cards or []),
        "photos": list(photos or []),
        "mail": list(mail or []),
        "voice": list(voice or []),
    }
    if not any(folders.values()):
        folders = {
            "reports": list(settings.report_folders),
            "cards": list(settings.card_folders),
            "photos": list(settings.photo_folders),
            "mail": list(settings.mail_folders),
            "voice": list(settings.voice_folders),
        }
    lang = cli_language(settings)
    if not any(folders.values()):
        out(msg("cli.watch.usage", lang))
        return 2
    say = _line_writer(out)
    importer = Importer(store, rep=settings.user_name, ranks=settings.ranks or None, lang=lang)

    def on_event(event: WatchEvent) -> None:
        line = format_event(event, lang)
        if line is not None:
            say(line)

    watcher = Watcher(
        {k: v for k, v in folders.items() if v},
        importer=importer.import_source,
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
        say(msg("cli.watch.started", lang, count=len(watcher.folders)))
        while not stop.wait(0.5):  # a timed wait lets signals in on every platform
            pass
    finally:
        say(msg("cli.watch.stopping", lang))
        clean = watcher.stop(timeout=STOP_TIMEOUT)
        restore()
    say(msg("cli.watch.stopped" if clean else "cli.watch.stopped.slow", lang))
    return 0


def format_event(e: WatchEvent, lang: str | None = None) -> str | None:
    """One line for the console in ``lang``, or None for what is not worth a line (unchanged)."""
    name = e.path.name if e.path is not None else ""
    if e.kind in ("imported", "failed") and e.outcome is not None:
        return describe(e.outcome, lang)
    if e.kind == "unchanged":
        return None
    kind = msg(f"cli.watch.kind.{e.folder_kind}", lang) if e.folder_kind else ""
    if e.kind == "error":
        return msg("cli.watch.error", lang, name=name, detail=e.message)
    if e.kind == "missing":
        return msg("cli.watch.missing", lang, name=name)
    if e.kind == "watching":
        how = how_watched(e.message, lang)
        return msg("cli.watch.watching", lang, kind=kind, path=e.path, how=how)
    if e.kind in ("folder_missing", "folder_back", "restarted"):
        return msg(f"cli.watch.{e.kind}", lang, kind=kind, path=e.path)
    if e.kind == "folder_failed":
        return msg("cli.watch.folder_failed", lang, kind=kind, path=e.path, detail=e.message)
    if e.kind == "hook_error":
        return msg("cli.watch.hook_error", lang, name=name, detail=e.message)
    return f"{e.kind} {e.path or ''} {e.message}".strip()


def how_watched(reason: str, lang: str | None) -> str:
    """How a folder is watched, in the rep's words (``importers.watch.observer`` says it in
    English for the log: native events, or why the folder is polled)."""
    if reason == "native events":
        return msg("cli.watch.native", lang)
    known = {
        "polling forced by the settings": "forced",
        "network share": "network_share",
        "OneDrive folder": "onedrive",
        "network drive": "network_drive",
    }
    if reason in known:
        return msg(f"cli.watch.polling.{known[reason]}", lang)
    if reason.endswith(" mount"):
        return msg("cli.watch.polling.mount", lang, fstype=reason.removesuffix(" mount"))
    return msg("cli.watch.polling.other", lang, reason=reason)


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

    from importers.settings import Settings, default_data_dir
    from sync.store import Store

    p = argparse.ArgumentParser(prog="python -m desktop.commands.watching")
    p.add_argument("--data-dir", type=Path, default=None)
    for kind in FOLDER_KINDS:
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
