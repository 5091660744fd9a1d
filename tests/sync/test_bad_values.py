"""One bad value never stops sync, on SQLite and on a real PostgreSQL: the server refuses that
change alone, the laptop keeps it and says so, never resends it; a pulled value the laptop cannot
hold is held aside and said, never a crash; a failed push still pulls; pages are bounded."""

from __future__ import annotations

import json

import httpx
import pytest
from sqlalchemy import select, update

from sync.client import ServerError, sync_once, sync_status
from sync.hlc import encode
from sync.server.db import changes, teams, winners
from sync.server.service import now_ms
from sync.store import Store
from sync.store.pulled import held_problems
from tests.sync.conftest import backend_url, make_server


@pytest.fixture(params=["sqlite", "postgresql"])
def srv(request, tmp_path):
    """Each backend, with small value and page limits so that the tests can reach them."""
    server = make_server(
        backend_url(request, tmp_path), max_value_chars=1000, max_pull_bytes=20_000
    )
    yield server
    server.engine.dispose()


def H(token):
    return {"Authorization": f"Bearer {token}"}


def _change(n, **kw):
    return {
        "change_id": f"tool.{n}",
        "entity": "companies",
        "row_id": f"row-{n}",
        "field": "name",
        "value": "ok",
        "hlc": encode(now_ms(), n),
        "site": "tool",
        **kw,
    }


@pytest.mark.parametrize(
    ("bad", "code"),
    [
        ({"entity": "deals", "field": "amount_jpy", "value": 2**64}, "out_of_range"),
        ({"field": "deleted", "value": None}, "null_flag"),
        ({"value": "報告\x00書"}, "nul_character"),
        ({"value": "x" * 1001}, "too_long"),
        ({"field": "future_field"}, "unknown_field"),
        ({"entity": "attachments", "field": "sha256", "value": "../../etc/passwd"}, "bad_sha256"),
        ({"row_id": "row\x07\n1"}, "bad_row_id"),
        ({"entity": "deals", "field": "amount_jpy", "value": "千円"}, "wrong_type"),
        ({"entity": "deals", "field": "probability", "value": 1.5}, "wrong_type"),
    ],
)
def test_a_bad_change_is_refused_alone(srv, bad, code):
    token = srv.add_user()
    resp = srv.client.post(
        "/v1/push", json={"changes": [_change(1), _change(2, **bad), _change(3)]}, headers=H(token)
    )
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert body["acked"] == ["tool.1", "tool.3"]
    assert [(r["change_id"], r["code"]) for r in body["rejected"]] == [("tool.2", code)]
    assert body["rejected"][0]["message"]
    assert {k[1] for k in srv.winners()} == {"row-1", "row-3"}


def test_refused_change_is_kept_shown_and_never_resent(srv, tmp_path):
    token = srv.add_user()
    a = Store(tmp_path / "a")
    with a.write() as w:
        w.insert("notes", {"body": "長" * 1001, "visibility": "team"})  # over the server's limit
        ok = w.insert("companies", {"name": "普通"})
    report = sync_once(a, srv.url, token, client=srv.client)
    assert report.rejected == 1 and report.kept_rejected == 1 and a.pending_count() == 0
    assert srv.winners()[("companies", ok, "name")][0] == "普通"
    rejected = a.query("SELECT field, code, message FROM sync_rejections")
    assert [(r[0], r[1]) for r in rejected] == [("body", "too_long")]
    assert sync_status(a)["rejected"] == 1
    # Kept in the store, never sent again (no retry loop).
    assert a.query("SELECT count(*) FROM notes WHERE length(body) = 1001")[0][0] == 1
    assert sync_once(a, srv.url, token, client=srv.client).rejected == 0
    a.close()


def test_nul_never_reaches_the_store_or_the_server(srv, tmp_path):
    token = srv.add_user()
    a = Store(tmp_path / "a")
    with a.write() as w:
        row = w.insert("activities", {"summary": "訪問\x00しました"})  # a CSV byte, `_x0000_`
        w.update("activities", row, {"result": "受注\x00"})
    report = sync_once(a, srv.url, token, client=srv.client)
    assert report.rejected == 0 and a.pending_count() == 0
    assert srv.winners()[("activities", row, "summary")][0] == "訪問しました"
    assert srv.winners()[("activities", row, "result")][0] == "受注"
    a.close()


def _serve_raw(srv, entity, row_id, field, value_json, hlc=None):
    """A value already in the server's tables (written by an older server, or by hand)."""
    with srv.engine.begin() as conn:
        team_id = conn.execute(select(teams.c.id).where(teams.c.name == "A")).scalar()
        seq = conn.execute(
            update(teams)
            .where(teams.c.id == team_id)
            .values(last_seq=teams.c.last_seq + 1)
            .returning(teams.c.last_seq)
        ).scalar()
        hlc = hlc or encode(now_ms(), 0)
        conn.execute(
            changes.insert().values(
                team_id=team_id,
                change_id=f"old.{seq}",
                seq=seq,
                entity=entity,
                row_id=row_id,
                field=field,
                value=value_json,
                hlc=hlc,
                site="oldserver",
                user_id=0,
                received_at="2026-01-01T00:00:00",
            )
        )
        conn.execute(
            winners.insert().values(
                team_id=team_id,
                entity=entity,
                row_id=row_id,
                field=field,
                value=value_json,
                hlc=hlc,
                site="oldserver",
                seq=seq,
            )
        )


