"""Clocks bounded both ways against the server's time, on SQLite and on a real PostgreSQL: a
laptop 10 minutes slow does not silently lose its later edit, one 200 s fast does not beat a
later correct edit, an edit made while the clock was a day ahead keeps its place after the clock
is fixed, and a server whose clock is slow refuses nobody and is named as the wrong party."""

from __future__ import annotations

import time

import pytest
from fastapi.testclient import TestClient

from sync.client import sync_once
from sync.server.app import create_app
from sync.server.db import make_engine, migrate
from sync.server.settings import ServerSettings
from sync.store import Store
from tests.sync.conftest import Server

MIN = 60_000
DAY = 24 * 60 * MIN


def real_ms() -> int:
    return time.time_ns() // 1_000_000


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{(tmp_path / 'server.db').as_posix()}"
    return request.getfixturevalue("pg_url")


def server_at(url: str, offset_ms: int = 0) -> Server:
    engine = make_engine(url)
    migrate(engine)
    app = create_app(
        ServerSettings(database_url=url), engine=engine, clock_ms=lambda: real_ms() + offset_ms
    )
    return Server(engine, app, TestClient(app))


def laptop(tmp_path, name, offset_ms):
    return Store(tmp_path / name, now_ms=lambda: real_ms() + offset_ms)


def _sync(store, srv, token):
    return sync_once(store, srv.url, token, client=srv.client)


def _race(srv, tmp_path, a_offset: int) -> str:
    """b writes, then a (whose PC clock is off by a_offset) writes the same field later."""
    token = srv.add_user()
    a, b = laptop(tmp_path, "a", a_offset), laptop(tmp_path, "b", 0)
    with b.write() as w:
        row = w.insert("companies", {"name": "最初"})
    _sync(b, srv, token)
    _sync(a, srv, token)  # a's clock is measured against the server's
    with b.write() as w:
        w.update("companies", row, {"name": "bの変更"})
    _sync(b, srv, token)
    time.sleep(0.01)
    with a.write() as w:
        w.update("companies", row, {"name": "aの後の変更"})
    _sync(a, srv, token)
    _sync(b, srv, token)
    winner = srv.winners()[("companies", row, "name")][0]
    assert b.query("SELECT name FROM companies")[0][0] == winner
    a.close()
    b.close()
    return winner


def test_a_slow_laptop_does_not_silently_lose_its_later_edit(url, tmp_path):
    srv = server_at(url)
    assert _race(srv, tmp_path, -10 * MIN) == "aの後の変更"
    srv.engine.dispose()


def test_a_fast_laptop_inside_the_window_does_not_beat_a_later_edit(url, tmp_path):
    srv = server_at(url)
    token = srv.add_user()
    a, b = laptop(tmp_path, "a", 200_000), laptop(tmp_path, "b", 0)
    with b.write() as w:
        row = w.insert("companies", {"name": "最初"})
    _sync(b, srv, token)
    report = _sync(a, srv, token)
    assert abs(a.clock_offset_ms - 200_000) < 5_000 and not report.restamped
    with a.write() as w:
        w.update("companies", row, {"name": "aの先の変更"})
    _sync(a, srv, token)
    time.sleep(0.01)
    with b.write() as w:
        w.update("companies", row, {"name": "bの後の変更"})
    _sync(b, srv, token)
    assert srv.winners()[("companies", row, "name")][0] == "bの後の変更"
    a.close()
    b.close()
    srv.engine.dispose()


