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


def _push(srv, token, rows, t, site="h"):
    changes_ = [
        {
            "change_id": f"{site}.{i + 1}",
            "entity": e,
            "row_id": r,
            "field": f,
            "value": v,
            "hlc": encode(t, i),
            "site": site,
        }
        for i, (e, r, f, v) in enumerate(rows)
    ]
    resp = srv.client.post(
        "/v1/push", json={"changes": changes_}, headers={"Authorization": f"Bearer {token}"}
    )
    assert resp.status_code == 200, resp.text
    return resp.json()


def _photo(srv, token, note: str, att: str) -> tuple[str, list[tuple]]:
    data = f"{att}の写真".encode()
    sha = hashlib.sha256(data).hexdigest()
    auth = {"Authorization": f"Bearer {token}"}
    assert srv.client.put(f"/v1/blobs/{sha}", content=data, headers=auth).status_code in (200, 201)
    return sha, [
        ("attachments", att, "sha256", sha),
        ("attachments", att, "filename", "memo.jpg"),
        ("attachments", att, "entity", "notes"),
        ("attachments", att, "entity_id", note),
    ]


def test_the_server_itself_refuses_a_private_notes_attachments(srv):
    """A client that sends them anyway (buggy or hostile): refused, and the blob is not served."""
    token = srv.add_user("A", "taro")
    auth = {"Authorization": f"Bearer {token}"}
    sha, rows = _photo(srv, token, "n2", "a2")
    body = _push(srv, token, [("notes", "n2", "visibility", "private"), *rows], now_ms())
    # Only the link to the note stays (so later changes are refused too): no content, no name.
    assert sorted(r["code"] for r in body["rejected"]) == ["private_attachment"] * 2
    assert {k[2] for k in srv.winners() if k[0] == "attachments"} == {"entity", "entity_id"}
    assert sorted(f for f, _v in _logged(srv, "a2")) == ["entity", "entity_id"]
    assert srv.client.get(f"/v1/blobs/{sha}", headers=auth).status_code == 404
    # A later change to the same attachment is refused too.
    later = _push(srv, token, [("attachments", "a2", "filename", "x.jpg")], now_ms() + 1, "h2")
    assert [r["code"] for r in later["rejected"]] == ["private_attachment"]


def test_a_note_made_private_takes_its_attachments_off_the_server(srv, tmp_path):
    token = srv.add_user("A", "taro")
    auth = {"Authorization": f"Bearer {token}"}
    sha, rows = _photo(srv, token, "n3", "a3")
    t = now_ms()
    body = _push(srv, token, [("notes", "n3", "visibility", "team"), *rows], t)
    assert body["rejected"] == [] and len(body["acked"]) == 5
    assert srv.client.get(f"/v1/blobs/{sha}", headers=auth).status_code == 200
    body = _push(srv, token, [("notes", "n3", "visibility", "private")], t + 10, "h3")
    assert body["rejected"] == []
    assert {k[2] for k in srv.winners() if k[0] == "attachments"} == {"entity", "entity_id"}
    assert sorted(f for f, _v in _logged(srv, "a3")) == ["entity", "entity_id"]
    assert srv.client.get(f"/v1/blobs/{sha}", headers=auth).status_code == 404
    # A teammate who syncs now receives neither the photo row nor its content.
    b = Store(tmp_path / "b")
    report = _sync(b, srv, srv.add_user("A", "jiro"))
    assert report.blobs_downloaded == 0
    assert [tuple(r) for r in b.query("SELECT sha256, filename FROM attachments")] in (
        [],
        [(None, None)],
    )
    assert report.checksum == "ok"
    b.close()


def test_a_blob_another_shared_attachment_uses_stays(srv):
    token = srv.add_user("A", "taro")
    auth = {"Authorization": f"Bearer {token}"}
    sha, rows = _photo(srv, token, "n4", "a4")
    shared = [("attachments", "a5", f, v) for _e, _r, f, v in rows]
    shared[-1] = ("attachments", "a5", "entity_id", "n5")
    t = now_ms()
    _push(srv, token, [("notes", "n5", "visibility", "team"), *shared], t)
    body = _push(srv, token, [("notes", "n4", "visibility", "private"), *rows], t + 10, "h4")
    assert sorted(r["code"] for r in body["rejected"]) == ["private_attachment"] * 2
    assert srv.client.get(f"/v1/blobs/{sha}", headers=auth).status_code == 200