def test_pulled_values_that_cannot_be_stored_are_held_and_said(srv, tmp_path):
    token = srv.add_user()
    _serve_raw(srv, "deals", "d1", "amount_jpy", json.dumps(2**64))
    _serve_raw(srv, "attachments", "att1", "sha256", json.dumps("../../not-a-hash"))
    _serve_raw(srv, "deals", "d1", "deleted", "null")
    _serve_raw(srv, "companies", "c1", "name", json.dumps("正常"))
    _serve_raw(srv, "activities", "a\x07\nb", "summary", json.dumps("制御文字の行"))
    b = Store(tmp_path / "b")
    report = sync_once(b, srv.url, token, client=srv.client)  # no crash, exit 0
    assert report.held == 3
    assert b.query("SELECT name FROM companies WHERE id = 'c1'")[0][0] == "正常"
    assert b.query("SELECT deleted FROM deals WHERE id = 'd1'")[0][0] == 0
    problems = held_problems(b)
    assert {(p["entity"], p["field"]) for p in problems} == {
        ("deals", "amount_jpy"),
        ("attachments", "sha256"),
        ("activities", "summary"),
    }
    assert all(p["message"] for p in problems)
    assert sync_status(b)["held"] == 3
    # The team workbook exports: no row id with control characters reached the store.
    from desktop.commands.knowledge import run_export_team_workbook

    assert b.query("SELECT count(*) FROM activities")[0][0] == 0
    assert (
        run_export_team_workbook(b, str(tmp_path / "team.xlsx"), None, out_fn=lambda *_: None) == 0
    )
    assert sync_once(b, srv.url, token, client=srv.client).held == 0  # said once, not again
    b.close()


def test_unknown_field_is_kept_and_applied_after_an_upgrade(srv, tmp_path, monkeypatch):
    from sync.schema_contract import SYNCED_FIELDS

    token = srv.add_user()
    _serve_raw(srv, "companies", "c1", "name", json.dumps("会社"))
    _serve_raw(srv, "companies", "c1", "website_rank", json.dumps("A"))  # a newer build's field
    b = Store(tmp_path / "b")
    report = sync_once(b, srv.url, token, client=srv.client)
    assert report.held == 1 and report.cursor > 0
    # The upgrade: this build now knows the field (a migration added its column).
    import sync.values

    monkeypatch.setitem(SYNCED_FIELDS, "companies", (*SYNCED_FIELDS["companies"], "website_rank"))
    new = {("companies", "website_rank")}
    monkeypatch.setattr(sync.values, "ALLOWED", sync.values.ALLOWED | new)
    monkeypatch.setattr(sync.values, "TEXT_PLAIN", sync.values.TEXT_PLAIN | new)
    with b.write() as w:
        w.conn.execute("ALTER TABLE companies ADD COLUMN website_rank TEXT")
    report = sync_once(b, srv.url, token, client=srv.client)
    assert b.query("SELECT website_rank FROM companies WHERE id = 'c1'")[0][0] == "A"
    assert b.query("SELECT count(*) FROM sync_held")[0][0] == 0
    b.close()


class FailingPush:
    """The server breaks on push (HTTP 500) but answers pulls."""

    def __init__(self, client):
        self.client = client

    def request(self, method, url, **kw):
        if method == "POST" and str(url).endswith("/v1/push"):
            return httpx.Response(500, json={"error": {"code": "boom", "message": "db down"}})
        return self.client.request(method, url, **kw)


def test_a_failed_push_still_pulls(srv, tmp_path):
    token = srv.add_user()
    a, b = Store(tmp_path / "a"), Store(tmp_path / "b")
    with a.write() as w:
        w.insert("companies", {"name": "チームの変更"})
    sync_once(a, srv.url, token, client=srv.client)
    with b.write() as w:
        w.insert("companies", {"name": "送れない変更"})
    with pytest.raises(ServerError):
        sync_once(b, srv.url, token, client=FailingPush(srv.client))
    assert b.query("SELECT count(*) FROM companies WHERE name = 'チームの変更'")[0][0] == 1
    assert b.pending_count() == 1  # kept, sent next time
    assert sync_once(b, srv.url, token, client=srv.client).pushed == 1
    a.close()
    b.close()


def test_pull_pages_are_bounded_by_bytes(srv, tmp_path):
    token = srv.add_user()
    a, b = Store(tmp_path / "a"), Store(tmp_path / "b")
    with a.write() as w:
        w.insert_many("notes", [{"body": "あ" * 900, "visibility": "team"} for _ in range(100)])
    sync_once(a, srv.url, token, client=srv.client)
    page = srv.client.get("/v1/pull", params={"after": 0, "limit": 5000}, headers=H(token))
    body = page.json()
    assert body["has_more"] and 5 <= len(body["changes"]) < 100
    assert len(page.content) < 20_000 + 10_000
    report = sync_once(b, srv.url, token, client=srv.client)
    assert b.query("SELECT count(*) FROM notes")[0][0] == 100 and report.pulled >= 200
    a.close()
    b.close()


def test_genba_problems_lists_refused_changes_and_held_values(srv, tmp_path):
    from desktop.commands.listing import list_problems

    token = srv.add_user()
    _serve_raw(srv, "deals", "d1", "amount_jpy", json.dumps(2**64))
    a = Store(tmp_path / "a")
    with a.write() as w:
        w.insert("notes", {"body": "長" * 1001, "visibility": "team"})
    sync_once(a, srv.url, token, client=srv.client)
    out: list[str] = []
    assert list_problems(a, as_json=True, out=out.append) == 0
    codes = {p["code"] for p in json.loads(out[0])}
    assert codes == {"sync_refused_too_long", "sync_value_held"}
    out.clear()
    list_problems(a, as_json=False, out=out.append)
    assert any("受け付けませんでした" in line for line in out)
    a.close()