def test_an_edit_made_a_day_ahead_keeps_its_place_after_the_fix(url, tmp_path):
    srv = server_at(url)
    token = srv.add_user()
    offset = [0]
    a = Store(tmp_path / "a", now_ms=lambda: real_ms() + offset[0])
    b = laptop(tmp_path, "b", 0)
    with b.write() as w:
        row = w.insert("companies", {"name": "最初"})
    _sync(b, srv, token)
    _sync(a, srv, token)
    offset[0] = DAY  # the PC clock jumps a day ahead, offline
    with a.write() as w:
        w.update("companies", row, {"name": "aの古い変更"})
    time.sleep(0.01)
    with b.write() as w:
        w.update("companies", row, {"name": "bの新しい変更"})
    _sync(b, srv, token)
    offset[0] = 0  # the rep fixes the clock, then syncs
    report = _sync(a, srv, token)
    assert report.restamped == 1 and a.pending_count() == 0
    assert srv.winners()[("companies", row, "name")][0] == "bの新しい変更"
    assert a.query("SELECT name FROM companies")[0][0] == "bの新しい変更"
    a.close()
    b.close()
    srv.engine.dispose()


def test_a_slow_server_refuses_no_laptop_and_is_named(url, tmp_path):
    srv = server_at(url, offset_ms=-10 * MIN)
    token = srv.add_user()
    laptops = [laptop(tmp_path, f"l{i}", 0) for i in range(3)]
    for i, store in enumerate(laptops):
        with store.write() as w:
            w.insert("companies", {"name": f"会社{i}"})
        # Edits made before the laptop first met the server are re-stamped; none is refused.
        report = _sync(store, srv, token)
        assert report.pushed == 1 and store.pending_count() == 0
    with laptops[0].write() as w:
        w.insert("companies", {"name": "後の会社"})
    report = _sync(laptops[0], srv, token)
    assert report.pushed == 1 and not report.restamped  # stamped in the server's time
    kinds = dict(report.notices)
    assert "server_clock" in kinds and "pc_clock" not in kinds  # the server is the wrong one
    for store in laptops:
        store.close()
    srv.engine.dispose()


def test_a_fast_clock_before_the_first_sync_does_not_beat_a_later_edit(url, tmp_path):
    """Just inside the window (the server accepts up to 5 min ahead), edited before the laptop
    ever met the server: its edits are moved back by the measured lead before they are pushed.
    Two reps import the same customer (one natural id) on both sides of the fast one's edit."""
    srv = server_at(url)
    token = srv.add_user()
    b = laptop(tmp_path, "b", 0)
    a = laptop(tmp_path, "a", 290_000)  # a new laptop, never synced, 290 s fast
    first, second = "c-yamada", "c-mihon"
    with b.write() as w:
        w.insert("companies", {"id": second, "name": "見本化成", "name_kana": "bの読み(先)"})
    time.sleep(0.05)
    with a.write() as w:
        w.insert("companies", {"id": first, "name": "山田製作所", "name_kana": "aの読み(先)"})
        w.insert("companies", {"id": second, "name": "見本化成", "name_kana": "aの読み(後)"})
    time.sleep(0.05)
    with b.write() as w:
        w.insert("companies", {"id": first, "name": "山田製作所", "name_kana": "bの読み(後)"})
    _sync(b, srv, token)
    report = _sync(a, srv, token)  # a's first sync
    assert report.restamped > 0 and a.pending_count() == 0
    _sync(b, srv, token)
    won = srv.winners()
    assert won[("companies", first, "name_kana")][0] == "bの読み(後)"  # b's later edit wins
    assert won[("companies", second, "name_kana")][0] == "aの読み(後)"  # a's later edit wins
    # Every clock of a's is in the server's past now, and the laptops agree.
    assert all(int(h[:15]) <= real_ms() + 1000 for (_v, h, s) in won.values() if s == a.site_id)
    for store in (a, b):
        names = dict(store.query("SELECT id, name_kana FROM companies"))
        assert names == {first: "bの読み(後)", second: "aの読み(後)"}
    # An edit after the sync is stamped in the server's time: nothing to move back.
    with a.write() as w:
        w.update("companies", first, {"name_kana": "ヤマダセイサクショ"})
    assert _sync(a, srv, token).restamped == 0
    a.close()
    b.close()
    srv.engine.dispose()
