"""The records behind sync troubles, for the app's Sync page: which changes the server refused
(kept on this PC) and which received values were held aside, each named the way a rep names the
record (the customer, the visit's date, the person) rather than by row id and field.

    sync_troubles(store, limit=200) -> {"refused": [...], "held": [...],
                                        "refused_total": n, "held_total": m}

Each item: kind ("refused" | "held"), entity, field, code (a ``sync.values.PROBLEMS`` key, or
``sync.server.validate.MORE`` / ``not_json``), reason (the server's words), subject (e.g.
「山田製作所」), on (the visit's ISO date, when the record has one), when (refused/received at).
The words around them are the app's (translated there); this module never imports Qt.
"""

from __future__ import annotations

from typing import Any

from sync.values import PROBLEMS

# sync_held keeps the reason in words; its code is found again from them.
_CODE_OF = {text: code for code, text in PROBLEMS.items()}


def _subject(conn, entity: str, row_id: str) -> tuple[str, str | None]:
    """(what the record is about, its date) from what this PC holds of it; ("", None) if none."""
    try:
        if entity == "companies":
            row = conn.execute("SELECT name, NULL FROM companies WHERE id = ?", (row_id,))
        elif entity == "activities":
            row = conn.execute(
                "SELECT coalesce(c.name, a.company_name_raw, a.contact_name), a.occurred_on"
                " FROM activities a LEFT JOIN companies c ON c.id = a.company_id WHERE a.id = ?",
                (row_id,),
            )
        elif entity == "contacts":
            row = conn.execute(
                "SELECT p.full_name || coalesce('（' || c.name || '）', ''), NULL FROM contacts p"
                " LEFT JOIN companies c ON c.id = p.company_id WHERE p.id = ?",
                (row_id,),
            )
        elif entity in ("notes", "deals"):
            row = conn.execute(
                f"SELECT c.name, NULL FROM {entity} x LEFT JOIN companies c ON c.id = x.company_id"
                " WHERE x.id = ?",
                (row_id,),
            )
        elif entity == "attachments":
            row = conn.execute("SELECT filename, taken_on FROM attachments WHERE id = ?", (row_id,))
        else:
            return "", None
        found = row.fetchone()
    except Exception:  # an older genba.db without the column: name it generically
        return "", None
    if found is None:
        return "", None
    return (found[0] or ""), found[1]


def sync_troubles(store, limit: int = 200) -> dict[str, Any]:
    """Refused changes and held values, newest first, at most ``limit`` of each (with totals)."""
    out: dict[str, Any] = {"refused": [], "held": [], "refused_total": 0, "held_total": 0}
    conn = store.reader()  # the app calls this off the main thread, beside the writer
    try:
        try:
            out["refused_total"] = conn.execute("SELECT count(*) FROM sync_rejections").fetchone()[
                0
            ]
            out["held_total"] = conn.execute(
                "SELECT count(*) FROM sync_held WHERE reason = 'invalid_value'"
            ).fetchone()[0]
            refused = conn.execute(
                "SELECT entity, row_id, field, code, message, rejected_at FROM sync_rejections"
                " ORDER BY seq DESC LIMIT ?",
                (limit,),
            ).fetchall()
            held = conn.execute(
                "SELECT entity, row_id, field, message, received_at FROM sync_held"
                " WHERE reason = 'invalid_value' ORDER BY id DESC LIMIT ?",
                (limit,),
            ).fetchall()
        except Exception:  # an older genba.db without the sync tables
            return out
        for entity, row_id, field, code, message, when in refused:
            subject, on = _subject(conn, entity, row_id)
            out["refused"].append(
                {
                    "kind": "refused",
                    "entity": entity,
                    "row_id": row_id,
                    "field": field,
                    "code": code,
                    "reason": message,
                    "subject": subject,
                    "on": on,
                    "when": when,
                }
            )
        for entity, row_id, field, message, when in held:
            subject, on = _subject(conn, entity, row_id)
            out["held"].append(
                {
                    "kind": "held",
                    "entity": entity,
                    "row_id": row_id,
                    "field": field,
                    "code": _CODE_OF.get(message, ""),
                    "reason": message,
                    "subject": subject,
                    "on": on,
                    "when": when,
                }
            )
    finally:
        conn.close()
    return out
