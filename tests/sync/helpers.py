"""Helpers for the sync tests: store snapshots, fault-injecting HTTP clients."""

from __future__ import annotations

import httpx

from sync.schema_contract import SYNCED_FIELDS


def snapshot(store) -> dict:
    """{(entity, row_id, field): (value, hlc, site)} for every field with a clock.

    Uses the store's own notion of a field's clock (``Writer.clock_of``: field_clocks, else the
    row's insert clock for fields the insert logged).
    """
    out = {}
    with store.write() as w:
        keys = {tuple(r) for r in w.conn.execute("SELECT entity, row_id, field FROM field_clocks")}
        has_row_clocks = w.conn.execute(
            "SELECT 1 FROM sqlite_master WHERE name = 'row_clocks'"
        ).fetchone()
        if has_row_clocks:
            for entity, row_id in w.conn.execute("SELECT entity, row_id FROM row_clocks"):
                keys.update((entity, row_id, f) for f in SYNCED_FIELDS[entity])
        for entity, row_id, field in keys:
            clock = w.clock_of(entity, row_id, field) if hasattr(w, "clock_of") else None
            if clock is None and not hasattr(w, "clock_of"):
                clock = w.conn.execute(
                    "SELECT hlc, site FROM field_clocks WHERE entity = ? AND row_id = ? "
                    "AND field = ?",
                    (entity, row_id, field),
                ).fetchone()
            if clock is None:
                continue
            value = w.conn.execute(f"SELECT {field} FROM {entity} WHERE id = ?", (row_id,))
            out[(entity, row_id, field)] = (value.fetchone()[0], clock[0], clock[1])
    return out


def tables(store, entities=None) -> dict:
    """Every synced table, row by row."""
    out = {}
    for entity in entities or SYNCED_FIELDS:
        cols = ", ".join(("id", *SYNCED_FIELDS[entity]))
        out[entity] = [tuple(r) for r in store.query(f"SELECT {cols} FROM {entity} ORDER BY id")]
    return out


class LoseResponse:
    """Wraps a client: the request reaches the server (which commits), the response is lost."""

    def __init__(self, client, method: str = "POST", path: str = "/v1/push"):
        self.client = client
        self.method = method
        self.path = path
        self.lost = 0

    def request(self, method, url, **kw):
        resp = self.client.request(method, url, **kw)
        if method == self.method and str(url).endswith(self.path):
            self.lost += 1
            raise httpx.ReadError("connection reset after the server answered")
        return resp


class Down:
    """A client whose server is unreachable."""

    def request(self, method, url, **kw):
        raise httpx.ConnectError("connection refused")
