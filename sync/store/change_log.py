"""The local change log as stored: one row per changed field, or one row per inserted row.

Sync works with field changes (``<site>.<seq>``, entity, row_id, field, value, hlc): that is what
the ``changes`` view shows, what the outbox sends and what the server acknowledges. An import
inserts tens of thousands of rows with some twenty fields each, and writing twenty log rows per
row (each repeating the row id, clock and site) was a fifth of a 20,000-row import and half of
the database. So an inserted row is logged as one *insert row*: field ``'*'``, value a JSON
array of the row's values in the order of its ``layout`` (``change_layouts``: the fields the
table had), null where a field holds none, ``span`` the number of the others. It stands for the
field changes ``seq .. seq + span - 1`` (the values that are not null, in order), whose seqs it
keeps free; every field change in it shares the row's clock, site and ``acked``.

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


def layouts(query: Query) -> dict[int, tuple[str, ...]]:
    """Layout id -> the fields its insert rows' values are in (a handful in any database)."""
    return {i: tuple(json.loads(f)) for i, f in query("SELECT id, fields FROM change_layouts", ())}


def layout_id(conn: sqlite3.Connection, fields: Iterable[str]) -> int:
    """The id of this field layout, stored the first time it is used."""
    key = json.dumps(list(fields))
    conn.execute("INSERT OR IGNORE INTO change_layouts (fields) VALUES (?)", (key,))
    return conn.execute("SELECT id FROM change_layouts WHERE fields = ?", (key,)).fetchone()[0]


def _changes(seq: int, value: str, fields: tuple[str, ...]) -> Iterable[tuple[int, str, Any]]:
    """(seq, field, value) of each change an insert row holds: its values that are not null, in
    its layout's field order, seq after seq."""
    k = seq
    for f, v in zip(fields, json.loads(value), strict=True):
        if v is not None:
            yield k, f, v
            k += 1


def change_at(query: Query, site: str, seq: int) -> dict[str, Any] | None:
    """The field change ``<site>.<seq>`` (entity, row_id, field, value, hlc), or None."""
    rows = query(
        "SELECT seq, site, entity, row_id, field, value, hlc, span, layout FROM change_log "
        "WHERE seq <= ? ORDER BY seq DESC LIMIT 1",
        (seq,),
    )
    row = rows[0] if rows else None
    if row is None or row[1] != site or seq >= row[0] + row[7]:
        return None
    field, value = row[4], row[5]
    if field == INSERT_ROW:
        fields = layouts(query)[row[8]]
        field, value = next((f, v) for k, f, v in _changes(row[0], value, fields) if k == seq)
    return {"entity": row[2], "row_id": row[3], "field": field, "value": value, "hlc": row[6]}


def expand(
    rows: Iterable[sqlite3.Row | tuple], fields_of: dict[int, tuple[str, ...]]
) -> Iterable[dict[str, Any]]:
    """Field changes of stored rows (seq, site, entity, row_id, field, value, hlc, layout), in
    order; ``fields_of``: ``layouts()``."""
    for seq, site, entity, row_id, field, value, hlc, layout in rows:
        changes = (
            ((seq, field, value),)
            if field != INSERT_ROW
            else _changes(seq, value, fields_of[layout])
        )
        for k, f, v in changes:
            yield {
                "change_id": f"{site}.{k}",
                "entity": entity,
                "row_id": row_id,
                "field": f,
                "value": v,
                "hlc": hlc,
                "site": site,
            }


def explode(conn: sqlite3.Connection, where: str, params: Iterable[Any] = ()) -> int:
    """Turn the insert rows matching ``where`` (about change_log ``c``) into their field changes,
    each under its own seq (the first one in the insert row's place, the others in the seqs it
    kept free). Returns how many insert rows were exploded."""
    heads = conn.execute(
        "SELECT seq, entity, row_id, value, hlc, site, acked, layout FROM change_log c "
        f"WHERE c.field = '{INSERT_ROW}' AND ({where})",
        tuple(params),
    ).fetchall()
    if not heads:
        return 0
    fields_of = layouts(lambda sql, p: conn.execute(sql, p).fetchall())
    rows = [
        (k, entity, row_id, f, v, hlc, site, acked)
        for seq, entity, row_id, value, hlc, site, acked, layout in heads
        for k, f, v in _changes(seq, value, fields_of[layout])
    ]
    conn.execute(
        "DELETE FROM change_log WHERE seq IN (SELECT value FROM json_each(?))",
        (json.dumps([h[0] for h in heads]),),
    )
    conn.executemany(
        "INSERT INTO change_log (seq, entity, row_id, field, value, hlc, site, acked) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    return len(heads)


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
def insert_log_sql(
    entity: str, fields: tuple[str, ...], zeros: frozenset, *, by_rowid: bool = False
) -> str:
    """The change log of rows just inserted (``:ids`` their ids as a JSON array, ``:seq`` the
    first seq to take, ``:layout`` the id of ``fields``), built by SQLite from the stored rows:
    an insert row per row, in the array's order, holding the row's value of each of ``fields``,
    null where the field holds none (NULL, or 0 in a field whose default is 0: in ``zeros``).
    ``by_rowid``: the rows are the ones with rowids ``:lo`` to ``:hi``, inserted in that order
    by one statement (read in one pass over the table, not looked up by id one by one)."""
    values = [f"CASE WHEN e.{f} <> 0 THEN e.{f} END" if f in zeros else f"e.{f}" for f in fields]
    count = " + ".join(f"({v} IS NOT NULL)" for v in values)
    # the row's key (its order), id, insert clock, how many values it holds and the values
    columns = (
        f"e.id AS id, rc.hlc AS hlc, rc.site AS site, {count} AS n, "
        f"json_array({', '.join(values)}) AS vals"
    )
    clock = f"rc.entity = '{entity}' AND rc.row_id = e.id"
    if by_rowid:
        rows = (
            f"SELECT e.rowid AS k, {columns} FROM {entity} e CROSS JOIN row_clocks rc "
            f"WHERE e.rowid BETWEEN :lo AND :hi AND {clock}"
        )
    else:
        rows = (
            f"SELECT r.key AS k, {columns} FROM json_each(:ids) r "
            f"CROSS JOIN {entity} e CROSS JOIN row_clocks rc WHERE e.id = r.value AND {clock}"
        )
    # each row's first seq: the first one free after the rows before it in the array
    return (
        "INSERT INTO change_log (seq, entity, row_id, field, value, hlc, site, span, layout) "
        "SELECT :seq + coalesce(sum(n) OVER (ORDER BY k ROWS BETWEEN UNBOUNDED PRECEDING "
        f"AND 1 PRECEDING), 0), '{entity}', id, '{INSERT_ROW}', vals, hlc, site, n, :layout "
        f"FROM ({rows}) WHERE n > 0"
    )
