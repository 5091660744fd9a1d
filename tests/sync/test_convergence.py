"""Convergence under faults: a hypothesis state machine with replicas (laptops) and a server.

Faults: a push whose response is lost after the server committed, a crash between applying a
pulled page and saving its cursor, duplicate delivery (pushes and pages), a PC clock a year
ahead, delete against a concurrent edit, the same row created on two laptops; the data folder
moved, genba.db restored in place from a backup, restored or copied as another laptop (a cloned
disk), the server restored from a backup, and a hostile teammate forging another replica's change
ids. Invariants: after everyone syncs, every replica equals the server, field by field (value,
clock, site) and table by table, and no edit the server ever acknowledged is lost (its value is
the field's winner or was beaten by a greater clock).
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
import time
import uuid
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
MAX_REPLICAS = 5  # clones join as new laptops
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
        self.server = make_server(self._new_database())
        self.token = self.server.add_user("A", "rep", "rep")
        self.hostile = self.server.add_user("A", "hostile", "rep")
        self.offsets = [0] * REPLICAS
        self.dirs = [self.tmp / f"r{i}" for i in range(REPLICAS)]
        self.stores = [Store(d, now_ms=self._clock(i)) for i, d in enumerate(self.dirs)]
        self.backups: dict[int, Path] = {}
        self.server_backup: str | None = None
        self.acked: set[tuple] = set()  # (entity, row_id, field, hlc, site) the server acked

    def _new_database(self) -> str:
        if type(self).database_url:
            return type(self).database_url()
        return f"sqlite:///{(self.tmp / f'server-{uuid.uuid4().hex[:6]}.db').as_posix()}"

    def _clock(self, i):
        return lambda: time.time_ns() // 1_000_000 + self.offsets[i]

    def _sync(self, i, client=None):
        try:
            return sync_once(
                self.stores[i],
                self.server.url,
                self.token,
                client=client or self.server.client,
                batch_size=5,
                page_size=PAGE,
            )
        finally:
            self._record_acked(i)

    def _record_acked(self, i):
        rows = self.stores[i].query(
            "SELECT entity, row_id, field, hlc, site FROM changes WHERE acked = 1"
        )
        self.acked.update(tuple(r) for r in rows)

    def _copy_db(self, store, dest: Path) -> None:
        """A consistent copy of a live genba.db (what `genba backup` or a disk image holds)."""
        dest.parent.mkdir(parents=True, exist_ok=True)
        target = sqlite3.connect(dest)
        source = sqlite3.connect(store.path)
        source.backup(target)
        source.close()
        target.close()

    def _reopen(self, i, folder: Path) -> None:
        self.dirs[i] = folder
        self.stores[i] = Store(folder, now_ms=self._clock(i))

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
            # Nothing acked without an ack (a restored server may even put acked ones back).
            assert self.stores[i].pending_count() >= before
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
        self.sync(i)  # what this laptop holds as acked, the server now holds
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

    # -- identity faults -----------------------------------------------------------------------
    @rule(i=st.integers(0, REPLICAS - 1))
    def move_data_folder(self, i):
        """The rep moves the data folder (or opens it through another path)."""
        self.stores[i].close()
        folder = self.tmp / f"moved-{uuid.uuid4().hex[:6]}"
        shutil.move(self.dirs[i], folder)
        self._reopen(i, folder)

    @rule(i=st.integers(0, REPLICAS - 1))
    def back_up(self, i):
        self.backups[i] = self.tmp / f"backup-{uuid.uuid4().hex[:6]}.db"
        self._copy_db(self.stores[i], self.backups[i])

    @precondition(lambda self: self.backups)
    @rule(data=st.data())
    def restore_in_place(self, data):
        """genba.db replaced by an older backup: same file, same inode, older sequence."""
        i = data.draw(st.sampled_from(sorted(self.backups)))
        self.stores[i].close()
        for suffix in ("-wal", "-shm"):
            Path(str(self.stores[i].path) + suffix).unlink(missing_ok=True)
        with open(self.stores[i].path, "r+b") as f:  # overwrite in place: the inode is kept
            f.truncate(0)
            f.write(self.backups[i].read_bytes())
        self._reopen(i, self.dirs[i])

    @precondition(lambda self: len(self.stores) < MAX_REPLICAS)
    @rule(i=st.integers(0, REPLICAS - 1), from_backup=st.booleans())
    def copy_as_another_laptop(self, i, from_backup):
        """A backup restored into a new folder, or a cloned disk: a second live copy."""
        folder = self.tmp / f"copy-{uuid.uuid4().hex[:6]}"
        if from_backup and i in self.backups:
            folder.mkdir()
            shutil.copy(self.backups[i], folder / "genba.db")
        else:
            self._copy_db(self.stores[i], folder / "genba.db")
        self.offsets.append(self.offsets[i])
        self.dirs.append(folder)
        self.stores.append(Store(folder, now_ms=self._clock(len(self.stores))))

    @precondition(lambda self: len(self.stores) > REPLICAS)
    @rule(data=st.data())
    def copy_writes_and_syncs(self, data):
        k = data.draw(st.integers(REPLICAS, len(self.stores) - 1))
        entity = data.draw(st.sampled_from(sorted(FIELDS)))
        row = data.draw(st.sampled_from(ROW_IDS))
        field = data.draw(st.sampled_from(FIELDS[entity]))
        value = data.draw(VALUES[field].filter(lambda v: v is not None))
        with self.stores[k].write() as w:
            if w.get(entity, row) is None:
                w.insert(entity, {"id": row, field: value})
            else:
                w.update(entity, row, {field: value})
        self.sync(k)

    @rule()
    def back_up_server(self):
        self.server_backup = self._snapshot_server()

    @precondition(lambda self: self.server_backup)
    @rule()
    def restore_server(self):
        """The server's database restored from its backup: later pushes and seqs are gone."""
        old = self.server
        old.engine.dispose()
        self.server = make_server(self._clone_database(self.server_backup))
        # Edits acked after the backup survive only on the laptops that made them.
        held = set()
        for store in self.stores:
            held.update(
                tuple(r)
                for r in store.query("SELECT entity, row_id, field, hlc, site FROM changes")
            )
        self.acked &= held

    def _snapshot_server(self) -> str:
        return self._clone_database(self.server.engine.url.render_as_string(hide_password=False))

    def _clone_database(self, url: str) -> str:
        self.server.engine.dispose()
        if url.startswith("sqlite"):
            src = url.split("///", 1)[1]
            dest = self.tmp / f"server-{uuid.uuid4().hex[:6]}.db"
            a, b = sqlite3.connect(src), sqlite3.connect(dest)
            a.backup(b)
            a.close()
            b.close()
            return f"sqlite:///{dest.as_posix()}"
        import psycopg

        base, name = url.rsplit("/", 1)
        new = f"genba_{uuid.uuid4().hex[:10]}"
        dsn = base.replace("postgresql+psycopg://", "postgresql://") + "/postgres"
        with psycopg.connect(dsn, autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {new} TEMPLATE {name}")
        return f"{base}/{new}"

    @rule(i=st.integers(0, REPLICAS - 1), ahead=st.integers(1, 50))
    def hostile_teammate_forges_change_ids(self, i, ahead):
        """Another rep pushes under this laptop's replica id and its future change ids."""
        self.sync(i)  # the server has met this replica (its first hello binds it to its rep)
        store = self.stores[i]
        seq = store.query("SELECT coalesce(max(seq), 0) FROM changes")[0][0] + ahead
        before = self.server.winners()
        forged = [
            {
                "change_id": f"{store.site_id}.{seq}",
                "entity": "companies",
                "row_id": ROW_IDS[0],
                "field": "name",
                "value": "乗っ取り",
                "hlc": store.clock.now(),
                "site": store.site_id,
            },
            {  # another site, but the victim's change id
                "change_id": f"{store.site_id}.{seq + 1}",
                "entity": "companies",
                "row_id": ROW_IDS[0],
                "field": "name",
                "value": "乗っ取り",
                "hlc": store.clock.now(),
                "site": "hostile-site",
            },
        ]
        resp = self.server.client.post(
            "/v1/push",
            json={"changes": forged},
            headers={"Authorization": f"Bearer {self.hostile}"},
        )
        assert resp.status_code == 200, resp.text
        body = resp.json()
        assert body["acked"] == []
        assert {r["code"] for r in body["rejected"]} == {"replica_of_another_user"}
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
            self.offsets = [0] * len(self.stores)
            for _ in range(3):
                for i in range(len(self.stores)):
                    self._sync(i)
            server = self.server.winners()
            for store in self.stores:
                assert store.pending_count() == 0, (
                    store.site_id,
                    [tuple(r) for r in store.query("SELECT seq, site, acked, hlc FROM changes")],
                )
                snap = snapshot(store)
                assert set(snap) == set(server)
                for key, (value, hlc, site) in server.items():
                    assert snap[key] == (value, hlc, site), key
            first = tables(self.stores[0], FIELDS)
            for store in self.stores[1:]:
                assert tables(store, FIELDS) == first
            # No acknowledged edit is lost: each is the winner or lost to a greater clock.
            for entity, row_id, field, hlc, site in self.acked:
                won = server.get((entity, row_id, field))
                assert won is not None and (won[1], won[2]) >= (hlc, site), (entity, field, hlc)
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
            # Each example starts a fresh PostgreSQL database (and clones one per server
            # backup): fewer, shorter runs than on SQLite keep it well inside the test timeout.
            max_examples=6,
            stateful_step_count=20,
            deadline=None,
            suppress_health_check=list(HealthCheck),
        ),
    )
