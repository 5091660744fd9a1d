"""Run work off the main thread; results and errors come back to the main thread.

Like Anki's taskman and Picard's thread helper: ``run`` puts a callable on a QThreadPool and
calls ``on_done(result)`` or ``on_error(exc)`` on the main thread. Writes go to a pool with one
thread, so they are serialised in the order the UI asked for them. ``shutdown`` drains both.

A write that finds the database busy past SQLite's busy timeout (an import or a sync in another
process holds the write lock) is queued, not failed: the rep is told once, and the write is
tried again until it goes through (each write is a transaction that rolled back whole).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from sync.store.failures import is_busy

log = logging.getLogger("genba.app")

BUSY_RETRY_DELAY = 0.5  # seconds between tries of a write queued behind another process's
BUSY_GIVE_UP = 600.0  # after this long the write fails and the rep is told to try again

Callback = Callable[[Any], None]


class _Job(QRunnable):
    def __init__(
        self, manager: TaskManager, fn: Callable[[], Any], token: object, write: bool = False
    ):
        super().__init__()
        self.setAutoDelete(True)
        self._manager = manager
        self._fn = fn
        self._token = token
        self._write = write

    def run(self) -> None:
        give_up = time.monotonic() + BUSY_GIVE_UP
        told = False
        while True:
            try:
                result, error = self._fn(), None
            except BaseException as exc:  # reported on the main thread, never lost
                result, error = None, exc
                queued = self._write and is_busy(exc) and not self._manager._closing
                if queued and time.monotonic() < give_up:
                    if not told:  # once: "an import is writing; your edit is queued"
                        self._manager.queued.emit(exc)
                        told = True
                    time.sleep(BUSY_RETRY_DELAY)
                    continue
            break
        # A signal emitted from this worker thread is queued to the manager's (main) thread.
        self._manager._finished.emit((self._token, result, error))


class TaskManager(QObject):
    """Background work with main-thread callbacks; ``idle()`` for tests, ``shutdown()`` on quit."""

    _finished = Signal(object)
    queued = Signal(object)  # a write waits behind another process's (the exception)

    def __init__(self, parent: QObject | None = None, *, threads: int = 3):
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(threads)
        self._writer = QThreadPool(self)
        self._writer.setMaxThreadCount(1)
        self._callbacks: dict[object, tuple[Callback | None, Callback | None]] = {}
        self._lock = threading.Lock()
        self._closing = False
        self.default_error: Callback = _log_error
        # The language its messages are shown in (the AppContext's; None: the running app's).
        self.lang: str | None = None
        self._finished.connect(self._deliver)
        self.queued.connect(self._tell_queued)

    def run(
        self,
        fn: Callable[[], Any],
        on_done: Callback | None = None,
        on_error: Callback | None = None,
        *,
        write: bool = False,
    ) -> bool:
        """Run ``fn()`` in the background (``write=True``: on the one writer thread)."""
        if self._closing:
            return False
        token = object()
        with self._lock:
            self._callbacks[token] = (on_done, on_error)
        (self._writer if write else self._pool).start(_Job(self, fn, token, write))
        return True

    def idle(self) -> bool:
        with self._lock:
            return not self._callbacks

    def shutdown(self, timeout_ms: int = 10_000) -> bool:
        """Refuse new work and wait for what is running (imports finish their transaction)."""
        self._closing = True
        ok = self._writer.waitForDone(timeout_ms)
        return self._pool.waitForDone(timeout_ms) and ok

    @Slot(object)
    def _deliver(self, payload) -> None:
        token, result, error = payload
        with self._lock:
            on_done, on_error = self._callbacks.pop(token, (None, None))
        if self._closing:
            # Shut down: the widgets these callbacks update may already be deleted.
            if error is not None:
                log.warning("background task failed during shutdown: %r", error)
            return
        if error is not None:
            (on_error or self.default_error)(error)
        elif on_done is not None:
            on_done(result)

    def _tell_queued(self, exc: BaseException) -> None:
        log.info("a write waits for the database: %s", exc)
        from desktop.app.errors import show_error_dialog

        show_error_dialog(type(exc), exc, exc.__traceback__, None, self.lang)  # no report


def _log_error(exc: BaseException) -> None:
    log.error("background task failed", exc_info=(type(exc), exc, exc.__traceback__))
    from desktop.app.errors import report_exception

    report_exception(type(exc), exc, exc.__traceback__)
