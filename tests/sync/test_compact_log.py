"""The compact change log (sync.store.change_log): an inserted visit is one stored row, and it
reads, pushes, is acknowledged, refused, re-sent and re-labelled as its field changes — on the
embedded SQLite server and on a real PostgreSQL."""

from __future__ import annotations

import shutil
import sqlite3
import time

import pytest

from sync.client import sync_once
from sync.store import Store, change_log
from sync.store.migrations import migrate
from sync.store.replica import unack_after
from sync.store.schema import MIGRATIONS
from sync.store.store import ZERO_DEFAULT_FIELDS, Writer
from tests.sync.helpers import snapshot

YEAR_MS = 365 * 24 * 3600 * 1000


def _visits(n: int, start: int = 0) -> list[dict]:
    return [
        {
            "occurred_on": f"2025-04-{i % 28 + 1:02d}",
            "rep": "山本",
            "company_name_raw": f"株式会社テスト工業{i:03d}",
            "contact_name": "青木" if i % 2 else None,
            "summary": f"治具の改善提案 {i}。「量産」時期を確認\n次回は見積",
            "amount_jpy": i * 10_000,
            "probability": 0 if i % 3 == 0 else 50,
        }
        for i in range(start, start + n)
    ]


def _log(store) -> list[tuple]:
    return [
        tuple(r)
        for r in store.query(
            "SELECT seq, change_id, entity, row_id, field, value, hlc, site, acked FROM changes "
            "ORDER BY seq"
        )
    ]


def _sync(store, srv, token, **kw):
    return sync_once(store, srv.url, token, client=srv.client, **kw)


def test_an_inserted_visit_is_one_stored_row_read_as_its_field_changes(tmp_path):
    with Store(tmp_path / "a") as store:
        rows = _visits(3)
        with store.write() as w:
            ids = w.insert_many("activities", [dict(r) for r in rows])
            company = w.insert("companies", {"name": "株式会社テスト工業000"})
        stored = store.query("SELECT seq, entity, field, span FROM change_log ORDER BY seq")
        assert [(r[1], r[2]) for r in stored] == [("activities", "*")] * 3 + [("companies", "*")]
        # What writing them field by field logged: every field with a value, in field order,
        # row after row, seq after seq, under the row's insert clock.
        fields = store.fields_of("activities")
        expected = []
        for row_id, row in zip(ids, rows, strict=True):
            for f in fields:
                v = row.get(f, 0 if f in ZERO_DEFAULT_FIELDS else None)
                if v is not None and not (f in ZERO_DEFAULT_FIELDS and v == 0):
                    expected.append(("activities", row_id, f, v))
        expected.append(("companies", company, "name", "株式会社テスト工業000"))
        log = _log(store)
        assert [(e, r, f, v) for _s, _c, e, r, f, v, _h, _site, _a in log] == expected
        assert [s for s, *_ in log] == list(range(1, len(expected) + 1))
        assert all(c == f"{store.site_id}.{s}" for s, c, *_ in log)
        assert [r[3] for r in stored[:3]] == [sum(1 for e in expected if e[1] == i) for i in ids]
        clocks = dict(store.query("SELECT row_id, hlc FROM row_clocks"))
        assert all(h == clocks[r] for _s, _c, _e, r, _f, _v, h, _site, _a in log)
        assert store.pending_count() == len(expected)
        out = store.outbox()
        assert [(c["change_id"], c["field"], c["value"]) for c in out] == [
            (c, f, v) for _s, c, _e, _r, f, v, *_ in log
        ]
        amounts = [c["value"] for c in out if c["field"] == "amount_jpy"]
        assert amounts == [0, 10_000, 20_000]  # numbers stay numbers, a 0 is a value
        with store.write() as w:
            w.update("activities", ids[0], {"summary": "書き直し"})
        assert _log(store)[-1][0] == len(expected) + 1


def test_an_outbox_page_and_its_ack_may_split_an_inserted_visit(tmp_path):
    with Store(tmp_path / "a") as store:
        with store.write() as w:
            w.insert_many("activities", _visits(2))
        total = store.pending_count()
        first = store.outbox(3)
        assert len(first) == 3
        assert store.ack([c["change_id"] for c in first]) == 3
        # the acknowledged part is its own rows now; the rest is still one page away
        assert store.pending_count() == total - 3
        rest = store.outbox()
        assert [c["change_id"] for c in rest] == [c[1] for c in _log(store)[3:]]
        assert store.ack([c["change_id"] for c in rest]) == total - 3
        assert store.pending_count() == 0 and store.outbox() == []
        assert {a for *_x, a in _log(store)} == {1}
        # a repeated or unknown acknowledgement marks nothing
        assert store.ack([c["change_id"] for c in first] + [f"{store.site_id}.99999"]) == 0


