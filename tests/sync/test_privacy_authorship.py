"""Private notes and authorship, on SQLite and on a real PostgreSQL: making a shared note private
withdraws it from the server and from teammates; a private draft later shared reaches the server
without its private history; a private note's attachments never leave; the server refuses
private rows; note authors and reaction users are the token's user, whatever the body says."""

from __future__ import annotations

import hashlib

from sqlalchemy import select

from sync.client import sync_once
from sync.client.cycle import blob_path
from sync.hlc import encode
from sync.server.db import blobs, changes
from sync.server.service import now_ms
from sync.store import Store
from tests.sync.helpers import snapshot


def _sync(store, srv, token):
    return sync_once(store, srv.url, token, client=srv.client)


def _logged(srv, row_id) -> list[tuple]:
    with srv.engine.connect() as conn:
        return [
            tuple(r)
            for r in conn.execute(
                select(changes.c.field, changes.c.value).where(changes.c.row_id == row_id)
            )
        ]


def test_making_a_shared_note_private_withdraws_it(srv, tmp_path):
    taro, jiro = srv.add_user("A", "taro"), srv.add_user("A", "jiro")
    laptop, desktop, teammate = (Store(tmp_path / n) for n in ("laptop", "desktop", "mate"))
    with laptop.write() as w:
        note = w.insert("notes", {"body": "部長は甘党", "author": "taro", "visibility": "team"})
    _sync(laptop, srv, taro)
    _sync(desktop, srv, taro)  # taro's second PC
    _sync(teammate, srv, jiro)
    assert teammate.query("SELECT body FROM notes")[0][0] == "部長は甘党"
    with laptop.write() as w:
        w.update("notes", note, {"visibility": "private"})
    _sync(laptop, srv, taro)
    # The server keeps only the withdrawal: no text, no history of it.
    assert {k[2]: v[0] for k, v in srv.winners().items() if k[1] == note} == {
        "visibility": "private"
    }
    assert all(field == "visibility" for field, _v in _logged(srv, note))
    _sync(teammate, srv, jiro)
    assert teammate.query("SELECT count(*) FROM notes")[0][0] == 0  # the teammate's copy is gone
    _sync(desktop, srv, taro)
    row = desktop.query("SELECT body, visibility FROM notes")[0]
    assert tuple(row) == ("部長は甘党", "private")  # the author's own PC keeps it, private
    for s in (laptop, desktop, teammate):
        s.close()


def test_a_private_draft_shared_later_arrives_without_its_history(srv, tmp_path):
    token = srv.add_user("A", "taro")
    a = Store(tmp_path / "a")
    with a.write() as w:
        note = w.insert(
            "notes", {"body": "下書き1 (社外秘)", "author": "taro", "visibility": "private"}
        )
    for text in ("下書き2 (社外秘)", "完成版"):
        with a.write() as w:
            w.update("notes", note, {"body": text})
    assert _sync(a, srv, token).pushed == 0  # nothing of a private note leaves
    with a.write() as w:
        w.update("notes", note, {"visibility": "team"})
    _sync(a, srv, token)
    bodies = [v for f, v in _logged(srv, note) if f == "body"]
    assert bodies == ['"完成版"']
    b = Store(tmp_path / "b")
    _sync(b, srv, token)
    assert tuple(b.query("SELECT body, visibility FROM notes")[0]) == ("完成版", "team")
    assert snapshot(a) == snapshot(b)
    a.close()
    b.close()


def test_attachments_of_a_private_note_never_leave(srv, tmp_path):
    token = srv.add_user("A", "taro")
    a = Store(tmp_path / "a")
    data = "名刺の裏のメモ".encode()
    sha = hashlib.sha256(data).hexdigest()
    path = blob_path(a.data_dir, sha)
    path.parent.mkdir(parents=True)
    path.write_bytes(data)
    with a.write() as w:
        note = w.insert("notes", {"body": "私的", "visibility": "private"})
        w.insert(
            "attachments",
            {
                "sha256": sha,
                "filename": "memo.jpg",
                "size": len(data),
                "entity": "notes",
                "entity_id": note,
            },
        )
    report = _sync(a, srv, token)
    assert report.pushed == 0 and report.blobs_uploaded == 0 and srv.winners() == {}
    with srv.engine.connect() as conn:
        assert conn.execute(select(blobs.c.sha256)).all() == []
    a.close()


def test_the_server_refuses_private_rows(srv):
    token = srv.add_user("A", "taro")
    t = now_ms()
    push = [
        {
            "change_id": "x.1",
            "entity": "notes",
            "row_id": "n1",
            "field": "body",
            "value": "秘密",
            "hlc": encode(t, 0),
            "site": "x",
        },
        {
            "change_id": "x.2",
            "entity": "notes",
            "row_id": "n1",
            "field": "visibility",
            "value": "private",
            "hlc": encode(t, 0),
            "site": "x",
        },
    ]
    body = srv.client.post(
        "/v1/push", json={"changes": push}, headers={"Authorization": f"Bearer {token}"}
    ).json()
    assert [(r["change_id"], r["code"]) for r in body["rejected"]] == [("x.1", "private_note")]
    assert {k[2] for k in srv.winners()} == {"visibility"}
    assert _logged(srv, "n1") == [("visibility", '"private"')]


def test_authorship_comes_from_the_token(srv, tmp_path):
    taro, jiro = srv.add_user("A", "taro"), srv.add_user("A", "jiro")
    a, b = Store(tmp_path / "a"), Store(tmp_path / "b")
    with a.write() as w:  # taro's laptop claims jiro wrote it, and reacts as the MVP
        note = w.insert("notes", {"body": "成功事例", "author": "jiro", "visibility": "team"})
        w.insert("reactions", {"note_id": note, "kind": "helpful", "user": "jiro"})
    report = _sync(a, srv, taro)
    assert report.pushed == 6
    values = {k[2]: v[0] for k, v in srv.winners().items()}
    assert values["author"] == "taro" and values["user"] == "taro"
    _sync(b, srv, jiro)
    assert b.query("SELECT author FROM notes")[0][0] == "taro"
    assert b.query("SELECT user FROM reactions")[0][0] == "taro"
    # The author's laptop takes the server's stamp too: both laptops agree, clocks included.
    assert a.query("SELECT author FROM notes")[0][0] == "taro"
    assert snapshot(a) == snapshot(b)
    a.close()
    b.close()
