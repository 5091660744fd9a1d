"""The import itself, as the app's import process runs it: one file of any kind into the store
through ``importers.ingest.Importer.import_source`` (nothing else).

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
# One Importer per store and settings: built once, not per file (its readers keep the synonyms
# and profiles, re-reading them only when their files change).
_IMPORTERS: dict[tuple, Any] = {}
# Where a long voice memo's transcription progress goes: (file name, seconds heard, seconds in
# all). In the child, a queue the app's listener thread reads (``set_progress_queue``); in the
# in-process fallback, the ImportProcess's own callback. The file is the one being imported.
_PROGRESS_SINK: Any = None
_CURRENT_NAME = ""


def set_progress_sink(sink: Any) -> None:
    global _PROGRESS_SINK
    _PROGRESS_SINK = sink


def set_progress_queue(queue: Any) -> None:
    """The child process's initializer: progress goes to ``queue`` (a spawn-context Queue)."""
    set_progress_sink(queue.put)


def _report(done: float, total: float) -> None:
    """The voice reader's ``progress`` option: a stable function (the importer is cached)."""
    sink = _PROGRESS_SINK
    if sink is not None:
        try:
            sink((_CURRENT_NAME, float(done or 0.0), float(total or 0.0)))
        except Exception:  # progress is a nicety: the transcription goes on without it
            pass


def import_file(
    store: Any,
    path: Path,
    kind: str | None,
    *,
    rep: str | None = None,
    ranks: dict[str, int] | None = None,
    force: bool = False,
    lang: str | None = None,
) -> Any:
    """Import one file of any kind with ``importers.ingest``; the Outcome."""
    global _CURRENT_NAME
    _CURRENT_NAME = Path(path).name
    return importer_for(store, rep=rep, ranks=ranks, lang=lang).import_source(
        Path(path), kind, force=force
    )


def importer_for(store: Any, *, rep=None, ranks=None, lang=None) -> Any:
    from importers.ingest import Importer

    key = (rep, tuple(sorted((ranks or {}).items())), lang)
    cached = _IMPORTERS.get(key)
    if cached is None or cached.store is not store:
        if len(_IMPORTERS) >= 4 or (cached is not None and cached.store is not store):
            _IMPORTERS.clear()  # another store, or settings long changed: done with
        cached = _IMPORTERS[key] = Importer(
            store, rep=rep, ranks=ranks, lang=lang, progress=_report
        )
    return cached


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


def mark_missing_in_child(data_dir: str, path: str) -> bool:
    """Run in the import process: a deleted file's source becomes 'missing' (the app's
    watcher asks; the write is the import process's, like every import's)."""
    from importers.sources import mark_missing

    return mark_missing(child_store(data_dir), Path(path))


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
    """Run in the import process by ``genba --self-test``: load what an import needs (every file
    kind's reader: the frozen build must carry them) and return this process's id."""
    import importlib

    import python_calamine  # noqa: F401

    from importers.kinds import KINDS

    for kind in KINDS.values():
        importlib.import_module(kind.reader.partition(":")[0])
    return os.getpid()
