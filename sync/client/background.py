"""``BackgroundSync``: a daemon thread that syncs when a server is configured.

    bg = BackgroundSync(store, on_status=print)   # credentials from the store / keyring
    bg.start(); bg.trigger()  # e.g. after an import
    bg.stop()

It syncs every ``interval`` seconds and on ``trigger()``; while offline (or the server fails) it
backs off exponentially from ``min_backoff`` to ``max_backoff``; on a wrong token or an
incompatible server it waits ``max_backoff`` (and reports the error) instead of hammering.
``on_status`` gets a dict: state ('syncing', 'ok', 'offline', 'error', 'not_configured'),
message, report (SyncReport or None), pending, next_in (seconds).
"""

from __future__ import annotations

import random
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sync.client.credentials import load_credentials
from sync.client.errors import SyncError

if TYPE_CHECKING:
    from sync.client.cycle import SyncReport


VERIFY_EVERY_S = 3600.0


class BackgroundSync:
    def __init__(
        self,
        store,
        *,
        interval: float = 60.0,
        min_backoff: float = 5.0,
        max_backoff: float = 600.0,
        on_status: Callable[[dict[str, Any]], None] | None = None,
        credentials: Callable[[], tuple[str | None, str | None]] | None = None,
        sync: Callable[..., SyncReport] | None = None,
        **sync_kwargs: Any,
    ):
        self.store = store
        self.interval = interval
        self.min_backoff = min_backoff
        self.max_backoff = max_backoff
        self.on_status = on_status
        self._credentials = credentials or (lambda: load_credentials(store))
        # None: ``sync_once`` here, imported on the first cycle (the app passes a function that
        # runs it in its sync process, so the app itself never loads the HTTP client).
        self._sync = sync
        # Every few minutes, all day: the team's checksum is compared once an hour (each
        # comparison costs the server a read of the team), `genba sync` compares every time.
        self._sync_kwargs = {"verify_every_s": VERIFY_EVERY_S, **sync_kwargs}
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self.backoff = 0.0
        self.last_status: dict[str, Any] = {"state": "idle"}
        self.runs = 0

    def start(self) -> BackgroundSync:
        if self._thread and self._thread.is_alive():
            return self
        self._stopping.clear()
        self._thread = threading.Thread(target=self._loop, name="genba-sync", daemon=True)
        self._thread.start()
        return self

    def trigger(self) -> None:
        """Sync as soon as possible (resets the offline backoff)."""
        self.backoff = 0.0
        self._wake.set()

    def stop(self, timeout: float | None = 30.0) -> None:
        self._stopping.set()
        self._wake.set()
        if self._thread:
            self._thread.join(timeout)

    @property
    def running(self) -> bool:
        return bool(self._thread and self._thread.is_alive())

    def _emit(self, **status: Any) -> None:
        self.last_status = status
        if self.on_status:
            try:
                self.on_status(status)
            except Exception:
                pass

    def run_once(self) -> float:
        """One attempt; returns the seconds to wait before the next one."""
        server, token = self._credentials()
        if not server or not token:
            self._emit(
                state="not_configured",
                message="no sync server set up",
                report=None,
                pending=None,
                next_in=self.interval,
            )
            return self.interval
        self._emit(
            state="syncing",
            message=f"syncing with {server}",
            report=None,
            pending=None,
            next_in=None,
        )
        self.runs += 1
        try:
            sync = self._sync
            if sync is None:
                from sync.client.cycle import sync_once as sync
            report = sync(self.store, server, token, **self._sync_kwargs)
        except SyncError as exc:
            if exc.retryable:
                self.backoff = min(
                    self.max_backoff, max(self.min_backoff, self.backoff * 2 or self.min_backoff)
                )
                wait = self.backoff * random.uniform(0.8, 1.2)
                state = "offline"
            else:
                wait = self.max_backoff
                state = "error"
            self._emit(state=state, message=exc.message, report=None, pending=None, next_in=wait)
            return wait
        except Exception as exc:  # a bug must not kill the thread silently
            self.backoff = self.max_backoff
            self._emit(
                state="error",
                message=f"sync failed: {exc!r}",
                report=None,
                pending=None,
                next_in=self.max_backoff,
            )
            return self.max_backoff
        self.backoff = 0.0
        self._emit(
            state="ok",
            message=report.summary(),
            report=report,
            pending=report.pending,
            next_in=self.interval,
        )
        return self.interval

    def _loop(self) -> None:
        while not self._stopping.is_set():
            self._wake.clear()
            wait = self.run_once()
            if self._stopping.is_set():
                break
            self._wake.wait(wait)
