"""Convergence under faults: a hypothesis state machine with three replicas and a server.

Faults: a push whose response is lost after the server committed, a crash between applying a
pulled page and saving its cursor, duplicate delivery (pushes and pages), a PC clock a year
ahead, delete against a concurrent edit, and the same row created on two laptops. After everyone
syncs, every replica equals the server, field by field (value, clock, site), and table by table.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, precondition, rule

from sync.client import ClockSkewError, OfflineError, sync_once
from sync.store import Store
from tests.sync.conftest import create_pg_database, make_server
from tests.sync.helpers import LoseResponse, snapshot, tables

YEAR_MS = 365 * 24 * 3600 * 1000
REPLICAS = 3
FIELDS = {
    "companies": ("name", "name_kana"),
    "deals": ("title", "stage", "amount_jpy"),
}
ROW_IDS = [f"00000000-0000-7000-8000-00000000000{i}" for i in range(6)]
VALUES = {
    "name": st.sampled_from(["トヨタ", "デンソー", "アイシン", None]),
    "name_kana": st.sampled_from(["トヨタ", "デンソー"]),
    "title": st.sampled_from(["更新", "新規", "保守"]),
    "stage": st.sampled_from(["lead", "won", "lost"]),
    "amount_jpy": st.integers(0, 10_000_000),
}
PAGE = 7  # small pages: a pull takes several pages


class SyncMachine(RuleBasedStateMachine):
    database_url = None  # a callable returning a fresh server database URL

    def __init__(self):
        super().__init__()
        self.tmp = Path(tempfile.mkdtemp(prefix="genba-sm-"))
        url = (
            type(self).database_url()
            if type(self).database_url
            else (f"sqlite:///{(self.tmp / 'server.db').as_posix()}")
        )
        self.server = make_server(url)
        self.token = self.server.add_user("A", "rep", "rep")
        self.offsets = [0] * REPLICAS
        self.stores = [Store(self.tmp / f"r{i}", now_ms=self._clock(i)) for i in range(REPLICAS)]

    def _clock(self, i):
        return lambda: time.time_ns() // 1_000_000 + self.offsets[i]

    def _sync(self, i, client=None):
        return sync_once(
            self.stores[i],
            self.server.url,
            self.token,
            client=client or self.server.client,
            batch_size=5,
            page_size=PAGE,
        )

    @initialize()
    def start(self):
        pass

    # -- local edits -----------------------------------------------------------------------
    @rule(
        i=st.integers(0, REPLICAS - 1),
        entity=st.sampled_from(sorted(FIELDS)),
        row=st.sampled_from(ROW_IDS),
        data=st.data(),
    )
    def write(self, i, entity, row, data):
        field = data.draw(st.sampled_from(FIELDS[entity]))
        value = data.draw(VALUES[field])
        with self.stores[i].write() as w:
            if w.get(entity, row) is None:
                if value is None:
                    return  # a row with no value logs no change: nothing to sync
                w.insert(entity, {"id": row, field: value})  # the same id may be born twice
            else:
                w.update(entity, row, {field: value})

    @rule(
        i=st.integers(0, REPLICAS - 1),
        entity=st.sampled_from(sorted(FIELDS)),
        row=st.sampled_from(ROW_IDS),
        restore=st.booleans(),
    )
    def delete_or_restore(self, i, entity, row, restore):
        with self.stores[i].write() as w:
            if w.get(entity, row) is not None:
                (w.restore if restore else w.delete)(entity, row)

    # -- syncing ---------------------------------------------------------------------------
    @rule(i=st.integers(0, REPLICAS - 1))
    def sync(self, i):
        try:
            self._sync(i)
        except ClockSkewError:
            assert self.offsets[i] > 0

    @rule(i=st.integers(0, REPLICAS - 1))
    def push_response_lost(self, i):
        before = self.stores[i].pending_count()
        faulty = LoseResponse(self.server.client)
        try:
            self._sync(i, client=faulty)
        except OfflineError:
            assert self.stores[i].pending_count() == before  # nothing acked without an ack
        except ClockSkewError:
            assert self.offsets[i] > 0

    @rule(i=st.integers(0, REPLICAS - 1))
    def crash_after_applying_a_page(self, i):
        store = self.stores[i]
        keys = store.query("SELECT value FROM meta WHERE key LIKE 'pull_cursor:%'")
        cursor = int(keys[0][0]) if keys else 0
        page = self.server.client.get(
            "/v1/pull",
            params={"after": cursor, "limit": PAGE},
            headers={"Authorization": f"Bearer {self.token}"},
        ).json()
        with store.write() as w:  # applied, but the process dies before the cursor is saved
            w.apply_remote(page["changes"])

    @rule(i=st.integers(0, REPLICAS - 1))
    def duplicate_push(self, i):
        rows = self.stores[i].query(
            "SELECT change_id, entity, row_id, field, value, hlc, site FROM changes "
            "WHERE acked = 1 ORDER BY random() LIMIT 5"
        )
        if not rows:
            return
        changes = [dict(r) for r in rows]
        before = self.server.winners()
        resp = self.server.client.post(
            "/v1/push",
            json={"changes": changes},
            headers={"Authorization": f"Bearer {self.token}"},
        )
        assert resp.status_code == 200, resp.text
        body = resp.json()
        assert body["duplicates"] == len(changes) and body["applied"] == 0
        assert self.server.winners() == before

    @rule(i=st.integers(0, REPLICAS - 1))
    def duplicate_page(self, i):
        page = self.server.client.get(
            "/v1/pull",
            params={"after": 0, "limit": PAGE},
            headers={"Authorization": f"Bearer {self.token}"},
        ).json()
        with self.stores[i].write() as w:
            w.apply_remote(page["changes"])
            w.apply_remote(page["changes"])

    @rule(i=st.integers(0, REPLICAS - 1))
    def clock_jumps_a_year_ahead(self, i):
        self.offsets[i] = YEAR_MS

    @rule(i=st.integers(0, REPLICAS - 1))
    def clock_fixed(self, i):
        self.offsets[i] = 0

    @precondition(lambda self: any(self.offsets))
    @rule()
    def skewed_sync_refused_and_kept(self):
        i = next(k for k, o in enumerate(self.offsets) if o)
        pending = self.stores[i].pending_count()
        try:
            self._sync(i)
        except ClockSkewError as exc:
            assert "clock" in str(exc)
        assert self.stores[i].pending_count() <= pending

    def teardown(self):
        try:
            self.offsets = [0] * REPLICAS
            for _ in range(2):
                for i in range(REPLICAS):
                    self._sync(i)
            server = self.server.winners()
            for store in self.stores:
                assert store.pending_count() == 0
                snap = snapshot(store)
                assert set(snap) == set(server)
                for key, (value, hlc, site) in server.items():
                    assert snap[key] == (value, hlc, site), key
            first = tables(self.stores[0], FIELDS)
            for store in self.stores[1:]:
                assert tables(store, FIELDS) == first
        finally:
            for s in self.stores:
                s.close()
            self.server.engine.dispose()
            shutil.rmtree(self.tmp, ignore_errors=True)


SETTINGS = settings(
    max_examples=30,
    stateful_step_count=30,
    deadline=None,
    phases=[Phase.generate],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


def test_convergence_sqlite():
    from hypothesis.stateful import run_state_machine_as_test

    run_state_machine_as_test(SyncMachine, settings=SETTINGS)


@pytest.fixture
def pg_machine(pg_cluster):
    class PgMachine(SyncMachine):
        database_url = staticmethod(lambda: create_pg_database(pg_cluster))

    return PgMachine


def test_convergence_postgresql(pg_machine):
    from hypothesis.stateful import run_state_machine_as_test

    run_state_machine_as_test(
        pg_machine,
        settings=settings(
            max_examples=8,
            stateful_step_count=25,
            deadline=None,
            suppress_health_check=list(HealthCheck),
        ),
    )
