"""The server merges in SQL (a winners upsert, batches reduced per field): it must agree exactly
with the one merge rule, ``sync.merge.wins``, on SQLite and on PostgreSQL (whatever the
database's collation), count applied changes and duplicates as before, and keep every value's
JSON exactly. Also: gzip request bodies, and the push validation that now runs on plain dicts."""

from __future__ import annotations

import gzip
import json
import uuid
import zlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sync.hlc import encode
from sync.merge import wins
from sync.server import service
from sync.server.db import make_engine, migrate
from sync.server.users import add_user, authenticate
from tests.sync.conftest import make_server

# Few rows and fields, few clocks and sites (ties on hlc and site are likely), sites whose
# code-point order differs from a natural-language collation's, and values of every JSON type.
SITES = ["a-b", "ab", "aB", "Ab", "b", "é", "e", "z", "日本", "Ｚ"]
VALUES = ["x", "", '日本語 "q" \\ \n', 0, -1, 2**53 + 1, 1.5, 1e20, -0.0, True, False, None]
HLCS = [encode(1_700_000_000_000 + w, n) for w in (0, 1) for n in (0, 1)]  # ties are likely
changes = st.lists(
    st.fixed_dictionaries(
        {
            "change_id": st.sampled_from([f"c{i}" for i in range(25)]),
            "row_id": st.sampled_from(["r1", "r2"]),
            "field": st.sampled_from(["name", "name_kana"]),
            "value": st.sampled_from(VALUES),
            "hlc": st.sampled_from(HLCS),
            "site": st.sampled_from(SITES),
        }
    ).map(lambda c: {**c, "entity": "companies"}),
    max_size=12,
)


def _model_push(state: dict, known: set, batch: list[dict]) -> tuple[int, int]:
    """The reference: the server's documented semantics with ``wins``, one change at a time."""
    seen, fresh = set(), []
    for c in batch:
        if c["change_id"] not in seen:
            seen.add(c["change_id"])
            if c["change_id"] not in known:
                fresh.append(c)
    changed = set()
    for c in fresh:
        known.add(c["change_id"])
        key = (c["entity"], c["row_id"], c["field"])
        cur = state.get(key)
        if wins(c["hlc"], c["site"], cur[1] if cur else None, cur[2] if cur else None):
            state[key] = (c["value"], c["hlc"], c["site"])
            changed.add(key)
    return len(seen) - len(fresh), len(changed)


def _winners(engine, team_id: int) -> dict:
    with engine.connect() as conn:
        rows = conn.exec_driver_sql(
            f"SELECT entity, row_id, field, value, hlc, site FROM winners WHERE team_id = {int(team_id)}"
        ).all()
    return {(e, r, f): (None if v is None else json.loads(v), h, s) for e, r, f, v, h, s in rows}


def _as_replicas(batches: list[list[dict]], prefix: str) -> list[list[dict]]:
    """Give each change the identity a laptop gives it: a site of this test's user (a replica id
    belongs to one user) and a change id '<site>.<n>' that names one content (the server refuses
    a change id it holds with other content). A common prefix keeps the sites' order."""
    out = []
    for batch in batches:
        items = []
        for c in batch:
            site = prefix + c["site"]
            content = repr((c["change_id"], c["row_id"], c["field"], c["value"], c["hlc"], site))
            items.append({**c, "site": site, "change_id": f"{site}.{zlib.crc32(content.encode())}"})
        out.append(items)
    return out


def _check_agrees_with_wins(engine, batches: list[list[dict]]) -> None:
    token = add_user(engine, f"T{uuid.uuid4().hex[:8]}", "rep", "rep")
    with engine.connect() as conn:
        user = authenticate(conn, token)
    batches = _as_replicas(batches, f"u{uuid.uuid4().hex[:8]}-")
    state: dict = {}
    known: set = set()
    for batch in batches:
        duplicates, applied = _model_push(state, known, batch)
        result = service.push(engine, user, batch, max_skew_ms=10**15)
        assert (result.duplicates, result.applied) == (duplicates, applied)
        assert sorted(result.acked) == sorted({c["change_id"] for c in batch})
    got = _winners(engine, user.team_id)
    assert got == state
    # The exact types survive too (1.5 stays a float, True stays a bool, 0 stays an int).
    assert {k: type(v[0]) for k, v in got.items()} == {k: type(v[0]) for k, v in state.items()}


@pytest.fixture(scope="module")
def sqlite_engine(tmp_path_factory):
    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('merge') / 'server.db'}")
    migrate(engine)
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def pg_engine(pg_cluster):
    from tests.sync.conftest import create_pg_database

    engine = make_engine(create_pg_database(pg_cluster))
    migrate(engine)
    # A natural-language default collation, as on many real servers: the merge must not use it.
    with engine.begin() as conn:
        collations = {
            r[0]
            for r in conn.exec_driver_sql(
                "SELECT collname FROM pg_collation WHERE collname IN ('en-US-x-icu', 'en_US.utf8')"
            )
        }
        for name in sorted(collations)[:1]:
            for table in ("winners", "changes"):
                for col in ("hlc", "site"):
                    conn.exec_driver_sql(
                        f'ALTER TABLE {table} ALTER COLUMN {col} TYPE varchar COLLATE "{name}"'
                    )
    yield engine
    engine.dispose()


