"""Background sync inside the app, when a team server is configured."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

log = logging.getLogger("genba.app")


class SyncService(QObject):
    """Wraps ``sync.client.BackgroundSync``; its status dicts arrive on the main thread."""

    status = Signal(dict)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.background = None
        self.last: dict = {"state": "idle"}
        self.status.connect(self._remember)

    def start(self) -> None:
        if self.background is not None:
            return
        try:
            from sync.client import BackgroundSync
        except ImportError as exc:
            log.warning("sync is not available: %s", exc)
            return
        self.background = BackgroundSync(self.ctx.store, on_status=self.status.emit).start()

    def trigger(self, *_args) -> None:
        """Thread-safe: called from the watcher's thread after an import."""
        if self.background is not None:
            self.background.trigger()

    def stop(self, timeout: float = 5.0) -> None:
        if self.background is not None:
            self.background.stop(timeout)
            self.background = None

    def _remember(self, status: dict) -> None:
        self.last = status
