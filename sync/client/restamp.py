"""Re-stamping unsent changes after the server refused them for clock skew.

The server never rewrites a clock, so the laptop does. Every clock reading of this site beyond
what the server accepts (they can only belong to unsent changes: the server refused them) is
mapped to a fresh reading, in the same order, just above the greatest legitimate clock this
laptop holds (its own earlier edits and every value it had pulled): so an edit keeps its place
after everything its author had seen, and an edit made while the clock was a day ahead does not
leap over the team's later edits it never saw. The mapping is applied to ``changes``,
``field_clocks`` and, where the store keeps per-row insert clocks, ``row_clocks`` -- so one
write's fields keep sharing one clock.
The store's clock is replaced by the restarted one: otherwise every later local write would again
be stamped with the year-ahead reading the old clock remembers.
"""

from __future__ import annotations

import json

from sync.hlc import MAX_COUNTER, decode, encode

CLOCK_TABLES = ("change_log", "field_clocks", "row_clocks")


def physical_ms(store) -> int:
    """The PC's wall clock as the store's clock reads it (tests inject a fake one)."""
    return store.clock.physical_ms()


def _tables(conn) -> list[str]:
    have = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return [t for t in CLOCK_TABLES if t in have]


def restamp(
    store, *, accept_until_ms: int, floor_hlc: str | None, shift_ms: int | None = None
) -> int:
    """Re-stamp this site's clock readings past ``accept_until_ms``; return the changes touched.

    ``floor_hlc`` (the greatest clock the team has accepted) only bounds the restarted clock
    from below for later writes; the re-stamped readings themselves follow this laptop's own
    greatest legitimate clock, counter by counter, so their order is kept exactly.
    ``shift_ms`` (the PC clock's measured lead over the server's): each unsent reading is moved
    back by it, to the server's time of the edit, and still kept after every legitimate clock
    this laptop holds and in its order (an edit made with a fast clock before the laptop first
    met the server then loses to a teammate's later edit, and beats an earlier one).
    """
    limit = encode(accept_until_ms, MAX_COUNTER)
    site = store.site_id
    with store.write() as w:
        conn = w.conn
        tables = _tables(conn)
        skewed: set[str] = set()
        legit = []
        for t in tables:
            if shift_ms is None or t == "change_log":
                # Shifting: only readings of changes the server has not acknowledged (an
                # acknowledged one is the team's already, whatever its clock).
                only_unsent = " AND acked != 1" if shift_ms is not None else ""
                skewed.update(
                    r[0]
                    for r in conn.execute(
                        f"SELECT DISTINCT hlc FROM {t} WHERE hlc > ? AND site = ?{only_unsent}",
                        (limit, site),
                    )
                )
            legit.append(
                conn.execute(f"SELECT max(hlc) FROM {t} WHERE hlc <= ?", (limit,)).fetchone()[0]
            )
        base = max(h for h in (*legit, encode(0, 0)) if h)
        wall, counter = decode(base)
        mapping = []
        for hlc in sorted(skewed):
            counter += 1
            if counter > MAX_COUNTER:
                wall, counter = wall + 1, 0
            if shift_ms is not None:
                w_old, c_old = decode(hlc)
                wall, counter = max((wall, counter), (w_old - shift_ms, c_old))
            mapping.append((encode(wall, counter), hlc, site))
        last = mapping[-1][0] if mapping else base
        clock = store.reset_clock(max(last, floor_hlc or last) if floor_hlc else last)
        # the field changes re-stamped (an insert row is as many as its span)
        touched = conn.execute(
            "SELECT coalesce(sum(span), 0) FROM change_log WHERE site = ? "
            "AND hlc IN (SELECT value FROM json_each(?))",
            (site, json.dumps([old for _new, old, _site in mapping])),
        ).fetchone()[0]
        for t in tables:
            conn.executemany(f"UPDATE {t} SET hlc = ? WHERE hlc = ? AND site = ?", mapping)
        # This transaction stamps with the restarted clock too (Store.write saves its last()).
        w.clock = clock
        return touched
