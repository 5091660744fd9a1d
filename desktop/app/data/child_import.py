"""The import itself, as the app's import process runs it: one file of any kind into the store.

This module is what a spawned import process loads, so it imports only ``importers`` and
``sync`` — never Qt. python-calamine parses a large sheet in Rust without releasing the GIL
(about 0.1 s for 20,000 rows), so parsing in the app's own process would freeze its event loop;
in a child process it cannot. ``import_file`` is also the in-process fallback.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

# The child's own store, opened once per process by ``child_store`` (this global lives in the child only; the
# parent's in-process fallback passes its store to ``import_file`` instead).
_STORE: Any = None


def import_file(
    store: Any,
    path: Path,
    kind: str | None,
    *,
    rep: str | None = None,
    ranks: dict[str, int] | None = None,
    force: bool = False,
    lang: str | None = None,
    watched: bool = False,
) -> Any:
    """Import one file: 'reports' through ReportImporter, 'photos' and 'cards' through their
    importers. ``watched``: as the folder watcher does (a report that came back after it was
    marked missing is read again; a missing card importer raises HandlerUnavailable)."""
    path = Path(path)
    if watched:
        from importers.watch.handlers import card_handler, report_handlers

        if kind == "reports":
            return report_handlers(store, rep=rep, ranks=ranks)[0](path)
        return card_handler(store, kind or "cards")(path)
    if kind == "reports":
        from importers.pipeline import ReportImporter

        return ReportImporter(store, rep=rep, ranks=ranks, lang=lang).import_file(path, force=force)
    if kind == "photos":
        from importers.photos.apply import import_photo_file

        return import_photo_file(store, path, force=force, lang=lang)
    from importers.cards.apply import import_card_file

    return import_card_file(store, path, force=force, lang=lang)


def child_store(data_dir: str) -> Any:
    """The child process's own Store on ``data_dir`` (opened once; the process is niced)."""
    global _STORE
    if _STORE is None or str(_STORE.data_dir) != str(data_dir):
        from sync.store import Store

        if _STORE is not None:
            _STORE.close()
        else:
            _be_nice()
        _STORE = Store(Path(data_dir))
    return _STORE


def import_in_child(data_dir: str, path: str, kind: str | None, **options: Any) -> Any:
    """Run in the import process: the outcome."""
    return import_file(child_store(data_dir), Path(path), kind, **options)


def _be_nice() -> None:
    """A background import gives way to the app's window on a busy (two-core) laptop."""
    try:
        if hasattr(os, "nice"):
            os.nice(10)
        elif os.name == "nt":
            import ctypes

            BELOW_NORMAL_PRIORITY_CLASS = 0x4000
            kernel32 = ctypes.windll.kernel32
            kernel32.SetPriorityClass(kernel32.GetCurrentProcess(), BELOW_NORMAL_PRIORITY_CLASS)
    except Exception:  # a priority is a nicety, never a reason to fail an import
        pass


def ready() -> int:
    """Run in the import process by ``genba --self-test``: load what an import needs (the frozen
    build must carry it) and return this process's id."""
    import python_calamine  # noqa: F401

    return os.getpid()
