"""The Store: every write to genba.db goes through here, and every synced write is logged.

One writer at a time (a lock around ``BEGIN IMMEDIATE`` transactions); readers open their own
connections. Each changed field of a synced table gets one change in ``changes`` (stored as
``change_log`` says) and its clock in ``field_clocks``, in the same transaction as the write.
"""

from __future__ import annotations

import itertools
import json
import logging
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from resources.messages import msg
from sync.hlc import HybridLogicalClock
from sync.schema_contract import PRIVATE_VISIBILITY, SYNCED_FIELDS
from sync.store import change_log
from sync.store.connection import READER_CACHE_KIB, WRITER_CACHE_KIB, connect
from sync.store.ids import new_id
from sync.store.migrations import migrate
from sync.store.schema import ADDED_LATER, MIGRATIONS
from sync.values import strip_nul

DB_NAME = "genba.db"

# A change that stays on this laptop: of a private note (but the withdrawal itself), or of an
# attachment of a private note. ``c`` is the changes table.
LOCAL_ONLY_SQL = f"""NOT (
  (c.entity = 'notes' AND NOT (c.field = 'visibility' AND c.value = '{PRIVATE_VISIBILITY}')
   AND EXISTS (SELECT 1 FROM notes n WHERE n.id = c.row_id AND n.visibility = '{PRIVATE_VISIBILITY}'))
  OR (c.entity = 'attachments' AND EXISTS (
    SELECT 1 FROM attachments a JOIN notes n ON n.id = a.entity_id
    WHERE a.id = c.row_id AND a.entity = 'notes' AND n.visibility = '{PRIVATE_VISIBILITY}')))"""


# Changes at or after the first change of an import still being written stay in the outbox
# until that import is published and completed (importers.staging): sync never pushes half a
# file. Edits made meanwhile wait behind it too, for the length of the import.
NOT_HELD_SQL = "c.seq < coalesce((SELECT min(first_seq) FROM import_runs), 9223372036854775807)"


class StoreError(RuntimeError):
    """The data directory or its database cannot be used; the message says what to do."""


log = logging.getLogger(__name__)

# Fields whose column default is 0: an insert that leaves them 0 has not "written" them.
ZERO_DEFAULT_FIELDS = frozenset({"deleted", "needs_review"})
# SQLite's default: a commit that takes the WAL past this many pages copies it into the database
WAL_AUTOCHECKPOINT = 1_000
CHECKPOINT_EVERY_S = 0.05  # Store.checkpoints_aside: the WAL grows by ~4 MB in that time at most
BULK_INSERT_ROWS = 100  # from this many rows, an insert goes through a temporary table
INSERT_CHUNK = 2_000  # rows per executemany batch: bounds memory on 200k-row imports
# A writer waiting for the lock tries again every few milliseconds, and says so in a flag file
# that bulk writers (an import's chunks) give way to before their next chunk: SQLite's own busy
# handler sleeps up to 100 ms between tries, and would lose every race against an import that
# begins its next chunk the moment it commits the last.
WAIT_POLL_S = 0.002
WAIT_FLAG_FRESH_S = 0.5  # a flag not touched for this long was left by a process that died
GIVE_WAY_MAX_S = 0.5


def logged_at_insert(field: str, value: Any) -> bool:
    """Whether a local insert logged this field (and so the row's insert clock is its clock)."""
    return value is not None and not (field in ZERO_DEFAULT_FIELDS and value == 0)


