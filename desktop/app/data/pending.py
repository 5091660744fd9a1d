"""What waits to be sent, counted as a rep counts it: visits, contacts, notes — not the field
changes the sync log holds (one visit imported is a dozen of those)."""

from __future__ import annotations

from sync.schema_contract import PRIVATE_VISIBILITY


def pending_records(store) -> dict[str, int]:
    """entity -> number of rows with changes not yet sent (private notes never leave)."""
    rows = store.query(
        """SELECT entity, count(DISTINCT row_id) FROM change_log c WHERE acked = 0
             AND NOT (entity = 'notes' AND EXISTS (
               SELECT 1 FROM notes n WHERE n.id = c.row_id AND n.visibility = ?))
           GROUP BY entity""",
        (PRIVATE_VISIBILITY,),
    )
    return {r[0]: r[1] for r in rows}