def test_imported_visits_sync_in_batches_that_split_them(srv, tmp_path):
    token = srv.add_user()
    a, b = Store(tmp_path / "a"), Store(tmp_path / "b")
    with a.write() as w:
        ids = w.insert_many("activities", _visits(30))
    with a.write() as w:
        w.update("activities", ids[4], {"result": "受注"})
    pending = a.pending_count()
    report = _sync(a, srv, token, batch_size=7)  # every batch ends inside a visit
    assert report.pushed == pending and a.pending_count() == 0
    assert _sync(a, srv, token).pushed == 0
    _sync(b, srv, token)
    assert snapshot(a) == snapshot(b)
    won = srv.winners()
    assert won[("activities", ids[4], "result")][0] == "受注"
    assert won[("activities", ids[29], "amount_jpy")][0] == 290_000
    assert b.query("SELECT count(*) FROM activities")[0][0] == 30
    a.close()
    b.close()


def test_a_refused_field_of_an_imported_visit_is_kept_and_the_rest_goes(srv, tmp_path):
    token = srv.add_user()
    a = Store(tmp_path / "a")
    visits = _visits(3)
    visits[1]["amount_jpy"] = "百万"  # text where the team stores a number
    with a.write() as w:
        ids = w.insert_many("activities", visits)
    report = _sync(a, srv, token)
    assert report.rejected == 1 and a.pending_count() == 0
    refused = a.query("SELECT entity, row_id, field, code FROM sync_rejections")
    assert [tuple(r) for r in refused] == [("activities", ids[1], "amount_jpy", "wrong_type")]
    won = srv.winners()
    assert ("activities", ids[1], "amount_jpy") not in won
    assert won[("activities", ids[1], "summary")][0] == visits[1]["summary"]
    acked = {(r, f): x for _s, _c, _e, r, f, _v, _h, _site, x in _log(a)}
    assert acked[(ids[1], "amount_jpy")] == 2
    assert {x for k, x in acked.items() if k != (ids[1], "amount_jpy")} == {1}
    a.close()


def test_a_restored_server_gets_back_exactly_the_fields_after_its_last_seq(tmp_path):
    with Store(tmp_path / "a") as store:
        with store.write() as w:
            w.insert_many("activities", _visits(2))
        store.ack([c["change_id"] for c in store.outbox()])
        log = _log(store)
        cut = log[4][0]  # inside the first visit
        assert unack_after(store, store.site_id, cut) == len(log) - 5
        assert [x for *_r, x in _log(store)] == [1] * 5 + [0] * (len(log) - 5)
        assert [c["change_id"] for c in store.outbox()] == [c[1] for c in log[5:]]


def test_a_copied_database_relabels_its_imported_visits(srv, tmp_path):
    token = srv.add_user()
    a = Store(tmp_path / "a")
    with a.write() as w:
        w.insert_many("activities", _visits(4))
    _sync(a, srv, token)
    (tmp_path / "clone").mkdir()
    target = sqlite3.connect(tmp_path / "clone" / "genba.db")
    source = sqlite3.connect(a.path)
    source.backup(target)
    source.close()
    target.close()
    clone = Store(tmp_path / "clone")
    with a.write() as w:
        w.insert_many("activities", _visits(3, start=10))
    with clone.write() as w:
        w.insert_many("activities", _visits(2, start=20))  # the very same change ids
    _sync(a, srv, token)
    report = _sync(clone, srv, token)
    assert clone.site_id != a.site_id
    assert any(kind == "replica_reissued" for kind, _ in report.notices)
    _sync(a, srv, token)
    _sync(clone, srv, token)
    assert snapshot(a) == snapshot(clone)
    assert a.query("SELECT count(*) FROM activities")[0][0] == 9
    a.close()
    clone.close()