@given(st.lists(changes, min_size=1, max_size=4))
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
def test_sqlite_merge_agrees_with_wins(sqlite_engine, batches):
    _check_agrees_with_wins(sqlite_engine, batches)


@given(st.lists(changes, min_size=1, max_size=4))
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_postgresql_merge_agrees_with_wins(pg_engine, batches):
    _check_agrees_with_wins(pg_engine, batches)


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_ties_on_the_clock_are_broken_by_site_in_code_point_order(backend, request):
    engine = request.getfixturevalue(f"{'pg' if backend == 'postgresql' else 'sqlite'}_engine")
    h = encode(1_700_000_000_000, 0)
    pairs = [("ab", "Ab"), ("é", "z"), ("a-b", "ab"), ("日本", "Ｚ")]
    batches = []
    for k, (s1, s2) in enumerate(pairs):
        one = {"entity": "companies", "row_id": f"r{k}", "field": "name", "hlc": h}
        # the two orders, in one batch and across batches
        batches.append([{**one, "change_id": f"a{k}", "site": s1, "value": s1}])
        batches.append([{**one, "change_id": f"b{k}", "site": s2, "value": s2}])
        one = {**one, "row_id": f"q{k}"}
        batches.append(
            [
                {**one, "change_id": f"c{k}", "site": s2, "value": s2},
                {**one, "change_id": f"d{k}", "site": s1, "value": s1},
            ]
        )
    _check_agrees_with_wins(engine, batches)


def _change(cid="c1", **kw):
    return {
        "change_id": cid,
        "entity": "companies",
        "row_id": "row-1",
        "field": "name",
        "value": "トヨタ",
        "hlc": encode(service.now_ms(), 0),
        "site": "s1",
        **kw,
    }


def test_gzip_push_bodies_and_their_limits(tmp_path):
    srv = make_server(f"sqlite:///{tmp_path / 's.db'}", max_body_bytes=20_000)
    token = srv.add_user("A")
    auth = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    body = json.dumps({"changes": [_change(f"c{i}", row_id=f"r{i}") for i in range(50)]})
    resp = srv.client.post(
        "/v1/push",
        content=gzip.compress(body.encode()),
        headers={**auth, "Content-Encoding": "gzip"},
    )
    assert resp.status_code == 200, resp.text
    assert resp.json()["applied"] == 50
    # The decoded size counts against the limit: no zip bombs.
    bomb = gzip.compress(json.dumps({"changes": [_change(value="x" * 100_000)]}).encode())
    assert len(bomb) < 20_000
    resp = srv.client.post("/v1/push", content=bomb, headers={**auth, "Content-Encoding": "gzip"})
    assert resp.status_code == 413
    resp = srv.client.post(
        "/v1/push", content=b"not gzip", headers={**auth, "Content-Encoding": "gzip"}
    )
    assert resp.status_code == 400 and resp.json()["error"]["code"] == "bad_encoding"
    resp = srv.client.post("/v1/push", content=body, headers={**auth, "Content-Encoding": "br"})
    assert resp.status_code == 415
    assert srv.client.get("/v1/version").json()["request_encodings"] == ["gzip"]
    # Several gzip members (as `cat a.gz b.gz` makes) are one body: none is ignored.
    half = len(body) // 2
    two = gzip.compress(body[:half].encode()) + gzip.compress(body[half:].encode())
    resp = srv.client.post("/v1/push", content=two, headers={**auth, "Content-Encoding": "gzip"})
    assert resp.status_code == 200, resp.text
    assert len(resp.json()["acked"]) == 50
    truncated = two[:-10]
    resp = srv.client.post(
        "/v1/push", content=truncated, headers={**auth, "Content-Encoding": "gzip"}
    )
    assert resp.status_code == 400
    srv.engine.dispose()


@pytest.mark.parametrize(
    "bad",
    [
        {"hlc": "１７００００００００００００.00000"},  # fullwidth digits: not time-ordered
        {"value": [1]},
        {"extra": 1},
    ],
)
def test_push_validation_on_plain_dicts(server, bad):
    token = server.add_user("A")
    resp = server.client.post(
        "/v1/push",
        json={"changes": [{**_change(), **bad}]},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert resp.status_code == 422
    assert resp.json()["error"]["code"] == "invalid_request"
    assert resp.json()["error"]["detail"][0]["loc"][:3] == ["body", "changes", "0"]
    assert server.winners() == {}


def test_nan_and_infinity_refused(server):
    token = server.add_user("A")
    for literal in (b"NaN", b"Infinity", b"1e999"):
        body = (
            json.dumps({"changes": [_change(value=0)]}, separators=(",", ":"))
            .encode()
            .replace(b'"value":0', b'"value":' + literal)
        )
        resp = server.client.post(
            "/v1/push",
            content=body,
            headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        )
        assert resp.status_code == 422, (literal, resp.text)
    assert server.winners() == {}
