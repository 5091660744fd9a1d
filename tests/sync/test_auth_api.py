"""Auth, team isolation, allow-list, roles, limits and blobs through the HTTP API."""

from __future__ import annotations

import hashlib

import pytest

from resources.messages import in_language
from sync.client import AuthError, ReadOnlyError, sync_once
from sync.hlc import encode
from sync.server.service import now_ms


def H(token):
    return {"Authorization": f"Bearer {token}"}


def change(
    cid="c1", entity="companies", row="row-1", field="name", value="トヨタ", hlc=None, site="s1"
):
    return {
        "change_id": cid,
        "entity": entity,
        "row_id": row,
        "field": field,
        "value": value,
        "hlc": hlc or encode(now_ms(), 0),
        "site": site,
    }


def push(server, token, *changes):
    return server.client.post("/v1/push", json={"changes": list(changes)}, headers=H(token))


def test_health_ready_version(server):
    assert server.client.get("/healthz").json() == {"status": "ok"}
    ready = server.client.get("/readyz")
    assert ready.status_code == 200 and ready.json()["status"] == "ready"
    v = server.client.get("/v1/version").json()
    assert v["protocol"] == 1 and "companies" in v["entities"]
    assert server.client.get("/openapi.json").status_code == 200


def test_readyz_refuses_an_unmigrated_database(tmp_path):
    from fastapi.testclient import TestClient

    from sync.server.app import create_app
    from sync.server.db import make_engine
    from sync.server.settings import ServerSettings

    engine = make_engine(f"sqlite:///{tmp_path / 'empty.db'}")
    client = TestClient(create_app(ServerSettings(data_dir=tmp_path), engine=engine))
    resp = client.get("/readyz")
    assert resp.status_code == 503 and resp.json()["error"]["code"] == "not_migrated"


@pytest.mark.parametrize(
    "headers,code",
    [
        ({}, "missing_token"),
        ({"Authorization": "Bearer nope"}, "invalid_token"),
        ({"Authorization": "Basic abc"}, "missing_token"),
    ],
)
def test_missing_or_wrong_token(server, headers, code):
    resp = server.client.get("/v1/pull", headers=headers)
    assert resp.status_code == 401
    assert resp.json()["error"]["code"] == code


def test_revoked_token_refused_and_client_says_so(server, make_store):
    from sync.server.users import revoke_user

    token = server.add_user("A", "taro")
    assert server.client.get("/v1/pull", headers=H(token)).status_code == 200
    revoke_user(server.engine, "taro", "A")
    resp = server.client.get("/v1/pull", headers=H(token))
    assert resp.status_code == 401 and resp.json()["error"]["code"] == "token_revoked"
    store = make_store()
    with store.write() as w:
        w.insert("companies", {"name": "X"})
    with pytest.raises(AuthError) as err:
        sync_once(store, server.url, token, client=server.client)
    assert "無効" in str(err.value) and "トークン" in str(err.value)
    assert "revoked" in in_language(err.value.message, "en")
    assert store.pending_count() == 1  # nothing lost


def test_wrong_token_client_error(server, make_store):
    with pytest.raises(AuthError, match="新しいトークン"):
        sync_once(make_store(), server.url, "wrong", client=server.client)


def test_team_comes_from_token_other_teams_rows_invisible_and_unwritable(server):
    a, b = server.add_user("A"), server.add_user("B")
    assert push(server, a, change("a1", row="acme")).json()["applied"] == 1
    # B sees nothing of A
    assert server.client.get("/v1/pull", headers=H(b)).json()["changes"] == []
    # B writing the same row id (a natural id: the same customer) writes B's own copy only:
    # A's value is untouched and A never sees B's.
    later = encode(now_ms() + 1000, 0)
    body = push(server, b, change("b1", row="acme", value="乗っ取り", hlc=later, site="sb")).json()
    assert body["applied"] == 1 and body["rejected"] == []
    pulled = server.client.get("/v1/pull", headers=H(a)).json()["changes"]
    assert [c["value"] for c in pulled] == ["トヨタ"]
    pulled_b = server.client.get("/v1/pull", headers=H(b)).json()["changes"]
    assert [(c["row_id"], c["value"]) for c in pulled_b] == [("acme", "乗っ取り")]
    # a request cannot choose its team
    resp = server.client.post(
        "/v1/push", json={"changes": [change("b3")], "team": "A"}, headers=H(b)
    )
    assert resp.status_code == 422


