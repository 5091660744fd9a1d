"""``sync_status(store)``: what `genba sync --status` and the app's status bar show."""

from __future__ import annotations

from typing import Any

from resources.messages import from_stored


def _count(store, sql: str) -> int:
    try:
        return int(store.query(sql)[0][0])
    except Exception:  # a store of an older schema: nothing of the kind yet
        return 0


def sync_status(store) -> dict[str, Any]:
    """Pending changes (private notes excluded: they never leave), changes the server refused
    (kept here), pulled values held aside, last success, server, error, checksum."""
    server = store.get_meta("sync_server") or None
    cursor = store.get_meta("sync_cursor")
    return {
        "server": server,
        "pending": store.pending_count(),
        "rejected": _count(store, "SELECT count(*) FROM sync_rejections"),
        "held": _count(store, "SELECT count(*) FROM sync_held WHERE reason = 'invalid_value'"),
        "last_success": store.get_meta("sync_last_success") or None,
        "last_attempt": store.get_meta("sync_last_attempt") or None,
        # the words of the last error, written again in the rep's language where shown
        "last_error": from_stored(
            store.get_meta("sync_last_error") or "", store.get_meta("sync_last_error_words")
        )
        or None,
        "cursor": int(cursor) if cursor else 0,
        # The last comparison with the team's checksum: "ok", "mismatch" or None (never made).
        "checksum": store.get_meta("sync_checksum") or None,
    }
