"""The app's import process: workbooks, cards and photos are read in a child process.

See ``child_process`` for why. The child opens its own Store on the same ``genba.db`` and imports
one file at a time; the caller — a worker thread (a drop) or the watcher's thread — waits for the
outcome, then the usual signals tell the views to re-read. The mapping wizard reads and
previews its workbook in the same process.

No Qt here: this object is used from worker threads.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.app.data import child_import, workbook_preview
from desktop.app.services.child_process import ChildProcess

# A rep saving a workbook every few minutes keeps the child; a quiet afternoon gives its memory back.
IDLE_SECONDS = 120.0


class ImportProcess(ChildProcess):
    """Runs ``child_import.import_file`` for ``store``'s data directory in a child process."""

    def __init__(self, store: Any, *, use_process: bool = True):
        super().__init__(
            "import",
            use_process=use_process,
            env_off="GENBA_IMPORT_IN_PROCESS",
            idle_seconds=IDLE_SECONDS,
        )
        self.store = store
        self.data_dir = Path(store.data_dir)

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

        return self.call(
            child_import.import_in_child,
            str(self.data_dir),
            str(path),
            kind,
            here=here if run_here is None else (lambda: run_here(here)),
            **options,
        )

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
