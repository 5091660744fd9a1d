"""Sync troubles as problems, in the shape `genba problems` lists import issues: changes the
server refused (kept on this PC) and received values held aside."""

from __future__ import annotations

from typing import Any

from resources.messages import msg


def sync_problems(store, lang: str | None = None) -> list[dict[str, Any]]:
    """Refused changes and held values, their ``message`` in ``lang`` (Japanese by default)."""
    out: list[dict[str, Any]] = []
    try:
        refused = store.query(
            "SELECT entity, row_id, field, code, message FROM sync_rejections ORDER BY seq"
        )
        held = store.query(
            "SELECT entity, row_id, field, site, message FROM sync_held "
            "WHERE reason = 'invalid_value' ORDER BY id"
        )
    except Exception:  # an older genba.db without the sync tables
        return out
    for r in refused:
        out.append(
            {
                "path": "sync",
                "status": "warning",
                "location": f"{r['entity']}.{r['field']} {r['row_id']}",
                "severity": "warning",
                "code": f"sync_refused_{r['code']}",
                "message": msg("sync.problem.refused", lang, reason=r["message"]),
            }
        )
    for r in held:
        out.append(
            {
                "path": "sync",
                "status": "warning",
                "location": f"{r['entity']}.{r['field']} {r['row_id']}",
                "severity": "warning",
                "code": "sync_value_held",
                "message": msg("sync.problem.held", lang, reason=r["message"], site=r["site"]),
            }
        )
    return out
