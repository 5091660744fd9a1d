"""The app's import process: workbooks, cards and photos are read in a child process.

See ``child_process`` for why. The child opens its own Store on the same ``genba.db`` and imports
one file at a time; the caller — a worker thread (a drop) or the watcher's thread — waits for the
outcome, then the usual signals tell the views to re-read. The mapping wizard reads and
previews its workbook in the same process.

No Qt here: this object is used from worker threads.
"""

from __future__ import annotations

import logging
import multiprocessing
import queue
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.app.data import child_import, workbook_preview
from desktop.app.services.child_process import ChildProcess

# A rep saving a workbook every few minutes keeps the child; a quiet afternoon gives its memory back.
IDLE_SECONDS = 120.0

log = logging.getLogger("genba.app")


class ImportProcess(ChildProcess):
    """Runs ``child_import.import_file`` for ``store``'s data directory in a child process."""

    def __init__(self, store: Any, *, use_process: bool = True):
        # A long voice memo's transcription reports its progress through this queue: the child
        # puts (file name, seconds heard, seconds in all), a thread here hands it to on_progress.
        try:
            self._events: Any = multiprocessing.get_context("spawn").Queue()
            child_init: dict[str, Any] = {
                "initializer": child_import.set_progress_queue,
                "initargs": (self._events,),
            }
        except (ImportError, OSError, NotImplementedError) as exc:
            # no process-shared queue here (no semaphores): the child cannot be started either
            log.warning("no progress queue for the import process (%s)", exc)
            self._events, child_init = queue.SimpleQueue(), {}
        super().__init__(
            "import",
            use_process=use_process,
            env_off="GENBA_IMPORT_IN_PROCESS",
            idle_seconds=IDLE_SECONDS,
            **child_init,
        )
        self.store = store
        self.data_dir = Path(store.data_dir)
        # on_progress(name, seconds heard, seconds in all): set by the app (its status bar)
        self.on_progress: Callable[[str, float, float], None] | None = None
        child_import.set_progress_sink(self._events.put)  # the in-process fallback, too
        self._listener = threading.Thread(target=self._listen, name="import-progress", daemon=True)
        self._listener.start()

    def _listen(self) -> None:
        while True:
            try:
                event = self._events.get(timeout=1.0)
            except queue.Empty:
                if self.closed:
                    return
                continue
            except (EOFError, OSError, ValueError):  # the queue was closed on quit
                return
            if event is None:
                return
            callback = self.on_progress
            if callback is not None:
                try:
                    callback(*event)
                except Exception:  # a progress display must never stop the imports
                    log.debug("import progress callback failed", exc_info=True)

    def shutdown(self, wait: bool = True) -> None:
        super().shutdown(wait=wait)
        self._events.put(None)  # the listener ends

    def import_file(
        self,
        path: Path,
        kind: str | None,
        *,
        run_here: Callable[[Callable[[], Any]], Any] | None = None,
        **options: Any,
    ) -> Any:
        """Import one file (see ``child_import.import_file`` for ``options``); the outcome.

        ``run_here(fn)``: where the in-process fallback runs when no child can be started (a
        drop passes the writer thread, so that this process keeps one writer); else here."""

        def here():
            return child_import.import_file(self.store, Path(path), kind, **options)

        try:
            return self.call(
                child_import.import_in_child,
                str(self.data_dir),
                str(path),
                kind,
                here=here if run_here is None else (lambda: run_here(here)),
                **options,
            )
        finally:
            # the file is done, whatever happened: a transcription cut short stops showing
            self._events.put((Path(path).name, -1.0, -1.0))

    def load_grid(self, path: Path, lang: str | None = None) -> dict:
        """The mapping wizard's view of a workbook: its sheets' first rows."""
        return self.call(
            workbook_preview.load_grid,
            str(path),
            lang,
            here=lambda: workbook_preview.load_grid(str(path), lang),
        )

    def preview(self, path: Path, profile: Any, rep: str | None, lang: str | None = None) -> dict:
        """The rows ``profile`` would import from ``path`` (the mapping wizard's live preview)."""
        return self.call(
            workbook_preview.preview,
            str(path),
            profile,
            rep,
            lang,
            here=lambda: workbook_preview.preview(str(path), profile, rep, lang),
        )
