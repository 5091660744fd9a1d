"""What every view is given: the store, the settings, the task manager and the event bus."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop.app.data.changes import BOOKKEEPING, Changes, RecordingStore, recording
from desktop.app.services.import_process import ImportProcess
from desktop.app.tasks import TaskManager
from importers.managed_settings import ManagedConfig
from importers.settings import Settings
from sync.store import Store


class Bus(QObject):
    """Main-thread notifications between the parts of the app (never emitted off-thread)."""

    # An import, an edit, a merge, a pull: a desktop.app.data.changes.Changes saying which rows
    # (views skip what they do not show and re-read only touched rows when they are few).
    data_changed = Signal(object)
    settings_changed = Signal()
    watch_event = Signal(object)  # importers.watch.WatchEvent
    sync_status = Signal(
        object
    )  # BackgroundSync's status dict (object: its messages keep their keys)
    import_progress = Signal(int, int, str)  # done, total, file name
    # percent of a voice memo transcribed (-1: its import ended), file name
    transcribe_progress = Signal(int, str)


@dataclass
class AppContext:
    data_dir: Path
    store: Store
    settings: Settings
    tasks: TaskManager
    bus: Bus = field(default_factory=Bus)
    # Where each setting comes from: IT's policy and machine values are locked in the app.
    config: ManagedConfig | None = None
    # The child process that reads workbooks, cards and photos (started on the first import).
    imports: ImportProcess | None = None
    # The rep's language ('ja' or 'en'): stored problems and sync messages are written in it when
    # shown. None: GENBA_LANG, else the settings' ``language``, else Japanese (i18n's rule).
    language: str | None = None

    def __post_init__(self) -> None:
        if self.language is None:
            from importers.messages import cli_language

            self.language = cli_language(self.settings)
        if getattr(self.tasks, "lang", "") is None:  # its first context's (one per app)
            self.tasks.lang = self.language
        self._read_generations: dict[int, int] = {}  # see read(latest=...)
        if self.imports is None:
            self.imports = ImportProcess(self.store)
        self.imports.lang = self.language  # a crash in it is said in the rep's language
        # From the import process's listener thread: the signal reaches the window queued.
        self.imports.on_progress = self._transcribed

    def _transcribed(self, name: str, done: float, total: float) -> None:
        if done < 0:  # the file's import ended (see ImportProcess.import_file)
            percent = -1
        else:
            percent = 100 if total <= 0 else max(0, min(100, round(100 * done / total)))
        self.bus.transcribe_progress.emit(percent, name)

    def locked(self, key: str) -> str | None:
        """Where a locked setting is set (registry key or file), or None if the rep may change it."""
        entry = self.config.entries.get(key) if self.config else None
        return entry.where if entry and entry.locked else None

    def connect(self) -> sqlite3.Connection:
        """A new read connection (its own; for one thread)."""
        return self.store.reader()

    def read(
        self,
        fn: Callable[[sqlite3.Connection], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
        *,
        latest: object | None = None,
    ) -> None:
        """Run ``fn(conn)`` on a reader connection in the background; ``on_done`` on the main
        thread. ``latest``: a key (usually the view) whose reads replace each other — reads run
        on a pool and may finish out of order, so only the last one asked for is delivered (a
        rep who opens customer A, then B, must not end up looking at A)."""
        connect = self.connect
        if latest is not None:
            key = id(latest)
            generation = self._read_generations[key] = self._read_generations.get(key, 0) + 1
            deliver = on_done

            def on_done(result):
                if self._read_generations.get(key) == generation:
                    deliver(result)

        def work():
            conn = connect()
            try:
                return fn(conn)
            finally:
                conn.close()

        self.tasks.run(work, on_done, on_error)

    def write(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        *,
        changes_data: bool = True,
        origin: Any = None,
    ) -> None:
        """Run a write on the writer thread; when it succeeds the views are told what it wrote
        (the rows its transactions touched), ``origin`` (the view that asked) included so that
        it does not re-read what it already shows."""
        recorded = isinstance(self.store, RecordingStore)

        def work():
            with recording() as rows:
                result = fn()
            return result, {e: set(ids) for e, ids in rows.items()}

        def done(payload):
            result, rows = payload
            if changes_data:
                if not recorded:  # a store that cannot say what it wrote: everything
                    changes = Changes.all(origin)
                else:  # no synced row: bookkeeping (a dismissed problem, a source) changed
                    changes = Changes.of(rows or BOOKKEEPING, origin=origin)
                self.bus.data_changed.emit(changes)
            if on_done is not None:
                on_done(result)

        self.tasks.run(work, done, on_error, write=True)

    def changed(self, changes: Changes) -> None:
        """Tell the views (main thread only)."""
        if changes:
            self.bus.data_changed.emit(changes)
