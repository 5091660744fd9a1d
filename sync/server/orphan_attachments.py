"""Attachments of a note the team's server has not seen: held until the note arrives.

The server cannot tell such a note apart: it may be private on its laptop (its attachments must
never be served), or shared with its rows still to come (a later batch, a refused field). Refusing
the attachment would lose it for good (a refused change is never sent again), so the server
holds it instead: its changes are acknowledged and kept in ``held_changes``, out of the change
log and the winners, so no teammate pulls them. When a change of the note arrives, or a change
of the attachment links it elsewhere, they are released: merged then as new changes, with new
seqs (teammates' cursors have passed the old ones), and dropped after all if the note turns out
to be private (``sync.server.private_attachments``).

Every step costs one indexed probe on a team that holds nothing, the usual case.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import delete, select

from sync.merge import wins
from sync.server.db import held_changes, winners
from sync.server.guard import replica_collision, same_change

# A held change as it is compared and released: id, entity, row, field, value, clock, site.
HELD_CHANGE = (
    held_changes.c.change_id,
    held_changes.c.entity,
    held_changes.c.row_id,
    held_changes.c.field,
    held_changes.c.value,
    held_changes.c.hlc,
    held_changes.c.site,
)

LINK = ("entity", "entity_id")


def _chunks(items, n: int = 500):
    items = sorted(items)
    for start in range(0, len(items), n):
        yield items[start : start + n]


def _decode(v: str | None) -> Any:
    try:
        return None if v is None else json.loads(v)
    except ValueError:
        return None


def _links(conn, team_id: int, ids: set[str], batch: list[dict[str, Any]]):
    """{attachment id: (entity, entity_id)} as they win over the winners, the held changes and
    ``batch``."""
    best: dict[tuple[str, str], tuple[str, str, Any]] = {}

    def offer(row_id, field, hlc, site, value):
        cur = best.get((row_id, field))
        if cur is None or wins(hlc, site, cur[0], cur[1]):
            best[(row_id, field)] = (hlc, site, value)

    for part in _chunks(ids):
        for table in (winners, held_changes):
            for r, f, h, s, v in conn.execute(
                select(table.c.row_id, table.c.field, table.c.hlc, table.c.site, table.c.value)
                .where(table.c.team_id == team_id, table.c.entity == "attachments")
                .where(table.c.row_id.in_(part), table.c.field.in_(LINK))
            ):
                offer(r, f, h, s, _decode(v))
    for c in batch:
        if c["entity"] == "attachments" and c["field"] in LINK:
            offer(c["row_id"], c["field"], c["hlc"], c["site"], c.get("value"))
    return {
        a: (best.get((a, "entity"), (0, 0, None))[2], best.get((a, "entity_id"), (0, 0, None))[2])
        for a in ids
    }


def _orphans(conn, team_id: int, ids: set[str], batch, arriving: set[str]) -> dict[str, str]:
    """{attachment id: note id} of those linked to a note the team has no row of."""
    links = _links(conn, team_id, ids, batch)
    notes = {n for kind, n in links.values() if kind == "notes" and isinstance(n, str)}
    notes -= arriving
    known: set[str] = set()
    for part in _chunks(notes):
        known.update(
            conn.execute(
                select(winners.c.row_id)
                .where(winners.c.team_id == team_id, winners.c.entity == "notes")
                .where(winners.c.row_id.in_(part))
                .distinct()
            ).scalars()
        )
    missing = notes - known
    return {a: n for a, (kind, n) in links.items() if kind == "notes" and n in missing}


def holds_any(conn, team_id: int) -> bool:
    """Whether the team holds any change (one indexed probe; usually it holds none)."""
    return (
        conn.execute(
            select(held_changes.c.change_id).where(held_changes.c.team_id == team_id).limit(1)
        ).first()
        is not None
    )


def already_held(conn, team_id: int, batch: list[dict[str, Any]]) -> set[str]:
    """Change ids of ``batch`` held already (a replay after a lost response). One held with
    other content is a copied database's: refused as a collision, as for logged changes.
    Called only when ``holds_any``."""
    mine = {c["change_id"]: c for c in batch}
    out: set[str] = set()
    for part in _chunks(mine):
        for cid, e, r, f, v, h, s in conn.execute(
            select(*HELD_CHANGE).where(
                held_changes.c.team_id == team_id, held_changes.c.change_id.in_(part)
            )
        ):
            if not same_change((e, r, f, h, s), _decode(v), mine[cid]):
                raise replica_collision(cid)
            out.add(cid)
    return out


def hold(
    conn, team_id: int, user_id: int, received: str, batch: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """The batch without the changes held now."""
    touched = {c["row_id"] for c in batch if c["entity"] == "attachments"}
    if not touched:
        return batch
    arriving = {c["row_id"] for c in batch if c["entity"] == "notes"}
    orphans = _orphans(conn, team_id, touched, batch, arriving)
    if not orphans:
        return batch
    held = [c for c in batch if c["entity"] == "attachments" and c["row_id"] in orphans]
    conn.execute(
        held_changes.insert(),
        [
            {
                "team_id": team_id,
                "change_id": c["change_id"],
                "note_id": orphans[c["row_id"]],
                "entity": c["entity"],
                "row_id": c["row_id"],
                "field": c["field"],
                "value": None
                if c.get("value") is None
                else json.dumps(c["value"], ensure_ascii=False),
                "hlc": c["hlc"],
                "site": c["site"],
                "user_id": user_id,
                "received_at": received,
            }
            for c in held
        ],
    )
    ids = {c["change_id"] for c in held}
    return [c for c in batch if c["change_id"] not in ids]


def release(conn, team_id: int, batch: list[dict[str, Any]]) -> dict[int, list[dict[str, Any]]]:
    """Take out the held changes this merged batch frees (its notes arrived, or it linked their
    attachment elsewhere); returns them by the user who pushed them, in their order. Called
    only when ``holds_any`` before the batch."""
    notes = {c["row_id"] for c in batch if c["entity"] == "notes"}
    attachments = {c["row_id"] for c in batch if c["entity"] == "attachments"}
    candidates: set[str] = set()
    for column, keys in ((held_changes.c.note_id, notes), (held_changes.c.row_id, attachments)):
        for part in _chunks(keys):
            candidates.update(
                conn.execute(
                    select(held_changes.c.row_id).where(
                        held_changes.c.team_id == team_id, column.in_(part)
                    )
                ).scalars()
            )
    if not candidates:
        return {}
    free = candidates - set(_orphans(conn, team_id, candidates, [], set()))
    if not free:
        return {}
    out: dict[int, list[dict[str, Any]]] = {}
    for part in _chunks(free):
        rows = conn.execute(
            select(
                *HELD_CHANGE,
                held_changes.c.user_id,
            )
            .where(held_changes.c.team_id == team_id, held_changes.c.row_id.in_(part))
            .order_by(held_changes.c.received_at, held_changes.c.hlc)
        ).all()
        for cid, e, r, f, v, h, s, uid in rows:
            change = {"change_id": cid, "entity": e, "row_id": r, "field": f, "hlc": h, "site": s}
            change["value"] = _decode(v)
            out.setdefault(uid, []).append(change)
        conn.execute(
            delete(held_changes).where(
                held_changes.c.team_id == team_id, held_changes.c.row_id.in_(part)
            )
        )
    return out
