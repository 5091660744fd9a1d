"""Helpers for the sync tests: store snapshots, fault-injecting HTTP clients."""

from __future__ import annotations

import httpx

from sync.schema_contract import SYNCED_FIELDS


def snapshot(store) -> dict:
    """{(entity, row_id, field): (value, hlc, site)} for every field with a clock."""
    out = {}
    for entity, row_id, field, hlc, site in store.query(
        "SELECT entity, row_id, field, hlc, site FROM field_clocks"
    ):
        value = store.query(f"SELECT {field} FROM {entity} WHERE id = ?", (row_id,))[0][0]
        out[(entity, row_id, field)] = (value, hlc, site)
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
