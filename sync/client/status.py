"""``sync_status(store)``: what `genba sync --status` and the app's status bar show."""

from __future__ import annotations

from typing import Any

from sync.schema_contract import PRIVATE_VISIBILITY


def sync_status(store) -> dict[str, Any]:
    """Pending changes (private notes excluded: they never leave), last success, server, error."""
    pending = store.query(
        """SELECT count(*) FROM changes c WHERE acked = 0 AND NOT (entity = 'notes' AND EXISTS (
             SELECT 1 FROM notes n WHERE n.id = c.row_id AND n.visibility = ?))""",
        (PRIVATE_VISIBILITY,),
    )[0][0]
    server = store.get_meta("sync_server") or None
    cursor = store.get_meta(f"pull_cursor:{server}") if server else None
    return {
        "server": server,
        "pending": pending,
        "last_success": store.get_meta("sync_last_success") or None,
        "last_attempt": store.get_meta("sync_last_attempt") or None,
        "last_error": store.get_meta("sync_last_error") or None,
        "cursor": int(cursor) if cursor else 0,
    }
