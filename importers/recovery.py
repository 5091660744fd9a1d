"""Cleaning up the imports whose process died mid-way, whoever comes next: an import or a sync.

While an import run exists, the change log holds back every change from its first one
(importers.staging): a run left by a process that was killed (a crash, a shutdown, a laptop out
of battery) would hold back the rep's own edits until the next import. So a sync cleans up
first too (``genba sync``, the background sync of ``genba watch`` and of the app): a run that
never published is discarded, one that published is completed. A run whose process still
writes is left alone.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from sync.store import Store
from sync.store.failures import is_busy

log = logging.getLogger(__name__)


def recover_dead_imports(store: Store) -> int:
    """Discard or complete the runs of dead processes; how many there were (a read when none)."""
    if not store.query("SELECT 1 FROM import_runs LIMIT 1"):
        return 0
    from importers import report_steps, staging

    return staging.recover(store, lambda source_id: report_steps.complete(store, source_id))


def recover_before_sync(store: Store) -> int:
    """:func:`recover_dead_imports` for a sync that follows: when another writer holds the
    database past the busy timeout, the sync goes on (it sends what is not held back) and the
    next sync or import cleans up."""
    try:
        return recover_dead_imports(store)
    except Exception as exc:
        if not is_busy(exc):
            raise
        log.info("a dead import was not cleaned up before this sync (database busy): later")
        return 0


def recovering(sync: Callable[..., Any] | None = None) -> Callable[..., Any]:
    """``sync`` (``sync_once`` when None, imported on the first call) preceded by
    :func:`recover_before_sync`: what ``BackgroundSync`` is given to run each cycle."""

    def cycle(store: Store, server_url: str, token: str, **options: Any) -> Any:
        recover_before_sync(store)
        run = sync
        if run is None:
            from sync.client.cycle import sync_once as run
        return run(store, server_url, token, **options)

    return cycle
