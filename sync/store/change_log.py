"""The local change log as stored: one row per changed field, or one row per inserted row.

Sync works with field changes (``<site>.<seq>``, entity, row_id, field, value, hlc): that is what
the ``changes`` view shows, what the outbox sends and what the server acknowledges. An import
inserts tens of thousands of rows with some twenty fields each, and writing twenty log rows per
row (each repeating the row id, clock and site) was a fifth of a 20,000-row import and half of
the database. So an inserted row is logged as one *insert row*: field ``'*'``, value a JSON
array of its ``[field, value]`` pairs in field order, ``span`` the number of pairs. It stands
for the field changes ``seq .. seq + span - 1``, whose seqs it keeps free; every field change
in it shares the row's clock, site and ``acked``.

Anything that works on single field changes of an insert row (a partial acknowledgement, a
refusal, the server re-stamping one value, a replica re-issue) first *explodes* it: its field
changes become ordinary rows under their own seqs, exactly as they would have been logged one by
one. Nothing reads the stored rows directly but this module, the store and sync's bookkeeping;
everything else reads ``changes``.
"""

from __future__ import annotations

import functools
import json
import sqlite3
from collections.abc import Callable, Iterable
from typing import Any

# Store.query, or the same over a writer's connection: (sql, params) -> rows
Query = Callable[[str, tuple], list]

INSERT_ROW = "*"  # the field of an insert row; no entity has a field of that name
MAX_SPAN = 1024  # more fields than any entity has: bounds the search for a covering row


def next_seq(conn: sqlite3.Connection) -> int:
    """The seq the next change gets: past the last row's whole span."""
    row = conn.execute("SELECT seq + span FROM change_log ORDER BY seq DESC LIMIT 1").fetchone()
    return row[0] if row else 1


def last_seq(query: Query, site: str) -> tuple[int, str | None]:
    """(greatest seq stamped as ``site``, its clock); (0, None) when none."""
    rows = query(
        "SELECT seq + span - 1, hlc FROM change_log WHERE site = ? ORDER BY seq DESC LIMIT 1",
        (site,),
    )
    return (rows[0][0], rows[0][1]) if rows else (0, None)


def _pairs(value: str) -> list[list[Any]]:
    return json.loads(value)


def change_at(query: Query, site: str, seq: int) -> dict[str, Any] | None:
    """The field change ``<site>.<seq>`` (entity, row_id, field, value, hlc), or None."""
    rows = query(
        "SELECT seq, site, entity, row_id, field, value, hlc, span FROM change_log "
        "WHERE seq <= ? ORDER BY seq DESC LIMIT 1",
        (seq,),
    )
    row = rows[0] if rows else None
    if row is None or row[1] != site or seq >= row[0] + row[7]:
        return None
    field, value = row[4], row[5]
    if field == INSERT_ROW:
        field, value = _pairs(value)[seq - row[0]]
    return {"entity": row[2], "row_id": row[3], "field": field, "value": value, "hlc": row[6]}


def expand(rows: Iterable[sqlite3.Row | tuple]) -> Iterable[dict[str, Any]]:
    """Field changes of stored rows (seq, site, entity, row_id, field, value, hlc), in order."""
    for seq, site, entity, row_id, field, value, hlc in rows:
        if field != INSERT_ROW:
            yield {
                "change_id": f"{site}.{seq}",
                "entity": entity,
                "row_id": row_id,
                "field": field,
                "value": value,
                "hlc": hlc,
                "site": site,
            }
            continue
        for k, (f, v) in enumerate(_pairs(value)):
            yield {
                "change_id": f"{site}.{seq + k}",
                "entity": entity,
                "row_id": row_id,
                "field": f,
                "value": v,
                "hlc": hlc,
                "site": site,
            }


def explode(conn: sqlite3.Connection, where: str, params: Iterable[Any] = ()) -> int:
    """Turn the insert rows matching ``where`` (about change_log ``c``) into their field changes,
    each under its own seq. Returns how many insert rows were exploded."""
    params = tuple(params)
    # the pairs after the first take the seqs the insert row kept free; the first one takes
    # the insert row's own place (field '*' last, so the UPDATE finds the same rows)
    conn.execute(
        "INSERT INTO change_log (seq, entity, row_id, field, value, hlc, site, acked) "
        "SELECT c.seq + j.key, c.entity, c.row_id, j.value ->> 0, j.value ->> 1, c.hlc, c.site, "
        "c.acked FROM change_log c JOIN json_each(c.value) j "
        f"WHERE c.field = '{INSERT_ROW}' AND j.key > 0 AND ({where})",
        params,
    )
    return conn.execute(
        "UPDATE change_log AS c SET field = c.value ->> '$[0][0]', value = c.value ->> '$[0][1]', "
        f"span = 1 WHERE c.field = '{INSERT_ROW}' AND ({where})",
        params,
    ).rowcount


