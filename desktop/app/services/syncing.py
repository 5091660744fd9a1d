"""Background sync inside the app, when a team server is configured.

Each cycle runs in the app's sync process (see ``child_process``), so merging a large pull never
holds this process's GIL; the sync thread here only waits, and its status dicts reach the UI as
signals.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from desktop.app.data import child_sync
from desktop.app.services.child_process import ChildProcess

log = logging.getLogger("genba.app")


# Syncs are minutes apart (sync_interval_seconds): the child is not kept between them.
IDLE_SECONDS = 30.0


class SyncProcess(ChildProcess):
    """``sync_once`` for a store, run in a child process (in this one when there is none)."""

    def __init__(self, store, *, use_process: bool = True):
        super().__init__(
            "sync",
            use_process=use_process,
            env_off="GENBA_SYNC_IN_PROCESS",
            idle_seconds=IDLE_SECONDS,
        )
        self.store = store

    def sync(self, store, server_url: str, token: str, **options):
        """Has ``sync_once``'s signature, so ``BackgroundSync`` can call it in its place."""

        def here():  # no child process: sync in this one (loads the HTTP client here)
            return child_sync.sync_reporting_rows(store, server_url, token, **options)

        return self.call(
            child_sync.sync_in_child,
            str(Path(store.data_dir)),
            server_url,
            token,
            here=here,
            **options,
        )


class SyncService(QObject):
    """Wraps ``sync.client.BackgroundSync``; its status dicts arrive on the main thread."""

    status = Signal(
        object
    )  # a dict; object keeps its messages' catalogue keys (resources.messages)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.background = None
        self.process = SyncProcess(ctx.store)
        self.process.lang = ctx.language  # a crash in it is said in the rep's language
        self.last: dict = {"state": "idle"}
        self.status.connect(self._remember)

    def start(self) -> None:
        if self.background is not None:
            return
        from sync.client import BackgroundSync

        if self.process.closed:  # started again after a stop
            self.process = SyncProcess(self.ctx.store)
            self.process.lang = self.ctx.language
        self.background = BackgroundSync(
            self.ctx.store, on_status=self.status.emit, sync=self.process.sync
        ).start()

    def trigger(self, *_args) -> None:
        """Thread-safe: called from the watcher's thread after an import."""
        if self.background is not None:
            self.background.trigger()

    def stop(self, timeout: float = 5.0) -> None:
        background, self.background = self.background, None
        if background is not None:
            background.stop(timeout)
        if background is not None and background.running:
            log.warning("a sync was still running after %.0f s: stopping it", timeout)
            self.process.kill()
        else:
            self.process.shutdown()

    def _remember(self, status: dict) -> None:
        self.last = status
