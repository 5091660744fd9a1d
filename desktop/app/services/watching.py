"""The folder watcher inside the app: its threads import; its events arrive as a signal."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from desktop.app.services.on_writer import on_writer


class WatchService(QObject):
    """Starts and stops ``importers.watch.Watcher`` for the folders in the settings.

    ``event`` carries each WatchEvent; it is emitted from the watcher's threads and, because
    this object lives on the main thread, delivered there (a queued connection)."""

    event = Signal(object)
    state_changed = Signal(str)  # 'off' | 'starting' | 'watching'

    def __init__(self, ctx, *, after_import: Callable | None = None, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.after_import = after_import
        self.watcher = None
        self.state = "off"

    def folders(self) -> dict[str, list[str]]:
        s = self.ctx.settings
        return {
            k: list(v)
            for k, v in (
                ("reports", s.report_folders),
                ("cards", s.card_folders),
                ("photos", s.photo_folders),
                ("mail", s.mail_folders),
                ("voice", s.voice_folders),
            )
            if v
        }

    def start(self) -> None:
        folders = self.folders()
        if not folders:
            self._set_state("off")
            return
        from importers.watch import Watcher

        ctx = self.ctx
        rep, ranks = ctx.settings.user_name, ctx.settings.ranks or None
        hooks = [self.after_import] if self.after_import else []
        # Reading a file, and marking a deleted one missing, happen in the app's import process:
        # parsing never holds the GUI process's GIL, and the GUI process's only writer is its
        # writer thread (also where the import runs when no import process can be started).
        self.watcher = Watcher(
            folders,
            importer=_in_import_process(ctx.imports, rep, ranks, ctx.tasks),
            on_missing=_missing_in_import_process(ctx.imports, ctx.tasks),
            store=ctx.store,
            on_event=self.event.emit,
            after_import=hooks,
            force_polling=ctx.settings.force_polling,
            exclude=[Path(ctx.data_dir)],
        )
        self._set_state("starting")
        watcher = self.watcher
        # Starting observers can take a moment on a network folder: not on the main thread.
        ctx.tasks.run(watcher.start, lambda _r: self._set_state("watching"))

    def stop(self, timeout: float = 4.0) -> None:
        if self.watcher is not None:
            self.watcher.stop(timeout=timeout)
            self.watcher = None
        self._set_state("off")

    def restart(self) -> None:
        old, self.watcher = self.watcher, None
        if old is not None:
            # Stopping waits for the import in progress: in the background, then start anew.
            self.ctx.tasks.run(lambda: old.stop(timeout=4.0), lambda _r: self.start())
        else:
            self.start()

    def rescan(self) -> None:
        if self.watcher is not None:
            self.watcher.rescan()

    def _set_state(self, state: str) -> None:
        self.state = state
        self.state_changed.emit(state)


def _in_import_process(imports, rep: str | None, ranks, tasks) -> Callable[[Path, str], object]:
    """The watcher's importer (called on the watcher's thread): the import process imports;
    without one, the app's writer thread does (never the watcher's thread itself)."""
    here = on_writer(tasks, "a watched file is imported")

    def handle(path: Path, kind: str):
        return imports.import_file(path, kind, rep=rep, ranks=ranks, run_here=here)

    return handle


def _missing_in_import_process(imports, tasks) -> Callable[[Path], bool]:
    here = on_writer(tasks, "a deleted file is marked missing")

    def mark(path: Path) -> bool:
        from desktop.app.data import child_import
        from importers.sources import mark_missing

        return imports.call(
            child_import.mark_missing_in_child,
            str(imports.data_dir),
            str(path),
            here=lambda: here(lambda: mark_missing(imports.store, path)),
        )

    return mark
