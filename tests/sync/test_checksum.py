"""The per-team checksum, on SQLite and on a real PostgreSQL: a consistent laptop matches after
push/pull cycles (private notes, their attachments, withdrawn notes and values held aside
included); a genba.db edited by hand (a value changed behind the store's back, a row deleted)
mismatches, is read again from zero and converges; a server.db edited by hand is detected."""

from __future__ import annotations

import hashlib
import json
import sqlite3

import pytest
from sqlalchemy import text

from sync.client import sync_once
from sync.client.cycle import blob_path
from sync.client.notices import describe
from sync.client.status import sync_status
from sync.store import Store
from tests.sync.helpers import tables
from tests.sync.test_bad_values import _serve_raw

REDOWNLOAD = "チームのデータを最初から受信し直しました"
STILL = "管理者に連絡してください"


def _sync(store, srv, token):
    return sync_once(store, srv.url, token, client=srv.client)


def _team(a: Store, b: Store) -> dict:
    """Two laptops with a few rows of every kind, synced both ways."""
    with a.write() as w:
        co = w.insert(
            "companies", {"name": "株式会社サンプル精工", "name_kana": "サンプルセイコウ"}
        )
        w.insert("contacts", {"full_name": "山田 太郎", "company_id": co, "email": "t@example.jp"})
        shared = w.insert("notes", {"body": "来月に再訪", "company_id": co, "visibility": "team"})
        gone = w.insert("notes", {"body": "部長は甘党", "visibility": "team"})
        private = w.insert("notes", {"body": "私的なメモ", "visibility": "private"})
        data = "名刺の裏".encode()
        sha = hashlib.sha256(data).hexdigest()
        blob_path(a.data_dir, sha).parent.mkdir(parents=True, exist_ok=True)
        blob_path(a.data_dir, sha).write_bytes(data)
        w.insert(
            "attachments",
            {
                "sha256": sha,
                "filename": "memo.jpg",
                "size": 8,
                "entity": "notes",
                "entity_id": private,
            },
        )
        w.insert(
            "attachments",
            {
                "sha256": sha,
                "filename": "card.jpg",
                "size": 8,
                "entity": "notes",
                "entity_id": gone,
            },
        )
    return {"company": co, "shared": shared, "gone": gone, "private": private}


def _laptops(srv, tmp_path):
    token_a, token_b = srv.add_user("A", "taro"), srv.add_user("A", "hanako")
    a, b = Store(tmp_path / "a"), Store(tmp_path / "b")
    rows = _team(a, b)
    _sync(a, srv, token_a)
    _sync(b, srv, token_b)
    return a, b, token_a, token_b, rows


def test_a_consistent_laptop_matches_after_push_pull_cycles(srv, tmp_path):
    a, b, ta, tb, rows = _laptops(srv, tmp_path)
    with b.write() as w:
        w.update(
            "companies",
            rows["company"],
            {"name_kana": "サンプル", "name_normalized": "サンプル精工"},
        )
        w.delete("notes", rows["shared"])
    with a.write() as w:
        w.update("notes", rows["gone"], {"visibility": "private"})  # withdrawn from the team
        w.update("companies", rows["company"], {"name": "サンプル精工"})
    for _ in range(2):
        for store, token in ((b, tb), (a, ta)):
            report = _sync(store, srv, token)
            assert report.checksum == "ok", report
            assert not [n for n in report.notices if n[0].startswith("checksum")]
    # Values the laptop cannot store are held aside, and still count as the team's.
    _serve_raw(srv, "deals", "d1", "amount_jpy", json.dumps(2**64))
    _serve_raw(srv, "companies", "c9", "website_rank", json.dumps("A"))  # a newer build's field
    report = _sync(b, srv, tb)
    assert report.held == 2 and report.checksum == "ok"
    # A change of its own still unsent: nothing to compare yet (and no re-download).
    with b.write() as w:
        w.update("companies", rows["company"], {"name_kana": "ミソウシン"})
    report = sync_once(b, srv.url, tb, client=srv.client, push=False)
    assert report.checksum == "skipped" and report.pulled == 0
    assert _sync(b, srv, tb).checksum == "ok"
    a.close(), b.close()


def _edit_by_hand(store: Store, *statements) -> Store:
    path, data_dir = store.path, store.data_dir
    store.close()
    conn = sqlite3.connect(path)
    for sql, params in statements:
        assert conn.execute(sql, params).rowcount == 1
    conn.commit()
    conn.close()
    return Store(data_dir)


def test_a_laptop_edited_by_hand_is_read_again_and_converges(srv, tmp_path):
    a, b, ta, tb, rows = _laptops(srv, tmp_path)
    assert _sync(a, srv, ta).checksum == "ok"
    expected = tables(a, ["companies", "contacts"])
    b = _edit_by_hand(
        b,
        ("UPDATE companies SET name = ? WHERE id = ?", ("書き換え", rows["company"])),
        ("DELETE FROM contacts WHERE company_id = ?", (rows["company"],)),
    )
    report = _sync(b, srv, tb)
    assert report.checksum == "ok"  # after reading the team again from zero
    assert ("checksum_redownload", None) in report.notices
    assert any(REDOWNLOAD in line for line in describe(report))
    assert tables(b, ["companies", "contacts"]) == expected
    assert sync_status(b)["checksum"] == "ok"
    again = _sync(b, srv, tb)
    assert again.checksum == "ok" and again.pulled == 0 and not again.notices
    # An unsent edit made before the hand edit survives the re-download.
    with b.write() as w:
        w.update("companies", rows["company"], {"name_kana": "ミソウシン"})
    b = _edit_by_hand(b, ("DELETE FROM field_clocks WHERE field = 'email'", ()))
    report = _sync(b, srv, tb)
    assert report.checksum == "ok" and ("checksum_redownload", None) in report.notices
    assert _sync(a, srv, ta).checksum == "ok"
    assert b.query("SELECT name_kana FROM companies")[0][0] == "ミソウシン"
    assert tables(a, ["companies", "contacts"]) == tables(b, ["companies", "contacts"])
    a.close(), b.close()


