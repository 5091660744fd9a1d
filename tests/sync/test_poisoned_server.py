"""A value in the server's database that is not JSON (server.db edited by hand, a broken restore)
no longer breaks every teammate's pull, on SQLite and on a real PostgreSQL: the server withholds
it with a log line, the rest of the pull arrives, the laptop holds it aside and shows it, and the
team's checksum still matches."""

from __future__ import annotations

import json
import logging

from sqlalchemy import update

from sync.client import sync_once
from sync.client.status import sync_status
from sync.client.troubles import sync_troubles
from sync.server.db import winners


def _poison(srv, row_id: str, text: str) -> None:
    with srv.engine.begin() as conn:
        conn.execute(
            update(winners)
            .where(winners.c.row_id == row_id, winners.c.field == "name")
            .values(value=text)
        )


def test_a_value_that_is_not_json_is_withheld_and_the_rest_arrives(srv, make_store, caplog):
    token = srv.add_user()
    a = make_store("a")
    with a.write() as w:
        ids = [w.insert("companies", {"name": n}) for n in ("山田製作所", "見本化成", "テスト工業")]
    assert sync_once(a, srv.url, token, client=srv.client).pushed > 0
    _poison(srv, ids[1], '{"broken')

    # The raw page is JSON again, and says what it left out; the server's log says it too.
    with caplog.at_level(logging.WARNING, logger="genba.server"):
        page = srv.client.get(
            "/v1/pull", params={"after": 0}, headers={"Authorization": f"Bearer {token}"}
        )
    assert "holds a value that is not JSON" in caplog.text and ids[1] in caplog.text
    assert page.status_code == 200
    body = json.loads(page.content)
    assert [(x["row_id"], x["code"], x["text"]) for x in body["withheld"]] == [
        (ids[1], "not_json", '{"broken')
    ]
    assert {c["row_id"] for c in body["changes"] if c["field"] == "name"} == {ids[0], ids[2]}

    b = make_store("b")
    report = sync_once(b, srv.url, token, client=srv.client)
    names = {r[0]: r[1] for r in b.query("SELECT id, name FROM companies")}
    assert names[ids[0]] == "山田製作所" and names[ids[2]] == "テスト工業"
    assert names.get(ids[1]) is None  # the damaged name was not stored
    assert report.held == 1 and sync_status(b)["held"] == 1
    held = sync_troubles(b)["held"]
    assert [(h["row_id"], h["field"], h["code"]) for h in held] == [(ids[1], "name", "not_json")]
    # The laptop holds the same text the server has: the team's checksum still matches.
    assert report.checksum == "ok"

    # Syncing again holds it once, and still pulls what teammates write meanwhile.
    with a.write() as w:
        w.update("companies", ids[0], {"name": "山田製作所（本社）"})
    sync_once(a, srv.url, token, client=srv.client)
    again = sync_once(b, srv.url, token, client=srv.client)
    assert again.held == 0 and sync_status(b)["held"] == 1
    assert (
        b.query("SELECT name FROM companies WHERE id = ?", (ids[0],))[0][0] == "山田製作所（本社）"
    )

    # The admin corrects it by editing it again on a laptop: it arrives like any change.
    with a.write() as w:
        w.update("companies", ids[1], {"name": "見本化成(株)"})
    sync_once(a, srv.url, token, client=srv.client)
    sync_once(b, srv.url, token, client=srv.client)
    assert b.query("SELECT name FROM companies WHERE id = ?", (ids[1],))[0][0] == "見本化成(株)"


def test_a_string_cut_short_in_the_database_is_withheld_too(srv, make_store):
    token = srv.add_user()
    a = make_store("a")
    with a.write() as w:
        row = w.insert("companies", {"name": "山田製作所"})
    sync_once(a, srv.url, token, client=srv.client)
    _poison(srv, row, '"山田製')  # a quote left open: looks like a string, is not JSON
    b = make_store("b")
    report = sync_once(b, srv.url, token, client=srv.client)
    assert report.held == 1 and report.checksum == "ok"
    assert [r[0] for r in b.query("SELECT name FROM companies WHERE id = ?", (row,))] in (
        [],
        [None],
    )
