"""One sync cycle, as the app's sync process runs it (no Qt here).

A sync merges tens of thousands of values in Python; in the app's own process that work would
compete with the event loop for the GIL (stalls near 100 ms were measured). In the sync process
it cannot. The child opens its own Store on the same ``genba.db``; the store's clock rules make
two processes writing one file safe.
"""

from __future__ import annotations

import os
from typing import Any

from desktop.app.data.child_import import child_store


def sync_in_child(data_dir: str, server_url: str, token: str, **options: Any) -> Any:
    """Run in the sync process: ``sync_once``'s report (its SyncErrors reach the caller)."""
    return sync_reporting_rows(child_store(data_dir), server_url, token, **options)


def sync_reporting_rows(store: Any, server_url: str, token: str, **options: Any) -> Any:
    """``sync_once``, its report carrying ``pulled_rows`` too: entity -> ids the pull wrote
    (None: too many to list), what the app's views re-read. An import whose process died is
    cleaned up first (importers.recovery): it would hold back the outbox until the next one."""
    from importers.recovery import recover_before_sync
    from sync.client import sync_once
    from sync.store.pulled import recording_pulled

    recovered = recover_before_sync(store)
    with recording_pulled(store) as rows:
        report = sync_once(store, server_url, token, **options)
    if recovered:  # what completing a dead import derived (notes, deals, links) is not listed
        rows.update(dict.fromkeys(("activities", "notes", "deals", "contacts", "companies")))
    report.pulled_rows = rows
    return report


def ready() -> int:
    """Run in the sync process by ``genba --self-test``: load the HTTP client and the sync cycle
    (the frozen build must carry them) and return this process's id."""
    import httpx  # noqa: F401

    import sync.client.cycle  # noqa: F401

    return os.getpid()
