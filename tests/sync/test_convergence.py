"""Convergence under faults: a hypothesis state machine with replicas (laptops) and a server.

Faults: a push whose response is lost after the server committed, a crash between applying a
pulled page and saving its cursor, duplicate delivery (pushes and pages), a PC clock a year
ahead, delete against a concurrent edit, the same row created on two laptops; the data folder
moved, genba.db restored in place from a backup, restored or copied as another laptop (a cloned
disk), the server restored from a backup, a hostile teammate forging another replica's change
ids, a rep moved to another team on the same server (whose sequence is behind or ahead of the
old team's), and old and new field sets (a laptop whose Genba predates a field pulls teammates'
values of it, then upgrades). Invariants: after everyone syncs, every replica equals its team's
server copy, field by field (value, clock, site) and table by table (a moved rep: every field of
the new team, at its clock or a greater one), a laptop that upgrades holds every value of the new
field its cursor has passed, and no edit the server ever acknowledged is lost (its value is the
field's winner or was beaten by a greater clock).
"""

from __future__ import annotations

import json
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
from sync.schema_contract import SYNCED_FIELDS
from sync.server.users import move_user
from sync.store import Store
from sync.store.pulled import apply_held
from sync.store.schema import ADDED_LATER, MIGRATIONS
from tests.sync.conftest import create_pg_database, make_server
from tests.sync.helpers import LoseResponse, snapshot, tables

