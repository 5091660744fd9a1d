"""Run work off the main thread; results and errors come back to the main thread.

Like Anki's taskman and Picard's thread helper: ``run`` puts a callable on a QThreadPool and
calls ``on_done(result)`` or ``on_error(exc)`` on the main thread. Writes go to a pool with one
thread, so they are serialised in the order the UI asked for them. ``shutdown`` drains both.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger("genba.app")

Callback = Callable[[Any], None]


class _Job(QRunnable):
    def __init__(self, manager: TaskManager, fn: Callable[[], Any], token: object):
        super().__init__()
        self.setAutoDelete(True)
        self._manager = manager
        self._fn = fn
        self._token = token

    def run(self) -> None:
        try:
            result, error = self._fn(), None
        except BaseException as exc:  # reported on the main thread, never lost
            result, error = None, exc
        # A signal emitted from this worker thread is queued to the manager's (main) thread.
        self._manager._finished.emit((self._token, result, error))


class TaskManager(QObject):
    """Background work with main-thread callbacks; ``idle()`` for tests, ``shutdown()`` on quit."""

    _finished = Signal(object)

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
        self._finished.connect(self._deliver)

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
        (self._writer if write else self._pool).start(_Job(self, fn, token))
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


def _log_error(exc: BaseException) -> None:
    log.error("background task failed", exc_info=(type(exc), exc, exc.__traceback__))
    from desktop.app.errors import report_exception

    report_exception(type(exc), exc, exc.__traceback__)
