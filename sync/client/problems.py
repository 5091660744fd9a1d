"""Sync troubles as problems, in the shape `genba problems` lists import issues: changes the
server refused (kept on this PC) and received values held aside."""

from __future__ import annotations

from typing import Any

from sync.client.errors import say


def sync_problems(store) -> list[dict[str, Any]]:
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
                "message": say(
                    f"サーバーがこの変更を受け付けませんでした ({r['message']})。この PC には残っています。"
                    "値を直すと、直した値が送信されます。",
                    f"The server refused this change ({r['message']}). It stays on this PC; "
                    "correct the value and the corrected one is sent.",
                ),
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
                "message": say(
                    f"チームから受信した値を保存できませんでした ({r['message']}, 送信元 {r['site']})。"
                    "保留しています。管理者に連絡してください。",
                    f"A value received from the team could not be stored ({r['message']}, from "
                    f"{r['site']}); it is held aside. Tell your admin.",
                ),
            }
        )
    return out