YEAR_MS = 365 * 24 * 3600 * 1000
REPLICAS = 3
MAX_REPLICAS = 5  # clones join as new laptops
FIELDS = {
    "companies": ("name", "name_kana"),
    "contacts": ("full_name", "full_name_latin"),
    "deals": ("title", "stage", "amount_jpy"),
}
ROW_IDS = [f"00000000-0000-7000-8000-00000000000{i}" for i in range(6)]
# Team B's rows: a rep moved there must end up with every one of them.
ROW_IDS_B = [f"00000000-0000-7000-8000-0000000000b{i}" for i in range(4)]
HOME = {"A": ROW_IDS, "B": ROW_IDS_B}
# An older Genba: the build before the newest field (contacts.full_name_latin, 0009) existed.
NEW_FIELD = ("contacts", "full_name_latin")
OLD_MIGRATIONS = [m for m in MIGRATIONS if m[0] != ADDED_LATER[NEW_FIELD]]
VALUES = {
    "full_name": st.sampled_from(["山田太郎", "佐藤花子"]),
    "full_name_latin": st.sampled_from(["Taro Yamada", "Hanako Sato", None]),
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
        # One rep per laptop (a copy or a clone is the same rep's); replica 0 and 1 are the same
        # rep's two PCs. Team B has a laptop of its own.
        self.users = ["rep0", "rep0", "rep2"]
        self.tokens = {u: self.server.add_user("A", u, "rep") for u in sorted(set(self.users))}
        self.tokens["b-rep"] = self.server.add_user("B", "b-rep", "rep")
        self.hostile = self.server.add_user("A", "hostile", "rep")
        self.offsets = [0] * REPLICAS
        self.dirs = [self.tmp / f"r{i}" for i in range(REPLICAS)]
        self.old: set[int] = set()  # laptops running the older Genba (OLD_MIGRATIONS)
        self.moved: set[str] = set()  # reps that changed team at least once
        self.stores = [Store(d, now_ms=self._clock(i)) for i, d in enumerate(self.dirs)]
        self.b_store = Store(self.tmp / "b", now_ms=lambda: time.time_ns() // 1_000_000)
        self.backups: dict[int, Path] = {}
        self.server_backup: str | None = None
        self.acked: set[tuple] = set()  # (entity, row_id, field, hlc, site) the server acked

    def _new_database(self) -> str:
        if type(self).database_url:
            return type(self).database_url()
        return f"sqlite:///{(self.tmp / f'server-{uuid.uuid4().hex[:6]}.db').as_posix()}"

    def _clock(self, i):
        return lambda: time.time_ns() // 1_000_000 + self.offsets[i]

    def _token(self, i) -> str:
        return self.tokens[self.users[i]]

    def _team(self, user: str) -> str:
        from sqlalchemy import select

        from sync.server.db import teams, users

        with self.server.engine.connect() as conn:
            return conn.execute(
                select(teams.c.name)
                .join(users, users.c.team_id == teams.c.id)
                .where(users.c.name == user)
            ).scalar_one()

    def _fields(self, i, entity) -> tuple[str, ...]:
        return tuple(f for f in FIELDS[entity] if (entity, f) not in self.stores[i].unknown_fields)

    def _sync(self, i, client=None):
        try:
            return sync_once(
                self.stores[i],
                self.server.url,
                self._token(i),
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

    def _open(self, i, folder: Path) -> Store:
        migrations = OLD_MIGRATIONS if i in self.old else MIGRATIONS
        return Store(folder, now_ms=self._clock(i), migrations=migrations)

    def _reopen(self, i, folder: Path) -> None:
        self.dirs[i] = folder
        self.stores[i] = self._open(i, folder)

    @initialize(old=st.sets(st.integers(0, REPLICAS - 1), max_size=1))
    def start(self, old):
        """Zero or one laptop still runs the older Genba (made before its first sync)."""
        for i in old:
            self.stores[i].close()
            shutil.rmtree(self.dirs[i])
            self.old.add(i)
            self._reopen(i, self.dirs[i])

    # -- local edits -----------------------------------------------------------------------
    @rule(
        i=st.integers(0, REPLICAS - 1),
        entity=st.sampled_from(sorted(FIELDS)),
        k=st.integers(0, len(ROW_IDS) - 1),
        data=st.data(),
    )
    def write(self, i, entity, k, data):
        """An edit of a row of the rep's current team (an old Genba edits the fields it knows)."""
        home = HOME[self._team(self.users[i])]
        row = home[k % len(home)]
        field = data.draw(st.sampled_from(self._fields(i, entity)))
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
        if row not in HOME[self._team(self.users[i])]:
            return
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
            headers={"Authorization": f"Bearer {self._token(i)}"},
        ).json()
        with store.write() as w:  # applied, but the process dies before the cursor is saved
            w.apply_remote(page["changes"])

    @rule(i=st.integers(0, REPLICAS - 1))
    def duplicate_push(self, i):
        if self.users[i] in self.moved:
            return  # what it acked in its old team would be new to this one
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
            headers={"Authorization": f"Bearer {self._token(i)}"},
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
        self.users.append(self.users[i])  # the same rep's data
        if i in self.old:
            self.old.add(len(self.stores))  # a copy of an old Genba's folder, opened by it
        self.dirs.append(folder)
        self.stores.append(self._open(len(self.stores), folder))

    @precondition(lambda self: len(self.stores) > REPLICAS)
    @rule(data=st.data())
    def copy_writes_and_syncs(self, data):
        k = data.draw(st.integers(REPLICAS, len(self.stores) - 1))
        entity = data.draw(st.sampled_from(sorted(FIELDS)))
        row = data.draw(st.sampled_from(HOME[self._team(self.users[k])]))
        field = data.draw(st.sampled_from(self._fields(k, entity)))
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
        for store in [*self.stores, self.b_store]:
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

    # -- teams -------------------------------------------------------------------------------
    @rule(k=st.integers(0, len(ROW_IDS_B) - 1), data=st.data())
    def team_b_writes_and_syncs(self, k, data):
        """Team B's own laptop: its rows and its sequence, behind or ahead of team A's."""
        entity = data.draw(st.sampled_from(sorted(FIELDS)))
        field = data.draw(st.sampled_from(FIELDS[entity]))
        value = data.draw(VALUES[field].filter(lambda v: v is not None))
        with self.b_store.write() as w:
            if w.get(entity, ROW_IDS_B[k]) is None:
                w.insert(entity, {"id": ROW_IDS_B[k], field: value})
            else:
                w.update(entity, ROW_IDS_B[k], {field: value})
        self._sync_b()

    def _sync_b(self):
        try:
            sync_once(
                self.b_store,
                self.server.url,
                self.tokens["b-rep"],
                client=self.server.client,
                batch_size=5,
                page_size=PAGE,
            )
        finally:
            rows = self.b_store.query(
                "SELECT entity, row_id, field, hlc, site FROM changes WHERE acked = 1"
            )
            self.acked.update(tuple(r) for r in rows)

    @rule(i=st.integers(0, REPLICAS - 1))
    def team_move(self, i):
        """The admin moves the rep to the other team (`genba-server move-user`), once their
        laptops have sent everything (edits still unsent would go to the new team)."""
        user = self.users[i]
        mine = [k for k, u in enumerate(self.users) if u == user]
        for k in mine:
            self.sync(k)
        if any(self.stores[k].pending_count() for k in mine):
            return
        team = self._team(user)
        move_user(self.server.engine, user, "B" if team == "A" else "A")
        self.moved.add(user)
        self.sync(i)  # the new team from its start: nothing of it skipped
        self._assert_holds_team(i)

    def _assert_holds_team(self, i):
        """Every field of the rep's current team is on the laptop, at its clock or a greater
        one (a greater one: a value of the same row the laptop has from another team)."""
        if self.offsets[i] or self.stores[i].pending_count():
            return  # a refused or unfinished sync: checked at the end
        server = self.server.winners(self._team(self.users[i]))
        mine = self._snapshot(i)
        for key, (value, hlc, site) in server.items():
            assert key in mine, ("skipped", key)
            if mine[key][1:] == (hlc, site):
                assert mine[key][0] == value, key
            else:
                assert mine[key][1:] > (hlc, site), key

    def _snapshot(self, i) -> dict:
        """``snapshot`` for any laptop: fields this Genba does not know come from sync_held."""
        store = self.stores[i]
        if not store.unknown_fields:
            return snapshot(store)
        out = {}
        for e, r, f, h, s, v in store.query(
            "SELECT entity, row_id, field, hlc, site, value FROM sync_held"
            " WHERE reason = 'unknown_field'"
        ):
            if (e, r, f) not in out or (h, s) > out[(e, r, f)][1:]:
                out[(e, r, f)] = (None if v is None else json.loads(v), h, s)
        with store.write() as w:
            for e, r, f in w.conn.execute("SELECT entity, row_id, field FROM field_clocks"):
                if (e, f) in store.unknown_fields:
                    continue
                clock = w.clock_of(e, r, f)
                value = w.conn.execute(f"SELECT {f} FROM {e} WHERE id = ?", (r,)).fetchone()
                out[(e, r, f)] = (value[0], *clock)
            for e, r in w.conn.execute("SELECT entity, row_id FROM row_clocks"):
                for f in SYNCED_FIELDS[e]:
                    if (e, f) in store.unknown_fields or (e, r, f) in out:
                        continue
                    clock = w.clock_of(e, r, f)
                    if clock is not None:
                        value = w.conn.execute(f"SELECT {f} FROM {e} WHERE id = ?", (r,))
                        out[(e, r, f)] = (value.fetchone()[0], *clock)
        return out

    def _new_field_passed(self, i) -> dict:
        """The team's values of NEW_FIELD that this laptop's pull cursor has passed."""
        from sqlalchemy import select

        from sync.server.db import teams, winners
        from sync.server.identity import server_identity

        ident = server_identity(self.server.engine)
        with self.server.engine.connect() as conn:
            tid = conn.execute(
                select(teams.c.id).where(teams.c.name == self._team(self.users[i]))
            ).scalar_one()
            key = f"pull_cursor:{ident['server_id']}:{ident['epoch']}:{tid}"
            cursor = int(self.stores[i].get_meta(key) or 0)
            rows = conn.execute(
                select(winners.c.row_id, winners.c.hlc, winners.c.site).where(
                    winners.c.team_id == tid,
                    winners.c.entity == NEW_FIELD[0],
                    winners.c.field == NEW_FIELD[1],
                    winners.c.seq <= cursor,
                )
            ).all()
        return {(NEW_FIELD[0], r, NEW_FIELD[1]): (h, s) for r, h, s in rows}

    # -- old and new field sets ---------------------------------------------------------------
    @precondition(lambda self: self.old)
    @rule(k=st.integers(0, len(ROW_IDS) - 1), value=VALUES["full_name_latin"], data=st.data())
    def new_genba_writes_the_new_field(self, k, value, data):
        """A teammate on the newer Genba sets the field, syncs; the old one then pulls it."""
        new = [i for i in range(len(self.stores)) if i not in self.old]
        i = data.draw(st.sampled_from(new))
        old = data.draw(st.sampled_from(sorted(self.old)))
        home = HOME[self._team(self.users[i])]
        row, (entity, field) = home[k % len(home)], NEW_FIELD
        with self.stores[i].write() as w:
            if w.get(entity, row) is None:
                w.insert(entity, {"id": row, "full_name": "山田太郎", field: value})
            else:
                w.update(entity, row, {field: value})
        self.sync(i)
        self.sync(old)

    @precondition(lambda self: self.old)
    @rule(data=st.data())
    def upgrade(self, data):
        """The older Genba is updated: the migration adds the field's column, and the values
        its pulls held aside (the cursor moved past them) are applied, none lost."""
        i = data.draw(st.sampled_from(sorted(self.old)))
        self._upgrade(i)

    def _upgrade(self, i):
        store = self.stores[i]
        held = {
            (e, r, f): (h, s)
            for e, r, f, h, s in store.query(
                "SELECT entity, row_id, field, hlc, site FROM sync_held"
                " WHERE reason = 'unknown_field'"
            )
        }
        before = self._snapshot(i)
        for key, clock in self._new_field_passed(i).items():
            # pulled while the field was unknown: held, not dropped as the cursor moved on
            assert key in before and before[key][1:] >= clock, ("dropped", key)
        store.close()
        self.old.discard(i)
        self._reopen(i, self.dirs[i])
        assert not self.stores[i].unknown_fields
        apply_held(self.stores[i])  # what the next sync does first
        after = snapshot(self.stores[i])
        assert self.stores[i].query("SELECT count(*) FROM sync_held")[0][0] == 0
        for key, clock in held.items():
            assert after[key][1:] >= clock, key
        for key, value in before.items():
            assert after.get(key, (None, "", ""))[1:] >= value[1:], key

    @rule(i=st.integers(0, REPLICAS - 1))
    def duplicate_page(self, i):
        page = self.server.client.get(
            "/v1/pull",
            params={"after": 0, "limit": PAGE},
            headers={"Authorization": f"Bearer {self._token(i)}"},
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
            for i in sorted(self.old):
                self._upgrade(i)
            self.offsets = [0] * len(self.stores)
            for _ in range(3):
                for i in range(len(self.stores)):
                    self._sync(i)
                self._sync_b()
            winners = {t: self.server.winners(t) for t in HOME}
            members = [(self.stores[i], self.users[i]) for i in range(len(self.stores))]
            for store, user in [*members, (self.b_store, "b-rep")]:
                assert store.pending_count() == 0, (
                    store.site_id,
                    [tuple(r) for r in store.query("SELECT seq, site, acked, hlc FROM changes")],
                )
                server = winners[self._team(user)]
                snap = snapshot(store)
                if user in self.moved:  # it also holds its old team's rows
                    snap = {k: v for k, v in snap.items() if k in server}
                assert set(snap) == set(server)
                for key, (value, hlc, site) in server.items():
                    if user in self.moved and snap[key][1:] > (hlc, site):
                        continue  # the same row from its other team, at a greater clock
                    assert snap[key] == (value, hlc, site), key
            for team in HOME:
                stayed = [s for s, u in members if u not in self.moved and self._team(u) == team]
                for store in stayed[1:]:
                    assert tables(store, FIELDS) == tables(stayed[0], FIELDS)
            # No acknowledged edit is lost: each is the winner or lost to a greater clock (in
            # the team it was pushed to: a moved rep's edits re-sent after a server restore go
            # to the team the rep is in now).
            for entity, row_id, field, hlc, site in self.acked:
                won = [
                    w[(entity, row_id, field)]
                    for w in winners.values()
                    if (entity, row_id, field) in w
                ]
                assert any((w[1], w[2]) >= (hlc, site) for w in won), (entity, field, hlc)
        finally:
            for s in [*self.stores, self.b_store]:
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
            max_examples=8,
            stateful_step_count=25,
            deadline=None,
            suppress_health_check=list(HealthCheck),
        ),
    )