def test_viewer_reads_but_never_writes(server, make_store):
    rep, viewer = server.add_user("A"), server.add_user("A", role="viewer")
    push(server, rep, change("r1"))
    resp = push(server, viewer, change("v1", row="row-2"))
    assert resp.status_code == 403 and resp.json()["error"]["code"] == "read_only"
    data = b"hello"
    sha = hashlib.sha256(data).hexdigest()
    assert server.client.put(f"/v1/blobs/{sha}", content=data, headers=H(viewer)).status_code == 403
    store = make_store()
    with store.write() as w:
        w.insert("companies", {"name": "local"})
    with pytest.raises(ReadOnlyError):
        sync_once(store, server.url, viewer, client=server.client)
    assert store.query("SELECT count(*) FROM companies WHERE name = 'トヨタ'")[0][0] == 1  # pulled
    assert store.pending_count() == 1  # kept


@pytest.mark.parametrize(
    "bad",
    [
        {"entity": "users"},
        {"entity": "sources", "field": "path"},
        {"field": "token_hash"},
        {"field": "id"},
        {"entity": "companies; DROP TABLE winners"},
    ],
)
def test_forged_entity_or_field_refused_alone(server, bad):
    """A change outside the allow-list is refused by itself; the rest of the push goes through."""
    token = server.add_user("A")
    resp = push(server, token, {**change(), **bad}, change("s1.2", row="row-2"))
    assert resp.status_code == 200
    body = resp.json()
    assert [r["code"] for r in body["rejected"]] == ["unknown_field"]
    assert body["acked"] == ["s1.2"]
    assert set(server.winners()) == {("companies", "row-2", "name")}


@pytest.mark.parametrize("bad", [{"hlc": "yesterday"}, {"value": {"nested": 1}}])
def test_malformed_payload_refused(server, bad):
    token = server.add_user("A")
    resp = push(server, token, {**change(), **bad})
    assert resp.status_code == 422
    assert server.winners() == {}


def test_skewed_clock_refused_with_a_structured_error(server):
    token = server.add_user("A")
    ahead = encode(now_ms() + 3600_000, 0)
    resp = push(server, token, change(hlc=ahead), change("c2", hlc=encode(now_ms(), 0)))
    assert resp.status_code == 409
    err = resp.json()["error"]
    assert err["code"] == "clock_skew" and err["skewed"] == 1 and err["ahead_ms"] > 3500_000
    assert {"server_time_ms", "max_skew_ms", "team_max_hlc"} <= err.keys()
    assert server.winners() == {}  # the whole push was refused


def test_push_is_idempotent_and_merges(server):
    token = server.add_user("A")
    t = now_ms()
    first = push(
        server,
        token,
        change("c1", value="old", hlc=encode(t, 0)),
        change("c2", value="new", hlc=encode(t, 1)),
        change("c1"),
    ).json()
    assert first["applied"] == 1 and sorted(first["acked"]) == ["c1", "c2"]
    again = push(server, token, change("c1", value="old", hlc=encode(t, 0))).json()
    assert again == {**again, "acked": ["c1"], "duplicates": 1, "applied": 0}
    stale = push(server, token, change("c3", value="stale", hlc=encode(t - 10, 0))).json()
    assert stale["applied"] == 0 and stale["acked"] == ["c3"]
    assert server.winners()[("companies", "row-1", "name")][0] == "new"


