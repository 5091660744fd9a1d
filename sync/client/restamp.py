"""Re-stamping unsent changes after the server refused them for clock skew.

The server never rewrites a clock, so the laptop does. Every clock reading of this site beyond
what the server accepts (they can only belong to unsent changes: the server refused them) is
mapped to a fresh reading, in the same order, from a clock restarted just above everything the
team has accepted; the mapping is applied to ``changes``, ``field_clocks`` and, where the store
keeps per-row insert clocks, ``row_clocks`` -- so one write's fields keep sharing one clock.
The store's clock is replaced by the restarted one: otherwise every later local write would again
be stamped with the year-ahead reading the old clock remembers.
"""

from __future__ import annotations

from sync.hlc import MAX_COUNTER, encode

CLOCK_TABLES = ("changes", "field_clocks", "row_clocks")


def physical_ms(store) -> int:
    """The PC's wall clock as the store's clock reads it (tests inject a fake one)."""
    return store.clock.physical_ms()


def _tables(conn) -> list[str]:
    have = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return [t for t in CLOCK_TABLES if t in have]


def restamp(store, *, accept_until_ms: int, floor_hlc: str | None) -> int:
    """Re-stamp this site's clock readings past ``accept_until_ms``; return the changes touched.

    ``floor_hlc`` is the greatest clock the server has accepted for the team: new stamps order
    after it (and after every legitimate clock in the local store), so a re-stamped change can
    never lose to a value this laptop has already pulled past.
    """
    limit = encode(accept_until_ms, MAX_COUNTER)
    site = store.site_id
    with store.write() as w:
        conn = w.conn
        tables = _tables(conn)
        skewed: set[str] = set()
        legit = []
        for t in tables:
            skewed.update(
                r[0]
                for r in conn.execute(
                    f"SELECT DISTINCT hlc FROM {t} WHERE hlc > ? AND site = ?", (limit, site)
                )
            )
            legit.append(
                conn.execute(f"SELECT max(hlc) FROM {t} WHERE hlc <= ?", (limit,)).fetchone()[0]
            )
        base = max(h for h in (floor_hlc, *legit, encode(0, 0)) if h)
        clock = store.reset_clock(base)
        mapping = [(clock.now(), hlc, site) for hlc in sorted(skewed)]
        touched = 0
        for t in tables:
            cur = conn.executemany(f"UPDATE {t} SET hlc = ? WHERE hlc = ? AND site = ?", mapping)
            if t == "changes":
                touched = cur.rowcount
        # This transaction stamps with the restarted clock too (Store.write saves its last()).
        w.clock = clock
        return touched
