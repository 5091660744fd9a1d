"""Replica identity: what this database has stamped, and a new id when it turns out to be a copy.

A change id is ``<replica>.<seq>``. The server remembers, per replica, the last change it holds.
If it holds one this database never made (a greater seq, or the same seq with another clock),
this file is a restored backup, a copy or a cloned disk: ``reissue`` gives it a new replica id and
moves its unsent changes under it, in their order, so they can never be taken for the other
copy's (and sends again, under it, the values of its acknowledged ones: on a restored server the
other copy may hold those ids now). If the server holds fewer than were acknowledged (the server was restored from a
backup), ``unack_after`` puts the missing ones back in the outbox.
"""

from __future__ import annotations

import re
import secrets

from sync.store import change_log
from sync.store.ids import new_id

_HEX16 = re.compile(r"[0-9a-f]{16}")


def new_replica_id(after: str | None = None) -> str:
    """16 random hex digits; with ``after``, an id that sorts after it.

    A re-issued id relabels this database's acknowledged values (same clock, new site), and
    laptops that pulled them under the old id keep that label unless the new one beats it in
    the merge rule's tie-break on the site: so the new id must be the greater."""
    if after is None:
        return new_id().replace("-", "")[-16:]
    if _HEX16.fullmatch(after) and after != "f" * 16:
        low = int(after, 16) + 1
        return f"{low + secrets.randbelow(2**64 - low):016x}"
    for _ in range(64):  # an id of another shape (an older Genba's): draw until greater
        new = new_id().replace("-", "")[-16:]
        if new > after:
            return new
    return after[:48] + new_id().replace("-", "")[-16:]  # a longer id with it as prefix


def last_stamped(store, site: str) -> tuple[int, str | None]:
    """(greatest seq, its clock) this database stamped as ``site``; (0, None) when none."""
    return change_log.last_seq(store.query, site)


def is_copy(
    store, server_seq: int, server_hlc: str | None, server_change: dict | None = None
) -> bool:
    """True when the server holds a change of our replica id that this database never made:
    another clock at that seq, or (two copies that stamped it in the same millisecond carry the
    same clock) another row or field, when the server says what the change wrote."""
    if not server_seq:
        return False
    ours, _ = last_stamped(store, store.site_id)
    if server_seq > ours:
        return True
    change = change_log.change_at(store.query, store.site_id, server_seq)
    mine = (
        (change["hlc"], change["entity"], change["row_id"], change["field"])
        if change
        else (None, None, None, None)
    )
    if server_hlc is not None and mine[0] != server_hlc:
        return True
    if server_change:
        theirs = (server_change["entity"], server_change["row_id"], server_change["field"])
        return tuple(mine[1:]) != theirs
    return False


# The change ``c`` is the clock of its field's current value (field_clocks, else the row's
# insert clock when no field clock overrides it).
_CURRENT = """(
  EXISTS (SELECT 1 FROM field_clocks f WHERE f.entity = c.entity AND f.row_id = c.row_id
          AND f.field = c.field AND f.hlc = c.hlc AND f.site = c.site)
  OR (NOT EXISTS (SELECT 1 FROM field_clocks f WHERE f.entity = c.entity
                  AND f.row_id = c.row_id AND f.field = c.field)
      AND EXISTS (SELECT 1 FROM row_clocks r WHERE r.entity = c.entity AND r.row_id = c.row_id
                  AND r.hlc = c.hlc AND r.site = c.site)))"""


def reissue(store) -> str:
    """A new replica id for this database; unsent changes move under it (same seq, same order).

    A field whose current clock is one of those changes gets the new id too, so this laptop and
    the server agree on the (hlc, site) of every value; the new id sorts after the old one, so
    a teammate who holds such a value under the old id takes the relabelled one (a restored
    server may have given the old label to the other copy's change). Pull cursors are dropped: the next sync
    re-reads the team, which the merge rule makes harmless, and settles any value this copy and
    the other one both claim."""
    old = store.site_id
    new = new_replica_id(after=old)
    with store.write() as w:
        conn = w.conn
        # What the server acknowledged under the old id may be gone from it (the other copy's
        # changes took those ids on a restored server): every value this database still holds
        # from its own acknowledged changes is sent again under the new id. Superseded ones need
        # not be: a greater clock already holds their field.
        # (per field: the acknowledged insert rows become their field changes first)
        change_log.explode(conn, "c.acked = 1 AND c.site = ?", (old,))
        conn.execute(
            f"UPDATE change_log SET acked = 0 WHERE acked = 1 AND site = ? AND seq IN ("
            f"SELECT c.seq FROM change_log c WHERE c.acked = 1 AND c.site = ? AND {_CURRENT})",
            (old, old),
        )
        conn.execute(
            "INSERT OR REPLACE INTO field_clocks (entity, row_id, field, hlc, site) "
            f"SELECT c.entity, c.row_id, c.field, c.hlc, ? FROM changes c "
            f"WHERE c.acked = 0 AND {_CURRENT}",
            (new,),
        )
        conn.execute("UPDATE change_log SET site = ? WHERE acked = 0", (new,))
        conn.execute("DELETE FROM meta WHERE key LIKE 'pull_cursor%'")
        w.set_meta("site_id", new)
        w.site = new
    store.site_id = new
    return new


def unack_after(store, site: str, server_seq: int) -> int:
    """The server lost acknowledged changes (restored from a backup): send them again."""
    with store.write() as w:
        # an insert row the server holds only the first fields of is split at that seq
        change_log.explode_covering(w.conn, site, (server_seq + 1,))
        return sum(
            r[0]
            for r in w.conn.execute(
                "UPDATE change_log SET acked = 0 WHERE site = ? AND seq > ? AND acked = 1 "
                "RETURNING span",
                (site, server_seq),
            ).fetchall()
        )