def _attachments_on_server(srv) -> dict[str, dict[str, object]]:
    out: dict[str, dict[str, object]] = {}
    for (e, r, f), (v, _h, _s) in srv.winners().items():
        if e == "attachments":
            out.setdefault(r, {})[f] = v
    return out


def test_an_attachment_of_a_note_the_server_has_not_seen_is_held_until_it_arrives(srv, tmp_path):
    """The server cannot tell a private note it never saw from one still to come: it neither
    refuses the attachment (that would lose it: a refused change is never sent again) nor
    serves it, but holds it; the note's arrival releases it to the team."""
    token = srv.add_user("A", "taro")
    jiro = srv.add_user("A", "jiro")
    sha, rows = _photo(srv, token, "n6", "a6")
    t = now_ms()
    body = _push(srv, token, rows, t)
    assert body["rejected"] == [] and len(body["acked"]) == 4 and body["duplicates"] == 0
    assert _attachments_on_server(srv) == {} and _logged(srv, "a6") == []
    again = _push(srv, token, rows, t)  # the response was lost: a replay
    assert len(again["acked"]) == 4 and again["duplicates"] == 4
    b = Store(tmp_path / "b")
    report = _sync(b, srv, jiro)
    assert b.query("SELECT count(*) FROM attachments")[0][0] == 0 and report.checksum == "ok"
    # The note arrives (a later batch): the attachment goes to the team with new seqs, which
    # a teammate whose cursor is past the first push still pulls.
    body = _push(
        srv,
        token,
        [("notes", "n6", "visibility", "team"), ("notes", "n6", "body", "メモ")],
        t + 10,
        "h6",
    )
    assert body["rejected"] == []
    assert _attachments_on_server(srv)["a6"] == {
        "sha256": sha,
        "filename": "memo.jpg",
        "entity": "notes",
        "entity_id": "n6",
    }
    report = _sync(b, srv, jiro)
    assert [tuple(r) for r in b.query("SELECT sha256, entity_id FROM attachments")] == [(sha, "n6")]
    assert report.blobs_downloaded == 1 and report.checksum == "ok"
    b.close()


def test_a_held_attachment_whose_note_arrives_private_is_never_served(srv):
    token = srv.add_user("A", "taro")
    auth = {"Authorization": f"Bearer {token}"}
    sha, rows = _photo(srv, token, "n7", "a7")
    t = now_ms()
    assert _push(srv, token, rows, t)["rejected"] == []
    assert srv.client.get(f"/v1/blobs/{sha}", headers=auth).status_code == 200  # uploaded
    _push(srv, token, [("notes", "n7", "visibility", "private")], t + 10, "h7")
    # Released, then dropped as a private note's attachment: only the link stays.
    assert _attachments_on_server(srv) == {"a7": {"entity": "notes", "entity_id": "n7"}}
    assert srv.client.get(f"/v1/blobs/{sha}", headers=auth).status_code == 404


def test_a_held_attachment_linked_to_a_known_note_is_released(srv):
    token = srv.add_user("A", "taro")
    t = now_ms()
    _push(srv, token, [("notes", "n9", "visibility", "team")], t, "h9")
    sha, rows = _photo(srv, token, "n8", "a8")
    _push(srv, token, rows, t + 10)
    assert _attachments_on_server(srv) == {}
    _push(srv, token, [("attachments", "a8", "entity_id", "n9")], t + 20, "h8")
    assert _attachments_on_server(srv)["a8"] == {
        "sha256": sha,
        "filename": "memo.jpg",
        "entity": "notes",
        "entity_id": "n9",
    }


def test_a_held_change_id_reused_with_other_content_is_a_collision(srv):
    """A copied genba.db that reuses the change id of a held attachment change is told so, as
    for any logged change, instead of being taken for a replay (which would drop its edit)."""
    token = srv.add_user("A", "taro")
    _sha, rows = _photo(srv, token, "n10", "a10")
    t = now_ms()
    _push(srv, token, rows, t)
    resp = srv.client.post(
        "/v1/push",
        json={
            "changes": [
                {
                    "change_id": "h.1",
                    "entity": "companies",
                    "row_id": "c10",
                    "field": "name",
                    "value": "複製の変更",
                    "hlc": encode(t + 5, 0),
                    "site": "h",
                }
            ]
        },
        headers={"Authorization": f"Bearer {token}"},
    )
    assert resp.status_code == 409 and resp.json()["error"]["code"] == "replica_collision"
