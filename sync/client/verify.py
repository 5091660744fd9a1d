"""Checking a caught-up laptop against the server's per-team checksum (``sync.checksum``).

The laptop sums the same hash over what it holds of the team: each synced field's value with its
clock (``field_clocks``, else the row's insert clock for a field the insert logged), and values
held aside in ``sync_held`` where their clock is the greater. It compares only when nothing of
its own is waiting for the server: then every clock it holds came from the server or was
acknowledged by it, so a consistent laptop always matches, and a difference means a value changed
or a row deleted behind the store's back (or a server database edited by hand).
A field whose change the server refused holds a value the server never had: both sides leave
such fields out (the laptop names them in its pull, at most ``MAX_SKIP``; the server echoes how
many it left out), so a laptop with refused changes is still compared on everything else.
"""

from __future__ import annotations

import json
from typing import Any

from sync.checksum import left_out, team_checksum
from sync.merge import wins
from sync.schema_contract import PRIVATE_VISIBILITY, SYNCED_FIELDS
from sync.store.store import LOCAL_ONLY_SQL, logged_at_insert


def _held(conn) -> dict[tuple[str, str, str], tuple[str, str, Any]]:
    """Values held aside, the greatest clock per field (usually none at all)."""
    out: dict[tuple[str, str, str], tuple[str, str, Any]] = {}
    for e, r, f, v, h, s in conn.execute(
        "SELECT entity, row_id, field, value, hlc, site FROM sync_held"
    ):
        cur = out.get((e, r, f))
        if cur is None or wins(h, s, cur[0], cur[1]):
            out[(e, r, f)] = (h, s, None if v is None else json.loads(v))
    return out


MAX_SKIP = 100  # fields named in a pull request (a URL stays well under 16 KB)


def refused_fields(store) -> list[tuple[str, str, str]] | None:
    """(entity, row_id, field) of refused changes, sorted; None when too many to name."""
    try:
        rows = store.query(
            "SELECT DISTINCT entity, row_id, field FROM sync_rejections ORDER BY 1, 2, 3"
            f" LIMIT {MAX_SKIP + 1}"
        )
    except Exception:  # an older genba.db without the table
        return []
    return None if len(rows) > MAX_SKIP else [tuple(r) for r in rows]


def skip_param(fields: list[tuple[str, str, str]]) -> list[str]:
    """The pull's ``skip`` parameter: one 'entity|row_id|field' per field (a row id may hold a
    bar, entity and field names never do: the server splits at the first and the last one)."""
    return [f"{e}|{r}|{f}" for e, r, f in fields]


def _sum(
    conn, notes_out: set[str], attachments_out: set[str], skip=frozenset(), unknown=frozenset()
) -> int:
    """``unknown``: fields this database has no column for (their values are held, summed from
    sync_held)."""
    held = _held(conn)
    for key in skip:
        held.pop(key, None)
    rows: list[tuple[str, str, str, str, str, Any]] = []
    add = rows.append
    for entity, all_fields in SYNCED_FIELDS.items():
        fields = [f for f in all_fields if (entity, f) not in unknown]
        out = notes_out if entity == "notes" else attachments_out if entity == "attachments" else ()
        clocks = {
            (r, f): (h, s)
            for r, f, h, s in conn.execute(
                "SELECT row_id, field, hlc, site FROM field_clocks WHERE entity = ?", (entity,)
            )
        }
        cols = ", ".join(f"e.{f}" for f in fields)
        for row in conn.execute(
            f"SELECT e.id, rc.hlc, rc.site, {cols} FROM {entity} e LEFT JOIN row_clocks rc"
            " ON rc.entity = ? AND rc.row_id = e.id",
            (entity,),
        ):
            row_id, rh, rs = row[0], row[1], row[2]
            if row_id in out:
                continue
            for f, value in zip(fields, row[3:], strict=True):
                if skip and (entity, row_id, f) in skip:
                    continue
                clock = clocks.get((row_id, f))
                if clock is None:
                    if rh is None or not logged_at_insert(f, value):
                        continue
                    clock = (rh, rs)
                if held and (entity, row_id, f) in held:
                    h, s, _v = held[(entity, row_id, f)]
                    if wins(h, s, clock[0], clock[1]):
                        continue  # the held value is the field's: added below
                    del held[(entity, row_id, f)]
                add((entity, row_id, f, clock[0], clock[1], value))
    rows.extend((e, r, f, h, s, v) for (e, r, f), (h, s, v) in held.items())
    return team_checksum(rows, notes_out, attachments_out)


def local_checksum(store, skip=frozenset()) -> int | None:
    """The laptop's checksum of the team without the ``skip`` fields, or None while changes of
    its own are unsent."""
    with store.write() as w:  # one transaction: the app cannot edit between the reads
        conn = w.conn
        waiting = conn.execute(
            f"SELECT count(*) FROM change_log c WHERE acked = 0 AND {LOCAL_ONLY_SQL}"
        ).fetchone()[0]
        if waiting:
            return None
        private = {
            r[0]
            for r in conn.execute(
                "SELECT id FROM notes WHERE visibility = ?", (PRIVATE_VISIBILITY,)
            )
        }
        known = {r[0] for r in conn.execute("SELECT id FROM notes")}
        attached = dict(
            conn.execute("SELECT id, entity_id FROM attachments WHERE entity = 'notes'").fetchall()
        )
        return _sum(
            conn, *left_out(private, known, attached), skip=skip, unknown=store.unknown_fields
        )


def check(store, key: str, page: dict[str, Any], report, repaired: bool, skip=None) -> bool:
    """Compare with the last page's checksum; True when the team should be read again from zero
    (once: a laptop that still differs after that is told, and not re-read at every sync).
    ``skip``: the refused fields this pull named (None: too many to name, not compared)."""
    theirs = page.get("checksum")
    if not isinstance(theirs, str) or not theirs.isdigit():
        return False  # a server without checksums
    skip = set(skip) if skip is not None else None
    if skip is None or (skip and page.get("checksum_skipped") != len(skip)):
        report.checksum = "skipped"  # too many refusals, or a server that cannot leave them out
        return False
    mine = local_checksum(store, skip)
    if mine is None:
        report.checksum = "skipped"
        return False
    report.checksum = "ok" if mine == int(theirs) else "mismatch"
    store.set_meta("sync_checksum", report.checksum)  # for `genba sync --status`
    bad_key = key + ":checksum_bad"
    if mine == int(theirs):
        store.set_meta(bad_key, "")
        store.set_meta(key + ":checked", str(page.get("checksum_seq", "")))
        return False
    if repaired or store.get_meta(bad_key):
        if not store.get_meta(bad_key):
            report.notices.append(("checksum_still", None))
        store.set_meta(bad_key, theirs)
        return False
    report.notices.append(("checksum_redownload", None))
    return True