def test_a_clock_a_year_ahead_restamps_every_field_of_an_imported_visit(server, make_store):
    token = server.add_user()
    a = make_store(now_ms=lambda: time.time_ns() // 1_000_000 + YEAR_MS)
    with a.write() as w:
        ids = w.insert_many("activities", _visits(3))
    pending = a.pending_count()
    report = sync_once(a, server.url, token, client=server.client)
    assert report.restamped == pending and a.pending_count() == 0
    hlc = server.winners()[("activities", ids[2], "summary")][1]
    assert int(hlc[:15]) <= time.time_ns() // 1_000_000 + 60_000


def test_a_database_of_the_per_field_log_keeps_its_changes(tmp_path):
    """A genba.db from before the compact log: its changes stay, in order, and new ones follow."""
    path = tmp_path / "old"
    path.mkdir()
    conn = sqlite3.connect(path / "genba.db", isolation_level=None)
    migrate(conn, MIGRATIONS[:13])
    conn.execute(
        "INSERT INTO changes (entity, row_id, field, value, hlc, site) VALUES "
        "('activities', 'r1', 'summary', '旧', '001700000000000.00000', 'oldsite'),"
        "('activities', 'r1', 'amount_jpy', 5, '001700000000000.00000', 'oldsite')"
    )
    conn.close()
    with Store(path) as store:
        log = _log(store)
        assert [(s, c, f, v) for s, c, _e, _r, f, v, *_ in log] == [
            (1, "oldsite.1", "summary", "旧"),
            (2, "oldsite.2", "amount_jpy", 5),
        ]
        with store.write() as w:
            w.insert_many("activities", _visits(1))
        assert [s for s, *_ in _log(store)][:3] == [1, 2, 3]
        assert change_log.next_seq(store._conn) == len(_log(store)) + 1
    shutil.rmtree(path)


def test_rows_given_by_column_are_stored_and_logged_as_rows_given_as_dicts(tmp_path):
    """Writer.insert_columns (an import's batch) against Writer.insert_many."""
    rows = [
        {"id": f"r{i}", "summary": f"訪問{i}\x00", "amount_jpy": i * 1000 or None, "deleted": None}
        for i in range(150)  # more than BULK_INSERT_ROWS: through the temporary table
    ]
    a, b = Store(tmp_path / "a"), Store(tmp_path / "b")
    try:
        with a.write() as w:
            w.insert_many("activities", rows, hidden=True)
        with b.write() as w:
            w.insert_columns(
                "activities",
                [r["id"] for r in rows],
                {f: [r[f] for r in rows] for f in ("summary", "amount_jpy", "deleted")},
                hidden=True,
            )

        def stored(s):
            return (
                [tuple(r) for r in s.query("SELECT * FROM activities ORDER BY id")],
                [
                    (r["row_id"], r["field"], r["value"])
                    for r in s.query("SELECT * FROM changes ORDER BY seq")
                ],
            )

        assert stored(a) == stored(b)
        assert b.query("SELECT summary, deleted FROM activities WHERE id = 'r3'")[0][:] == (
            "訪問3",  # NUL never enters the store
            1,
        )
        with b.write() as w, pytest.raises(ValueError):
            w.insert_columns("activities", ["x"], {"no_such_field": [1]})
        with b.write() as w, pytest.raises(ValueError):
            w.insert_columns("activities", ["x", "y"], {"summary": ["only one"]})
    finally:
        a.close()
        b.close()


@pytest.mark.parametrize("by_rowid", [True, False], ids=["rowids", "ids"])
def test_a_bulk_insert_logs_its_rows_field_by_field_in_their_order(tmp_path, monkeypatch, by_rowid):
    """A bulk insert's log is built from the rows just stored: read by their rowids when one
    INSERT ... SELECT gave them consecutive ones (the import's way), else looked up by id; both
    log what writing each field one by one would have, row after row in the order given."""
    seen: list = []
    real = Writer._rowids

    def rowids(self, *args):
        span = real(self, *args) if by_rowid else None
        seen.append(span)
        return span

    monkeypatch.setattr(Writer, "_rowids", rowids)
    with Store(tmp_path / "a") as store:
        with store.write() as w:  # rows before, one of them deleted: rowids are not dense
            first = w.insert_many("activities", _visits(120))
            w.conn.execute("DELETE FROM activities WHERE id = ?", (first[-1],))
        rows = _visits(150, start=500)
        rows.reverse()  # ids in another order than the rows' natural order
        with store.write() as w:
            ids = w.insert_many("activities", [dict(r) for r in rows])
        assert len(seen) == 2 and (seen[-1] is not None) == by_rowid
        fields = store.fields_of("activities")
        expected = [
            ("activities", row_id, f, v)
            for row_id, row in zip(ids, rows, strict=True)
            for f in fields
            if (v := row.get(f)) is not None and not (f in ZERO_DEFAULT_FIELDS and v == 0)
        ]
        log = [(e, r, f, v) for _s, _c, e, r, f, v, *_ in _log(store) if r in set(ids)]
        assert log == expected
        seqs = [s for s, *_ in _log(store)]
        assert seqs == list(range(1, len(seqs) + 1))