def test_a_server_edited_by_hand_is_detected(srv, tmp_path):
    a, b, ta, tb, rows = _laptops(srv, tmp_path)
    # A value changed in server.db: laptops notice, read again and take the server's copy.
    with srv.engine.begin() as conn:
        changed = conn.execute(
            text("UPDATE winners SET value = :v WHERE row_id = :r AND field = 'name'"),
            {"v": json.dumps("サーバーで書き換え", ensure_ascii=False), "r": rows["company"]},
        ).rowcount
    assert changed == 1
    report = _sync(b, srv, tb)
    assert ("checksum_redownload", None) in report.notices and report.checksum == "ok"
    assert b.query("SELECT name FROM companies")[0][0] == "サーバーで書き換え"
    # A winner deleted from server.db: reading again cannot mend it; the rep is told once.
    with srv.engine.begin() as conn:
        conn.execute(text("DELETE FROM winners WHERE field = 'email'"))
    report = _sync(a, srv, ta)
    assert report.checksum == "mismatch"
    assert [n for n, _ in report.notices if n.startswith("checksum")] == [
        "checksum_redownload",
        "checksum_still",
    ]
    assert any(STILL in line for line in describe(report))
    assert sync_status(a)["checksum"] == "mismatch"
    again = _sync(a, srv, ta)
    assert again.checksum == "mismatch" and again.pulled == 0 and not again.notices
    assert a.query("SELECT email FROM contacts")[0][0] == "t@example.jp"  # nothing lost here
    a.close(), b.close()


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_a_laptop_with_refused_changes_is_still_compared(request, tmp_path, backend):
    """The refused field holds a value the server never had: both sides leave it out, so the
    rest is compared and a hand edit elsewhere is found and mended; the refused text stays."""
    from tests.sync.conftest import make_server

    url = (
        f"sqlite:///{(tmp_path / 'server.db').as_posix()}"
        if backend == "sqlite"
        else request.getfixturevalue("pg_url")
    )
    srv = make_server(url, max_value_chars=40)
    a, b, ta, tb, rows = _laptops(srv, tmp_path)
    long_text = "とても長い所感" * 10
    with b.write() as w:
        w.update("companies", rows["company"], {"name_kana": long_text})
        w.update("notes", rows["shared"], {"body": "短いメモ"})
    report = _sync(b, srv, tb)
    assert report.kept_rejected == 1 and sync_status(b)["rejected"] == 1
    assert report.checksum == "ok"  # compared, not skipped
    b = _edit_by_hand(b, ("UPDATE contacts SET email = ? WHERE email = ?", ("x@x", "t@example.jp")))
    report = _sync(b, srv, tb)
    assert ("checksum_redownload", None) in report.notices and report.checksum == "ok"
    assert b.query("SELECT email FROM contacts")[0][0] == "t@example.jp"
    assert b.query("SELECT name_kana FROM companies")[0][0] == long_text  # kept here
    assert _sync(a, srv, ta).checksum == "ok"
    a.close(), b.close()
    srv.engine.dispose()


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_background_syncs_compare_the_checksum_once_an_hour(request, tmp_path, backend):
    """Each comparison costs the server a read of the team: the app's and `genba watch`'s
    syncs, minutes apart all day, compare once an hour; `genba sync` compares every time."""
    from sync.client.background import BackgroundSync
    from tests.sync.conftest import make_server

    url = (
        f"sqlite:///{(tmp_path / 'server.db').as_posix()}"
        if backend == "sqlite"
        else request.getfixturevalue("pg_url")
    )
    srv = make_server(url)
    a, b, _ta, tb, rows = _laptops(srv, tmp_path)
    # b's last comparison was its `genba sync` in _laptops, a moment ago.
    b = _edit_by_hand(
        b, ("UPDATE companies SET name = ? WHERE id = ?", ("書き換え", rows["company"]))
    )
    statuses: list[dict] = []
    bg = BackgroundSync(
        b, credentials=lambda: (srv.url, tb), on_status=statuses.append, client=srv.client
    )
    bg.run_once()  # within the hour: not compared, the hand edit not noticed yet
    assert statuses[-1]["report"].checksum == ""
    assert b.query("SELECT name FROM companies")[0][0] == "書き換え"
    key = next(k for (k,) in b.query("SELECT key FROM meta") if k.endswith(":verified_at"))
    b.set_meta(key, str(int(b.get_meta(key)) - 3601))  # an hour later
    bg.run_once()
    report = statuses[-1]["report"]
    assert report.checksum == "ok" and ("checksum_redownload", None) in report.notices
    assert b.query("SELECT name FROM companies")[0][0] == "株式会社サンプル精工"
    # `genba sync` (sync_once's default) compares at every sync.
    assert _sync(b, srv, tb).checksum == "ok"
    a.close(), b.close()
    srv.engine.dispose()
