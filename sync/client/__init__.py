"""The sync client: push the local change log to the team server and pull the team's changes.

    from sync.client import sync_once, BackgroundSync, sync_status
    report = sync_once(store, "https://genba.example.co.jp", token)

Never imports Qt or pandas.
"""

# Imported on first use (PEP 562): the app reads ``sync_status`` and the credentials without
# loading the HTTP client, which only its sync process needs.
_WHERE = {
    "BackgroundSync": "sync.client.background",
    "PROTOCOL_VERSION": "sync.client.cycle",
    "SyncReport": "sync.client.cycle",
    "sync_once": "sync.client.cycle",
    "AuthError": "sync.client.errors",
    "ClockSkewError": "sync.client.errors",
    "IncompatibleServerError": "sync.client.errors",
    "NotConfiguredError": "sync.client.errors",
    "NotGenbaServerError": "sync.client.errors",
    "OfflineError": "sync.client.errors",
    "ReadOnlyError": "sync.client.errors",
    "ServerError": "sync.client.errors",
    "SyncError": "sync.client.errors",
    "sync_status": "sync.client.status",
}


def __getattr__(name: str):
    if name not in _WHERE:
        raise AttributeError(f"module 'sync.client' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(_WHERE[name]), name)
    globals()[name] = value
    return value


__all__ = [
    "PROTOCOL_VERSION",
    "AuthError",
    "BackgroundSync",
    "ClockSkewError",
    "IncompatibleServerError",
    "NotConfiguredError",
    "NotGenbaServerError",
    "OfflineError",
    "ReadOnlyError",
    "ServerError",
    "SyncError",
    "SyncReport",
    "sync_once",
    "sync_status",
]