def explode_covering(conn: sqlite3.Connection, site: str, seqs: Iterable[int]) -> int:
    """Explode the insert rows of ``site`` that hold any of these seqs."""
    heads = set()
    for seq in set(seqs):
        row = conn.execute(
            f"SELECT seq, span FROM change_log WHERE field = '{INSERT_ROW}' AND site = ? "
            "AND seq <= ? AND seq > ? ORDER BY seq DESC LIMIT 1",
            (site, seq, seq - MAX_SPAN),
        ).fetchone()
        if row is not None and seq < row[0] + row[1]:
            heads.add(row[0])
    if not heads:
        return 0
    return explode(conn, "c.seq IN (SELECT value FROM json_each(?))", (json.dumps(sorted(heads)),))


def ack(conn: sqlite3.Connection, keys: Iterable[tuple[int, str]]) -> int:
    """Mark these field changes (seq, site) received; return how many were marked. An insert row
    the server acknowledged in part is exploded first, so that exactly those are marked."""
    by_site: dict[str, set[int]] = {}
    for seq, site in keys:
        by_site.setdefault(site, set()).add(seq)
    marked = 0
    for site, seqs in by_site.items():
        partial = []
        for head, span in conn.execute(
            f"SELECT seq, span FROM change_log WHERE field = '{INSERT_ROW}' AND site = ? "
            "AND acked = 0 AND seq BETWEEN ? AND ?",
            (site, min(seqs) - MAX_SPAN, max(seqs)),
        ).fetchall():
            held = sum(1 for s in range(head, head + span) if s in seqs)
            if 0 < held < span or (held == span and head not in seqs):
                partial.append(head)
        if partial:
            explode(conn, "c.seq IN (SELECT value FROM json_each(?))", (json.dumps(partial),))
        marked += sum(
            r[0]
            for r in conn.execute(
                "UPDATE change_log SET acked = 1 WHERE acked = 0 AND site = ? "
                "AND seq IN (SELECT value FROM json_each(?)) RETURNING span",
                (site, json.dumps(sorted(seqs))),
            ).fetchall()
        )
    return marked


@functools.cache
def insert_log_sql(entity: str, hidden: bool, known: tuple[str, ...], zeros: frozenset) -> str:
    """The change log of rows just inserted (``:ids`` their ids as a JSON array, ``:seq`` the
    first seq to take), built by SQLite from the stored rows: an insert row per row, in the
    array's order, holding a change per field with a value (a 0 in a field whose default, in
    ``zeros``, is 0 is no value) in ``known`` order (the fields this database has columns for).
    ``hidden``: ``deleted`` is the import's mark, not logged."""
    fields = [f for f in known if not (hidden and f == "deleted")]
    written = {f: f"e.{f} IS NOT NULL" + (f" AND e.{f} <> 0" if f in zeros else "") for f in fields}
    count = " + ".join(f"({w})" for w in written.values())
    pairs = " || ".join(
        f"CASE WHEN {w} THEN ',' || json_array('{f}', e.{f}) ELSE '' END"
        for f, w in written.items()
    )
    # each row's first seq: the first one free after the rows before it in the array
    return (
        "INSERT INTO change_log (seq, entity, row_id, field, value, hlc, site, span) "
        "SELECT :seq + coalesce(sum(n) OVER (ORDER BY k ROWS BETWEEN UNBOUNDED PRECEDING "
        f"AND 1 PRECEDING), 0), '{entity}', id, '{INSERT_ROW}', '[' || substr(pairs, 2) || ']', "
        "hlc, site, n FROM ("
        f"SELECT r.key AS k, e.id AS id, rc.hlc AS hlc, rc.site AS site, {count} AS n, "
        f"{pairs} AS pairs FROM json_each(:ids) r CROSS JOIN {entity} e "
        "CROSS JOIN row_clocks rc "
        f"WHERE e.id = r.value AND rc.entity = '{entity}' AND rc.row_id = r.value) "
        "WHERE n > 0"
    )
