"""The sync client: push the local change log to the team server and pull the team's changes.

    from sync.client import sync_once, BackgroundSync, sync_status
    report = sync_once(store, "https://genba.example.co.jp", token)

Never imports Qt or pandas.
"""

from sync.client.background import BackgroundSync
from sync.client.cycle import PROTOCOL_VERSION, SyncReport, sync_once
from sync.client.errors import (
    AuthError,
    ClockSkewError,
    IncompatibleServerError,
    NotConfiguredError,
    OfflineError,
    ReadOnlyError,
    ServerError,
    SyncError,
)
from sync.client.status import sync_status

__all__ = [
    "PROTOCOL_VERSION",
    "AuthError",
    "BackgroundSync",
    "ClockSkewError",
    "IncompatibleServerError",
    "NotConfiguredError",
    "OfflineError",
    "ReadOnlyError",
    "ServerError",
    "SyncError",
    "SyncReport",
    "sync_once",
    "sync_status",
]
