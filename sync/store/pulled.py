"""Applying pulled changes: the merge rule, values held aside, withdrawn notes.

A pulled value this version cannot store is never a crash and never silently dropped: a field it
does not know yet is held in ``sync_held`` and applied by ``apply_held`` once an upgrade knows it;
a value it can never hold (2**64, NULL in a flag, a sha256 that is not one, a row id with control
characters) is held as ``invalid_value`` and shown as a problem.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from sync.merge import wins
from sync.schema_contract import PRIVATE_VISIBILITY
from sync.values import PROBLEMS, problem

HOLD = (
    "INSERT INTO sync_held (reason, entity, row_id, field, value, hlc, site, message, received_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


# What pulls wrote, per store being recorded (``recording_pulled``): entity -> ids, or None for
# an entity with more than PULLED_LISTED of them (its readers re-read it whole).
PULLED_LISTED = 5_000
_recorders: dict[int, dict[str, set[str] | None]] = {}
_recorders_lock = threading.Lock()


@contextmanager
def recording_pulled(store) -> Iterator[dict[str, set[str] | None]]:
    """Collect the rows that pulls into ``store`` write inside the block (what the app's views
    re-read after a sync)."""
    rows: dict[str, set[str] | None] = {}
    with _recorders_lock:
        _recorders[id(store)] = rows
    try:
        yield rows
    finally:
        with _recorders_lock:
            _recorders.pop(id(store), None)


def _record(writer, wrote: dict[str, set[str]]) -> None:
    with _recorders_lock:
        rows = _recorders.get(id(writer.store))
        if rows is None:
            return
        for entity, ids in wrote.items():
            known = rows.setdefault(entity, set())
            if known is not None:
                known.update(ids)
                if len(known) > PULLED_LISTED:
                    rows[entity] = None


def apply_remote(
    writer, changes: Iterable[dict[str, Any]], *, me: str | None = None, repair: bool = False
) -> int:
    conn, clock = writer.conn, writer.clock
    unknown = writer.store.unknown_fields
    held: list[tuple] = []
    applied = 0
    now = None
    wrote: dict[str, set[str]] = {}
    for ch in changes:
        entity, row_id, field = ch.get("entity"), ch.get("row_id"), ch.get("field")
        value, hlc, site = ch.get("value"), ch.get("hlc"), ch.get("site")
        try:
            code = problem(entity, row_id, field, value)
        except TypeError:  # an entity or field name that is not even a string
            code = "wrong_type"
        if code is None and (type(site) is not str or type(hlc) is not str):
            code = "wrong_type"
        if code is None and unknown and (entity, field) in unknown:
            code = "unknown_field"  # this database is older than the field: no column yet
        if code == "null_flag":
            value, code = 0, None  # an old server's way of saying "not deleted"
        if code is None:
            try:
                clock.observe(hlc)
            except ValueError:  # not a clock reading
                code = "wrong_type"
        if code is not None:
            now = now or datetime.now(UTC).isoformat(timespec="seconds")
            reason = "unknown_field" if code == "unknown_field" else "invalid_value"
            held.append(
                (
                    reason,
                    str(entity)[:64],
                    str(row_id)[:200],
                    str(field)[:64],
                    json.dumps(value, ensure_ascii=False, default=str)[:10_000],
                    str(hlc)[:32],
                    str(site)[:64],
                    PROBLEMS.get(code, code),
                    now,
                )
            )
            continue
        cur = writer.clock_of(entity, row_id, field)
        if not wins(hlc, site, cur[0] if cur else None, cur[1] if cur else None) and not (
            repair and cur == (hlc, site)
        ):
            continue
        withdrawal = entity == "notes" and field == "visibility" and value == PRIVATE_VISIBILITY
        if withdrawal and _withdrawn_here(conn, row_id, me):
            writer._touch(entity, (row_id,))
            wrote.setdefault(entity, set()).add(row_id)
            applied += 1
            continue
        conn.execute(f"INSERT OR IGNORE INTO {entity} (id) VALUES (?)", (row_id,))
        conn.execute(f"UPDATE {entity} SET {field} = ? WHERE id = ?", (value, row_id))
        conn.execute(
            "INSERT OR REPLACE INTO field_clocks (entity, row_id, field, hlc, site) "
            "VALUES (?, ?, ?, ?, ?)",
            (entity, row_id, field, hlc, site),
        )
        writer._touch(entity, (row_id,))  # what the views re-read after this pull
        wrote.setdefault(entity, set()).add(row_id)
        applied += 1
    if wrote:
        _record(writer, wrote)
    for h in held:
        # A page read twice (a crash before its cursor was saved) holds each value once.
        seen = conn.execute(
            "SELECT 1 FROM sync_held WHERE entity = ? AND row_id = ? AND field = ? AND hlc = ?"
            " AND site = ?",
            (h[1], h[2], h[3], h[5], h[6]),
        ).fetchone()
        if seen is None:
            conn.execute(HOLD, h)
    return applied


def _withdrawn_here(conn, row_id: str, me: str | None) -> bool:
    """A teammate made their note private: delete our copy (True), unless it is our own."""
    row = conn.execute("SELECT author FROM notes WHERE id = ?", (row_id,)).fetchone()
    if row is not None and me and row[0] == me:
        return False
    conn.execute("DELETE FROM notes WHERE id = ?", (row_id,))
    conn.execute("DELETE FROM field_clocks WHERE entity = 'notes' AND row_id = ?", (row_id,))
    conn.execute("DELETE FROM row_clocks WHERE entity = 'notes' AND row_id = ?", (row_id,))
    return True


def apply_held(store, *, me: str | None = None) -> int:
    """Apply held values of fields this version now knows (after an upgrade); return how many."""
    from sync.schema_contract import is_synced

    rows = store.query(
        "SELECT id, entity, row_id, field, value, hlc, site FROM sync_held "
        "WHERE reason = 'unknown_field' ORDER BY id"
    )
    unknown = store.unknown_fields
    known = [
        r
        for r in rows
        if is_synced(r["entity"], r["field"]) and (r["entity"], r["field"]) not in unknown
    ]
    if not known:
        return 0
    changes = [
        {
            "entity": r["entity"],
            "row_id": r["row_id"],
            "field": r["field"],
            "value": json.loads(r["value"]) if r["value"] is not None else None,
            "hlc": r["hlc"],
            "site": r["site"],
        }
        for r in known
    ]
    with store.write() as w:
        w.conn.executemany("DELETE FROM sync_held WHERE id = ?", [(r["id"],) for r in known])
        return w.apply_remote(changes, me=me)


def held_problems(store) -> list[dict[str, Any]]:
    """Pulled values quarantined as invalid, newest first (for `genba problems` and the app)."""
    rows = store.query(
        "SELECT entity, row_id, field, value, site, message, received_at FROM sync_held "
        "WHERE reason = 'invalid_value' ORDER BY id DESC"
    )
    return [dict(r) for r in rows]