class Store:
    """The local store in one data directory."""

    def __init__(
        self,
        data_dir: Path | str,
        *,
        now_ms=None,
        cache_kib: int = WRITER_CACHE_KIB,
        migrations: list[tuple[str, list[str]]] = MIGRATIONS,
    ):
        """``cache_kib``: the writer connection's page cache — large for bulk imports, small in
        a process that only edits (the app, whose imports and syncs run in child processes).
        ``migrations``: the schema this build knows (an older build's list lacks the steps that
        came after it, and with them the fields those steps add: ``unknown_fields``)."""
        self.data_dir = Path(data_dir)
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            # Japanese as made; the CLI and the app write it in the rep's language (in_language)
            reason = exc.strerror or str(exc)
            raise StoreError(
                msg("store.cannot_create", None, folder=self.data_dir, reason=reason)
            ) from exc
        self.path = self.data_dir / DB_NAME
        try:
            self._conn = connect(self.path, cache_kib=cache_kib)
            migrate(self._conn, migrations)
            applied = {r[0] for r in self._conn.execute("SELECT name FROM _migrations")}
        except sqlite3.DatabaseError as exc:
            raise StoreError(msg("store.unusable", None, path=self.path, detail=exc)) from exc
        # Synced fields this database has no column for (a teammate's newer Genba writes them):
        # pulled values of these are held in sync_held and applied once an upgrade adds them.
        self.unknown_fields = frozenset(k for k, m in ADDED_LATER.items() if m not in applied)
        self._fields = {
            e: tuple(f for f in fs if (e, f) not in self.unknown_fields)
            for e, fs in SYNCED_FIELDS.items()
        }
        self._lock = threading.RLock()
        self.site_id = self._site_id()
        # The PC clock minus the server's, as the last sync measured it: stamps use the
        # server's time, so a laptop 10 minutes slow does not silently lose its edits.
        self.clock_offset_ms = int(self.get_meta("clock_offset_ms") or 0)
        raw = now_ms or (lambda: time.time_ns() // 1_000_000)
        self.clock = HybridLogicalClock(
            self.get_meta("hlc_last"), now_ms=lambda: raw() - self.clock_offset_ms
        )

    def fields_of(self, entity: str) -> tuple[str, ...]:
        """The synced fields of ``entity`` this database has columns for."""
        return self._fields[entity]

    # -- connections -------------------------------------------------------------------------
    def reader(self) -> sqlite3.Connection:
        """A new read connection (one per thread); the caller closes it."""
        return connect(self.path, cache_kib=READER_CACHE_KIB)

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    @contextmanager
    def checkpoints_aside(self) -> Iterator[None]:
        """For a long run of bulk writes (an import): the WAL is copied into the database by a
        thread of its own, on its own connection, instead of by the commit that fills it.
        A checkpoint waits for the disk twice (the WAL synced, then the database): in the
        writer's commits that was a tenth of a 20,000-row import; on this thread the writer
        goes on meanwhile. What is left when the run ends is checkpointed as before."""
        stop = threading.Event()
        errors: list[BaseException] = []

        def run() -> None:
            conn = connect(self.path, cache_kib=READER_CACHE_KIB)
            try:
                while not stop.wait(CHECKPOINT_EVERY_S):
                    # PASSIVE: copies what no reader still needs, never waits for a lock
                    conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
            except BaseException as exc:  # the writer checkpoints again once this ends
                errors.append(exc)
            finally:
                conn.close()

        with self._lock:
            self._conn.execute("PRAGMA wal_autocheckpoint = 0")
        thread = threading.Thread(target=run, name="genba-checkpoint", daemon=True)
        thread.start()
        try:
            yield
        finally:
            stop.set()
            thread.join()
            with self._lock:
                self._conn.execute(f"PRAGMA wal_autocheckpoint = {WAL_AUTOCHECKPOINT}")
            if errors:
                log.warning("background checkpoints stopped: %s", errors[0])

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def query(self, sql: str, params: Iterable[Any] = ()) -> list[sqlite3.Row]:
        """Read through the writer's connection (serialised with writes; fine for small reads)."""
        with self._lock:
            return self._conn.execute(sql, tuple(params)).fetchall()

    # -- meta ----------------------------------------------------------------------------------
    def get_meta(self, key: str, default: str | None = None) -> str | None:
        with self._lock:
            row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_meta(self, key: str, value: str | None) -> None:
        with self.write() as w:
            w.set_meta(key, value)

    def _site_id(self) -> str:
        """This database's replica id, stored in it (never derived from its path: a moved folder
        keeps it). A restored, copied or cloned file is told apart by the server, which knows the
        last change it holds from each replica; ``sync.store.replica.reissue`` then gives it a new
        one."""
        with self._lock:
            row = self._conn.execute("SELECT value FROM meta WHERE key = 'site_id'").fetchone()
            if row and row[0]:
                return row[0]
            site = new_id().replace("-", "")[-16:]
            self._conn.execute("BEGIN IMMEDIATE")
            self._conn.execute(
                "INSERT OR REPLACE INTO meta(key, value) VALUES ('site_id', ?)", (site,)
            )
            self._conn.execute("COMMIT")
            return site

    # -- writes --------------------------------------------------------------------------------
    @contextmanager
    def write(self, *, bulk: bool = False) -> Iterator[Writer]:
        """One write transaction; commits on success, rolls back everything on any error.

        ``bulk``: one chunk of a long job (an import's): a writer waiting in another process
        goes first, so that an edit waits for one chunk at most, never for the whole job."""
        with self._lock:
            if bulk:
                self._give_way()
            self._begin()
            # Another process on this file (the app and `genba import`, a child import) shares
            # our site id: move past the last clock any of them committed, so a later write never
            # carries an earlier stamp.
            last = self._conn.execute("SELECT value FROM meta WHERE key = 'hlc_last'").fetchone()
            if last and last[0]:
                self.clock.observe(last[0])
            writer = Writer(self, self._conn)
            try:
                yield writer
                writer.set_meta("hlc_last", self.clock.last())
                self._conn.execute("COMMIT")
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise

    def _begin(self) -> None:
        conn = self._conn
        flag = self.path.with_name(DB_NAME + "-waiting")
        # this loop stands in for SQLite's busy handler: it waits as long as the connection's
        # own busy timeout says (10 s unless set otherwise), then restores it
        busy_ms = conn.execute("PRAGMA busy_timeout").fetchone()[0]
        deadline = time.monotonic() + busy_ms / 1000
        conn.execute("PRAGMA busy_timeout = 0")
        waited = False
        try:
            while True:
                try:
                    conn.execute("BEGIN IMMEDIATE")
                    return
                except sqlite3.OperationalError as exc:
                    if not _busy(exc) or time.monotonic() > deadline:
                        raise
                waited = True
                try:
                    flag.touch()
                except OSError:
                    pass  # without the flag we still get in, between two chunks
                time.sleep(WAIT_POLL_S)
        finally:
            conn.execute(f"PRAGMA busy_timeout = {int(busy_ms)}")
            if waited:
                try:
                    flag.unlink(missing_ok=True)
                except OSError:
                    pass  # held open for a moment by another waiter: it goes stale by itself

    def _give_way(self) -> None:
        """Wait (briefly) while another writer says it is waiting for the lock."""
        flag = self.path.with_name(DB_NAME + "-waiting")
        end = time.monotonic() + GIVE_WAY_MAX_S
        while time.monotonic() < end:
            try:
                if flag.stat().st_mtime < time.time() - WAIT_FLAG_FRESH_S:
                    return
            except OSError:
                return
            time.sleep(WAIT_POLL_S)

    # -- sync surface ------------------------------------------------------------------------
    def outbox(self, limit: int = 5000) -> list[dict[str, Any]]:
        """Unacked local changes, oldest first. A private note's only change that leaves is the
        one that made it private (the withdrawal); its attachments never leave."""
        # each stored row is at least one change: ``limit`` rows always hold ``limit`` changes
        rows = self.query(
            f"""SELECT seq, site, entity, row_id, field, value, hlc, layout FROM change_log c
               WHERE acked = 0 AND {LOCAL_ONLY_SQL} AND {NOT_HELD_SQL} ORDER BY seq LIMIT ?""",
            (limit,),
        )
        fields_of = change_log.layouts(self.query)
        return list(itertools.islice(change_log.expand(rows, fields_of), limit))

    def pending_count(self) -> int:
        """Changes waiting for the server (private notes excluded: they never leave)."""
        # changes held behind an import count: they are waiting, and go when it ends
        return self.query(
            f"SELECT coalesce(sum(span), 0) FROM change_log c WHERE acked = 0 AND {LOCAL_ONLY_SQL}"
        )[0][0]

    def set_clock_offset(self, offset_ms: int) -> None:
        """Stamp with the PC clock corrected by ``offset_ms`` (PC minus server) from now on."""
        self.clock_offset_ms = int(offset_ms)
        self.set_meta("clock_offset_ms", str(self.clock_offset_ms))

    def reject(self, rejected: Iterable[dict[str, Any]]) -> int:
        """Keep changes the server refused for good (acked = 2, listed in sync_rejections)."""
        from datetime import UTC, datetime

        now = datetime.now(UTC).isoformat(timespec="seconds")
        n = 0
        with self.write() as w:
            for r in rejected:
                site, _, seq = str(r.get("change_id", "")).rpartition(".")
                if not seq.isdigit():
                    continue
                change_log.explode_covering(w.conn, site, (int(seq),))
                row = w.conn.execute(
                    "UPDATE change_log SET acked = 2 WHERE seq = ? AND site = ? AND acked = 0 "
                    "RETURNING entity, row_id, field",
                    (int(seq), site),
                ).fetchone()
                if row is None:
                    continue
                w.conn.execute(
                    "INSERT OR REPLACE INTO sync_rejections (seq, change_id, entity, row_id, field,"
                    " code, message, rejected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        int(seq),
                        r["change_id"],
                        *row,
                        str(r.get("code", "")),
                        str(r.get("message", "")),
                        now,
                    ),
                )
                n += 1
        return n

    def reset_clock(self, floor_hlc: str) -> HybridLogicalClock:
        """Restart the clock just above ``floor_hlc`` (after re-stamping a clock that ran ahead):
        the old clock would otherwise keep stamping with the year-ahead reading it remembers."""
        self.clock = HybridLogicalClock(floor_hlc, now_ms=self.clock._now_ms)
        return self.clock

    def ack(self, change_ids: Iterable[str]) -> int:
        """Mark exactly these changes as received by the server; return how many were marked.

        A change id is '<replica>.<seq>' of the replica that stamped it, which need not be this
        database's current one (a replica id re-issued while changes were in flight)."""
        keys = []
        for c in change_ids:
            site, _, seq = c.rpartition(".")
            if site and seq.isdigit():
                keys.append((int(seq), site))
        with self.write() as w:
            return change_log.ack(w.conn, keys)