def test_pull_pages_and_cursor(server):
    token = server.add_user("A")
    t = now_ms()
    push(server, token, *[change(f"c{i}", row=f"r{i}", hlc=encode(t, i)) for i in range(10)])
    seen, after = [], 0
    while True:
        page = server.client.get(
            "/v1/pull", params={"after": after, "limit": 3}, headers=H(token)
        ).json()
        seen += [c["row_id"] for c in page["changes"]]
        assert all(c["seq"] > after for c in page["changes"])
        after = page["next"]
        if not page["has_more"]:
            break
    assert seen == [f"r{i}" for i in range(10)]
    assert page["last_seq"] >= 10


def test_request_size_limits(tmp_path):
    from tests.sync.conftest import make_server

    srv = make_server(
        f"sqlite:///{tmp_path / 's.db'}",
        max_body_bytes=2000,
        max_blob_bytes=100,
        max_push_changes=3,
    )
    token = srv.add_user("A")
    big = push(srv, token, change(value="x" * 5000))
    assert big.status_code == 413 and big.json()["error"]["code"] == "request_too_large"
    many = push(srv, token, *[change(f"c{i}") for i in range(4)])
    assert many.status_code == 413
    data = b"y" * 200
    sha = hashlib.sha256(data).hexdigest()
    assert srv.client.put(f"/v1/blobs/{sha}", content=data, headers=H(token)).status_code == 413


def test_blobs_verify_hash_and_are_per_team(server):
    a, b = server.add_user("A"), server.add_user("B")
    data = "見積書".encode() * 10
    sha = hashlib.sha256(data).hexdigest()
    assert server.client.head(f"/v1/blobs/{sha}", headers=H(a)).status_code == 404
    bad = server.client.put(f"/v1/blobs/{'0' * 64}", content=data, headers=H(a))
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "hash_mismatch"
    assert server.client.put(f"/v1/blobs/{sha}", content=data, headers=H(a)).status_code == 201
    assert server.client.put(f"/v1/blobs/{sha}", content=data, headers=H(a)).status_code == 201
    assert server.client.head(f"/v1/blobs/{sha}", headers=H(a)).status_code == 200
    assert server.client.get(f"/v1/blobs/{sha}", headers=H(a)).content == data
    assert server.client.get(f"/v1/blobs/{sha}", headers=H(b)).status_code == 404
    assert server.client.get("/v1/blobs/not-a-hash", headers=H(a)).status_code == 422


def test_incompatible_protocol_header(server):
    token = server.add_user("A")
    resp = server.client.get("/v1/pull", headers={**H(token), "X-Genba-Protocol": "99"})
    assert resp.status_code == 400 and resp.json()["error"]["code"] == "incompatible_protocol"


def test_admin_commands(server):
    from sync.server.users import AdminError, add_user, list_users, revoke_user

    add_user(server.engine, "A", "hanako", "lead")
    add_user(server.engine, "B", "hanako", "viewer")
    with pytest.raises(AdminError, match="already exists"):
        add_user(server.engine, "A", "hanako", "lead")
    with pytest.raises(AdminError, match="--team"):
        revoke_user(server.engine, "hanako")
    with pytest.raises(AdminError, match="role"):
        add_user(server.engine, "A", "x", "admin")
    revoke_user(server.engine, "hanako", "A")
    token = add_user(server.engine, "A", "hanako", "rep")  # re-issue after revoking
    assert server.client.get("/v1/whoami", headers=H(token)).json()["role"] == "rep"
    users = {(u["team"], u["name"]): u for u in list_users(server.engine)}
    assert users[("B", "hanako")]["role"] == "viewer"
    from sqlalchemy import text

    with server.engine.connect() as conn:
        hashes = [r[0] for r in conn.execute(text("SELECT token_hash FROM users"))]
    assert token not in hashes and hashlib.sha256(token.encode()).hexdigest() in hashes


def test_tokens_never_look_like_command_line_options():
    from sync.server.users import TOKEN_PREFIX, new_token

    tokens = [new_token() for _ in range(2000)]
    assert all(t.startswith(TOKEN_PREFIX) and not t.startswith("-") for t in tokens)
    assert len(set(tokens)) == len(tokens) and min(map(len, tokens)) >= 40