def _busy(exc: sqlite3.OperationalError) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    return code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or "locked" in str(exc)


LOCAL_ONLY_NOTE = (
    "UPDATE change_log SET acked = 3 WHERE entity = 'notes' AND row_id = ? AND acked = 0"
)


def _is_private(row) -> bool:
    try:
        return row["visibility"] == PRIVATE_VISIBILITY
    except (KeyError, IndexError):
        return False


class Writer:
    """Write operations inside one transaction. Obtain one with ``Store.write()``."""

    def __init__(self, store: Store, conn: sqlite3.Connection):
        self.store = store
        self.conn = conn
        self.site = store.site_id
        self.clock = store.clock
        self._next_seq = change_log.next_seq(conn)
        # entity -> ids of the synced rows this transaction wrote: what a write tells the views
        self.touched: dict[str, set[str]] = {}

    @property
    def next_seq(self) -> int:
        """The seq the next change written in this transaction gets."""
        return self._next_seq

    def _touch(self, entity: str, ids) -> None:
        self.touched.setdefault(entity, set()).update(ids)

    def _take_seq(self) -> int:
        seq = self._next_seq
        self._next_seq += 1
        return seq

    def set_meta(self, key: str, value: str | None) -> None:
        self.conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    # Synced entities -------------------------------------------------------------------------
    def insert(self, entity: str, row: dict[str, Any]) -> str:
        """Create a row (id generated unless given) and log each non-empty field."""
        return self.insert_many(entity, [row])[0]

    def insert_many(
        self, entity: str, rows: list[dict[str, Any]], *, hidden: bool = False
    ) -> list[str]:
        """Create rows and log their fields. ``hidden``: stored with ``deleted = 1`` (every
        reader skips them) but logged as live rows, for an import that publishes them later by
        setting ``deleted = 0`` without a change (importers.staging)."""
        fields = self.store.fields_of(entity)
        allowed = set(fields) | {"id"}
        ids: list[str] = []
        for start in range(0, len(rows), INSERT_CHUNK):
            chunk = rows[start : start + INSERT_CHUNK]
            for row in chunk:
                if not row.keys() <= allowed:
                    unknown = sorted(row.keys() - allowed)
                    raise ValueError(f"{entity} has no field(s) {unknown}")
            chunk_ids = [row.get("id") or new_id() for row in chunk]
            by_field = list(zip(*(tuple(map(row.get, fields)) for row in chunk), strict=True))
            self._insert_chunk(entity, fields, [chunk_ids, *by_field], hidden)
            ids.extend(chunk_ids)
        self._touch(entity, ids)
        if entity == "notes":
            private = [(i,) for i, r in zip(ids, rows, strict=True) if _is_private(r)]
            # A note born private keeps its whole history on this laptop (acked = 3).
            self.conn.executemany(LOCAL_ONLY_NOTE, private)
        return ids

    def insert_columns(
        self, entity: str, ids: list[str], columns: dict[str, Sequence], *, hidden: bool = False
    ) -> None:
        """``insert_many`` for rows given by column: ``ids`` and, per field, its values in the
        same order (a field not given is empty). An import that holds its rows as value tuples
        hands them over without building a dict per row. Not for notes (their privacy is read
        per row)."""
        fields = self.store.fields_of(entity)
        unknown = columns.keys() - set(fields)
        if unknown or entity == "notes":
            raise ValueError(f"{entity} has no field(s) {sorted(unknown)}")
        n = len(ids)
        if any(len(col) != n for col in columns.values()):
            raise ValueError("every column holds one value per row")
        empty = (None,) * n
        for start in range(0, n, INSERT_CHUNK):
            part = slice(start, start + INSERT_CHUNK)
            by_field = [columns.get(f, empty)[part] for f in fields]
            self._insert_chunk(entity, fields, [ids[part], *by_field], hidden)
        self._touch(entity, ids)

    def _insert_chunk(self, entity: str, fields: tuple, cols: list, hidden: bool) -> None:
        """Insert one chunk given by column (``cols``: the ids, then one sequence per field of
        ``fields``), its row clocks and its change log."""
        n = len(cols[0])
        if not n:
            return
        if any(i is None for i in cols[0]):
            raise ValueError(f"{entity}: a row without an id")
        for i, f in enumerate(fields, start=1):
            col = cols[i]
            # Where an empty value is stored as 0 (and a 0 then not logged).
            if f in ZERO_DEFAULT_FIELDS and None in col:
                col = cols[i] = [0 if v is None else v for v in col]
            # NUL never enters the store: PostgreSQL cannot hold it and nobody typed it.
            # (repr shows a NUL as \x00: one look at the column in C instead of one per value)
            if "\\x00" in repr(col):
                cols[i] = [strip_nul(v) for v in col]
        if hidden:
            at = fields.index("deleted") + 1
            if any(cols[at]):
                raise ValueError("a hidden row is published by the import, not deleted")
            cols[at] = (1,) * n
        columns = ", ".join(fields)
        if n >= BULK_INSERT_ROWS:
            # Through an empty table of this connection's own, then in one statement: an
            # executemany straight into the entity runs its statement, its indexes' and its
            # knowledge trigger's program once per row (a 20,000-row import: 0.28 s -> 0.22 s).
            bulk = self._bulk_table(entity, columns)
            # Only the columns some row of the chunk fills are bound (the others stay NULL in
            # the table, as binding None does): binding is most of an executemany's cost,
            # and a report fills about two thirds of a visit's columns.
            filled = [i for i, col in enumerate(cols) if col.count(None) != n]
            names = ", ".join(("id", *fields)[i] for i in filled)
            self.conn.executemany(
                f"INSERT INTO {bulk} ({names}) VALUES ({', '.join('?' * len(filled))})",
                zip(*(cols[i] for i in filled), strict=True),
            )
            hi = self.conn.execute(
                f"INSERT INTO {entity} (id, {columns}) SELECT * FROM {bulk}"
            ).lastrowid
            self.conn.execute(f"DELETE FROM {bulk}")
            span = self._rowids(entity, hi - n + 1, hi, cols[0])
        else:
            span = None
            placeholders = ", ".join("?" * (len(fields) + 1))
            self.conn.executemany(
                f"INSERT INTO {entity} (id, {columns}) VALUES ({placeholders})",
                zip(*cols, strict=True),
            )
        stamps = self.clock.now_many(n)
        repeat = itertools.repeat
        self.conn.executemany(
            "INSERT OR REPLACE INTO row_clocks (entity, row_id, hlc, site) VALUES (?, ?, ?, ?)",
            zip(repeat(entity), cols[0], stamps, repeat(self.site), strict=False),
        )
        # The change log is copied from the rows just stored, in SQLite: one change per field
        # written, row by row in field order, each stamped with its row's insert clock (an
        # insert row per row where the entity's inserts are compact: change_log). ``deleted``
        # of a hidden row is the import's mark, not a value: not logged.
        logged_fields = tuple(f for f in fields if not (hidden and f == "deleted"))
        layout = change_log.layout_id(self.conn, logged_fields)
        args = {"seq": self._next_seq, "layout": layout}
        if span is not None:  # the rows just stored, in one pass over their rowids
            args["lo"], args["hi"] = span
        else:
            args["ids"] = json.dumps(list(cols[0]))
        log_sql = change_log.insert_log_sql(
            entity, logged_fields, ZERO_DEFAULT_FIELDS, by_rowid=span is not None
        )
        logged = self.conn.execute(log_sql, args).rowcount
        if logged:
            self._next_seq = change_log.next_seq(self.conn)

    def _rowids(self, entity: str, lo: int, hi: int, ids) -> tuple[int, int] | None:
        """(lo, hi) when the rows of ``ids`` are the ones with rowids ``lo`` to ``hi``, in that
        order: one INSERT ... SELECT gives its rows the rowids after the greatest one, one by
        one; the rows at both ends say so (else None: the log looks them up by id)."""
        found = self.conn.execute(
            f"SELECT rowid, id FROM {entity} WHERE rowid IN (?, ?)", (lo, hi)
        ).fetchall()
        ends = {r[0]: r[1] for r in found}
        if ends.get(lo) == ids[0] and ends.get(hi) == ids[-1]:
            return lo, hi
        return None

    def _bulk_table(self, entity: str, columns: str) -> str:
        """An empty temporary table with the entity's columns (their order never changes for a
        connection: migrations run when the store opens): only this writer sees it, and it holds
        rows for one statement. Made in the transaction, so a rollback takes it away again."""
        name = f"temp.bulk_{entity}"
        self.conn.execute(
            f"CREATE TABLE IF NOT EXISTS {name} AS SELECT id, {columns} FROM {entity} WHERE 0"
        )
        return name

    def get(self, entity: str, row_id: str) -> sqlite3.Row | None:
        return self.conn.execute(f"SELECT * FROM {entity} WHERE id = ?", (row_id,)).fetchone()

    def update(self, entity: str, row_id: str, values: dict[str, Any]) -> list[str]:
        """Set fields; only those that really differ are written and logged. Returns their names."""
        allowed = self.store.fields_of(entity)
        unknown = values.keys() - set(allowed)
        if unknown:
            raise ValueError(f"{entity} has no field(s) {sorted(unknown)}")
        current = self.get(entity, row_id)
        if current is None:
            raise KeyError(f"no {entity} row {row_id}")
        values = {f: strip_nul(v) for f, v in values.items()}
        changed = {f: v for f, v in values.items() if current[f] != v}
        if not changed:
            return []
        privacy = None
        if entity == "notes" and "visibility" in changed:
            was, now = _is_private(current), _is_private(changed)
            privacy = "withdraw" if now and not was else "share" if was and not now else None
        if privacy:
            # Whatever was logged before is not shared state: never send it.
            shared_before = self.conn.execute(
                "SELECT 1 FROM change_log WHERE entity = 'notes' AND row_id = ? AND acked = 1",
                (row_id,),
            ).fetchone()
            self.conn.execute(LOCAL_ONLY_NOTE, (row_id,))
        assignments = ", ".join(f"{f} = ?" for f in changed)
        self.conn.execute(
            f"UPDATE {entity} SET {assignments} WHERE id = ?", (*changed.values(), row_id)
        )
        hlc = self.clock.now()
        changes = []
        for f, v in changed.items():
            changes.append((self._take_seq(), entity, row_id, f, v, hlc, self.site))
        self._log(changes, [(entity, row_id, f, hlc, self.site) for f in changed])
        self._touch(entity, (row_id,))
        if privacy == "withdraw" and not shared_before:
            self.conn.execute(
                LOCAL_ONLY_NOTE, (row_id,)
            )  # never on the server: nothing to withdraw
        elif privacy == "share":
            self._log_shared_state(row_id, hlc, set(changed))
        return list(changed)

    def _log_shared_state(self, row_id: str, hlc: str, logged: set[str]) -> None:
        """A private note made shared: its current state goes out as new changes (one clock),
        never the private edits that led to it."""
        row = self.get("notes", row_id)
        changes, clocks = [], []
        for f in self.store.fields_of("notes"):
            if f in logged or not logged_at_insert(f, row[f]):
                continue
            changes.append((self._take_seq(), "notes", row_id, f, row[f], hlc, self.site))
            clocks.append(("notes", row_id, f, hlc, self.site))
        self._log(changes, clocks)

    def upsert(self, entity: str, row: dict[str, Any]) -> tuple[str, list[str]]:
        """Insert the row, or update the given fields of the existing one with that id."""
        if row.get("id") and self.get(entity, row["id"]) is not None:
            fields = {k: v for k, v in row.items() if k != "id"}
            return row["id"], self.update(entity, row["id"], fields)
        return self.insert(entity, row), ["*"]

    def delete(self, entity: str, row_id: str) -> bool:
        """Tombstone a row (nothing is ever hard-deleted); True if it was live."""
        return bool(self.update(entity, row_id, {"deleted": 1}))

    def restore(self, entity: str, row_id: str) -> bool:
        return bool(self.update(entity, row_id, {"deleted": 0}))

    def log_staged(
        self, entity: str, rows: Iterable[tuple[str, dict[str, Any]]]
    ) -> list[tuple[str, str, Any, str, int]]:
        """Log the new values a later ``apply_staged`` gives existing rows (an import staging a
        re-import's changes in bounded chunks, importers.staging): as ``update`` does, only the
        fields that really differ from the row as it stands, NUL stripped, each row's under one
        clock; but neither the rows nor their field clocks are written yet (they change when the
        import publishes). A row gone meanwhile is skipped. Returns (field, row_id, value, hlc,
        seq) of each change logged."""
        rows = list(rows)
        allowed = set(self.store.fields_of(entity))
        current = {
            r["id"]: r
            for r in self.conn.execute(
                f"SELECT * FROM {entity} WHERE id IN (SELECT value FROM json_each(?))",
                (json.dumps([row_id for row_id, _ in rows]),),
            )
        }
        staged, changes = [], []
        for row_id, values in rows:
            if unknown := values.keys() - allowed:
                raise ValueError(f"{entity} has no field(s) {sorted(unknown)}")
            if (now := current.get(row_id)) is None:
                continue
            values = {f: strip_nul(v) for f, v in values.items()}
            changed = {f: v for f, v in values.items() if now[f] != v}
            if not changed:
                continue
            hlc = self.clock.now()
            for f, v in changed.items():
                seq = self._take_seq()
                changes.append((seq, entity, row_id, f, v, hlc, self.site))
                staged.append((f, row_id, v, hlc, seq))
        self.conn.executemany(
            "INSERT INTO change_log (seq, entity, row_id, field, value, hlc, site) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            changes,
        )
        return staged

    def apply_staged(self, entity: str, run_id: str, fields: Iterable[str]) -> None:
        """Give rows the values an import staged in ``import_values`` for these ``fields``
        (``log_staged`` logged them): one set-based UPDATE per field, then their field clocks. A
        value someone wrote meanwhile with a later clock (an edit in the app, a pulled change)
        stays, as the merge rule says. The import knows which rows it staged and tells the views
        itself: listing 200,000 of them here would lengthen the one transaction edits wait for."""
        allowed = set(self.store.fields_of(entity))
        newer = (
            "EXISTS (SELECT 1 FROM field_clocks c WHERE c.entity = ? AND c.row_id = v.row_id "
            "AND c.field = v.field AND c.hlc > v.hlc)"
        )
        for f in sorted(fields):
            if f not in allowed:  # staged by this build's own code: never a name from a file
                raise ValueError(f"{entity} has no field {f!r}")
            self.conn.execute(
                f"UPDATE {entity} SET {f} = v.value FROM import_values v "
                f"WHERE v.run_id = ? AND v.field = ? AND {entity}.id = v.row_id AND NOT {newer}",
                (run_id, f, entity),
            )
        # the clocks last: the UPDATEs above compared against the clocks from before the publish
        self.conn.execute(
            "INSERT OR REPLACE INTO field_clocks (entity, row_id, field, hlc, site) "
            f"SELECT ?, v.row_id, v.field, v.hlc, ? FROM import_values v "
            f"WHERE v.run_id = ? AND NOT {newer}",
            (entity, self.site, run_id, entity),
        )

    def _log(self, changes: list[tuple], clocks: list[tuple]) -> None:
        self.conn.executemany(
            "INSERT INTO change_log (seq, entity, row_id, field, value, hlc, site) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            changes,
        )
        self.conn.executemany(
            "INSERT OR REPLACE INTO field_clocks (entity, row_id, field, hlc, site) "
            "VALUES (?, ?, ?, ?, ?)",
            clocks,
        )

    def clock_of(self, entity: str, row_id: str, field: str) -> tuple[str, str] | None:
        """(hlc, site) of the field's current value, or None when nothing has written it."""
        cur = self.conn.execute(
            "SELECT hlc, site FROM field_clocks WHERE entity = ? AND row_id = ? AND field = ?",
            (entity, row_id, field),
        ).fetchone()
        if cur:
            return cur[0], cur[1]
        row = self.conn.execute(
            f"SELECT r.hlc, r.site, e.{field} FROM row_clocks r JOIN {entity} e ON e.id = r.row_id "
            "WHERE r.entity = ? AND r.row_id = ?",
            (entity, row_id),
        ).fetchone()
        if row and logged_at_insert(field, row[2]):
            return row[0], row[1]
        return None

    # Pulled changes ------------------------------------------------------------------------
    def apply_remote(
        self, changes: Iterable[dict[str, Any]], *, me: str | None = None, repair: bool = False
    ) -> int:
        """Apply other sites' changes with the merge rule; they are not echoed into the outbox.

        A value this store cannot hold is kept aside in ``sync_held`` (an unknown field until an
        upgrade knows it, an invalid value as a problem to show), never a crash. ``me``: this
        laptop's user, whose notes withdrawn on another of their laptops stay here (private).
        ``repair``: a change whose clock equals ours replaces our value too (re-reading the team
        after a checksum mismatch)."""
        from sync.store.pulled import apply_remote

        return apply_remote(self, changes, me=me, repair=repair)
