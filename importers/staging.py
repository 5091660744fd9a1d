"""Bounded import transactions: a large file is written in chunks and shown all at once.

A daily report is applied in three steps, none of which holds the write lock for long (an edit
in the app waits for one chunk at most, whatever the size of the file):

1. stage, in chunks of ``CHUNK_ROWS`` rows, each its own transaction: the file's new activities
   are inserted hidden (``deleted = 1``: every reader skips them; their changes are logged as for
   live rows) and listed in ``import_staged``; its ``source_rows`` are written as a new
   generation (positions from a new ``rows_base``) beside the current one; the new values and
   tombstones of rows the store already has are logged and kept in ``import_values``.
2. publish, one short transaction: the new companies, ``deleted = 0`` on the staged rows (set-based,
   no change logged: the rows are live as inserted), the staged values swapped in (one set-based
   UPDATE per field, their changes already logged), the ``sources`` row pointing at the new
   generation, and the file's issues.
3. complete, in chunks: what Genba derives from the visits (所感 notes, 面談者 links, deals, memo
   photos) and dropping the old generation.

An ``import_runs`` row lives from step 1 to the end of step 3. While it exists the change log holds
back every change from its first one (``sync.store.store.NOT_HELD_SQL``): sync never pushes half a
file. A process that dies mid-way leaves its run behind; the next import (of any file, in any
process) or sync (importers.recovery) ``recover``s it: a run that never published is discarded
(its hidden rows, its staged values, their changes and the new generation are deleted — nobody
saw or received them — and the file, whose ``sources`` row still has its old hash, imports again
in full); a run that published is completed.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sync.store import Store, Writer
from sync.store.ids import new_id

CHUNK_ROWS = 1_000  # rows per transaction: about 0.1 s of lock on a 2-core laptop, 0.3 s loaded
GENERATION = 1_000_000_000  # source_rows positions of the two generations: [0, G) and [G, 2G)
WAIT_POLL_S = 0.2
_ACTIVE: set[str] = set()  # runs this process is writing now (the others of its pid failed)
STAGING_PATH = "importing:"  # the path of a new file's sources row until it is published


@dataclass
class Run:
    id: str
    source_id: str
    first_seq: int
    rows_base: int  # where the new generation of source_rows starts
    old_base: int
    created_source: bool
    # the fields of existing rows given new values so far (import_values), for the publish
    staged_fields: set[str] = field(default_factory=set)


def begin(store: Store, source_id: str, existing, source_kind: str) -> Run:
    """Open a run for this file (after any other process's run on it has ended)."""
    _wait_for_others(store, source_id)
    old_base = existing["rows_base"] if existing is not None else 0
    base = 0 if old_base else GENERATION
    pid, started = _me()
    with store.write(bulk=True) as w:
        run = Run(new_id(), source_id, w.next_seq, base, old_base, existing is None)
        if existing is None:
            # source_rows need their sources row: until the publish gives it the file's path,
            # hash and time, it stands under a path no folder, view or rescan looks at.
            w.conn.execute(
                "INSERT INTO sources (id, path, kind, status) VALUES (?, ?, ?, 'ok')",
                (source_id, f"{STAGING_PATH}{run.id}", source_kind),
            )
        w.conn.execute(
            "INSERT INTO import_runs (id, source_id, first_seq, rows_base, created_source, phase, "
            "pid, pid_started, started_at) VALUES (?, ?, ?, ?, ?, 'staging', ?, ?, ?)",
            (run.id, source_id, run.first_seq, base, int(run.created_source), pid, started, _now()),
        )
        # Marked as written before it is committed: another thread of this process that
        # recovers (genba watch's background sync) must never see it as left by a failure.
        _ACTIVE.add(run.id)
    return run


def stage(w: Writer, run: Run, rows: list[dict]) -> list[str]:
    """Insert one chunk of new activities, hidden until ``publish``."""
    ids = w.insert_many("activities", rows, hidden=True)
    _mark_staged(w, run, ids)
    return ids


def stage_columns(w: Writer, run: Run, ids: list[str], columns: dict) -> None:
    """``stage`` for new activities given by column (``Writer.insert_columns``)."""
    w.insert_columns("activities", ids, columns, hidden=True)
    _mark_staged(w, run, ids)


def _mark_staged(w: Writer, run: Run, ids: list[str]) -> None:
    # one statement for the chunk: an executemany ran it once per row (0.07 s for 20,000 rows)
    w.conn.execute(
        "INSERT INTO import_staged (run_id, row_id) SELECT ?, value FROM json_each(?)",
        (run.id, json.dumps(ids)),
    )


def write_rows(w: Writer, run: Run, rows: Iterable[tuple]) -> None:
    """One chunk of the new generation of source_rows: (position, sheet, fingerprint,
    activity_id, fields_json) with positions counted from 0."""
    w.conn.executemany(
        "INSERT INTO source_rows (source_id, position, sheet, fingerprint, activity_id, fields) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        ((run.source_id, run.rows_base + p, *rest) for p, *rest in rows),
    )


def stage_values(w: Writer, run: Run, diffs: list[tuple[str, dict]]) -> list[str]:
    """One chunk of new values for rows the store already has ((activity id, fields), a
    tombstone being ``{"deleted": 1}``): each field that differs from the row as it stands now
    is logged (``Writer.log_staged``) and kept in ``import_values`` until ``publish`` swaps it
    in. Returns the ids of the rows that get a new value (an update that changes nothing is no
    update)."""
    if not diffs:
        return []
    staged = w.log_staged("activities", diffs)
    w.conn.executemany(
        "INSERT OR REPLACE INTO import_values (run_id, field, row_id, value, hlc, seq) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        ((run.id, *v) for v in staged),
    )
    run.staged_fields.update(f for f, *_ in staged)
    return list(dict.fromkeys(row_id for _f, row_id, *_ in staged))


def publish(w: Writer, run: Run) -> None:
    """Show the staged rows, give the existing ones their staged values and switch the file to
    its new generation (inside the publish)."""
    w.apply_staged("activities", run.id, run.staged_fields)
    w.conn.execute(
        "UPDATE activities SET deleted = 0 WHERE deleted = 1 "
        "AND id IN (SELECT row_id FROM import_staged WHERE run_id = ?)",
        (run.id,),
    )
    w.conn.execute("UPDATE sources SET rows_base = ? WHERE id = ?", (run.rows_base, run.source_id))
    w.conn.execute("UPDATE import_runs SET phase = 'completing' WHERE id = ?", (run.id,))


def finish(store: Store, run_id: str, source_id: str, old_base: int) -> None:
    """Drop the run's bookkeeping and the old generation, in chunks; then release the change log."""
    _delete_in_chunks(
        store,
        "DELETE FROM import_staged WHERE run_id = ? AND row_id IN "
        "(SELECT row_id FROM import_staged WHERE run_id = ? LIMIT ?)",
        (run_id, run_id),
    )
    _drop_values(store, run_id)
    _drop_generation(store, source_id, old_base)
    with store.write(bulk=True) as w:
        w.conn.execute("DELETE FROM import_runs WHERE id = ?", (run_id,))
    _ACTIVE.discard(run_id)


def discard(store: Store, run_id: str) -> None:
    """Undo a run that never published: nobody saw its rows, nothing of it was pushed."""
    row = store.query("SELECT * FROM import_runs WHERE id = ?", (run_id,))
    if not row or row[0]["phase"] != "staging":
        return
    r = row[0]
    top = store.query("SELECT coalesce(max(seq), 0) FROM change_log")[0][0]
    step = CHUNK_ROWS * 10
    for lo in range(r["first_seq"], top + 1, step):  # the hidden rows' changes, by seq range
        with store.write(bulk=True) as w:
            w.conn.execute(
                "DELETE FROM change_log WHERE seq >= ? AND seq < ? AND entity = 'activities' "
                "AND row_id IN (SELECT row_id FROM import_staged WHERE run_id = ?)",
                (lo, lo + step, run_id),
            )
            # and the logged new values of existing rows, which nobody saw either
            w.conn.execute(
                "DELETE FROM change_log WHERE seq IN (SELECT seq FROM import_values "
                "WHERE run_id = ? AND seq >= ? AND seq < ?)",
                (run_id, lo, lo + step),
            )
    while True:
        with store.write(bulk=True) as w:
            ids = [
                x[0]
                for x in w.conn.execute(
                    "SELECT row_id FROM import_staged WHERE run_id = ? LIMIT ?",
                    (run_id, CHUNK_ROWS),
                )
            ]
            if not ids:
                break
            marks = ",".join("?" * len(ids))
            w.conn.execute(f"DELETE FROM activities WHERE deleted = 1 AND id IN ({marks})", ids)
            w.conn.execute(
                f"DELETE FROM row_clocks WHERE entity = 'activities' AND row_id IN ({marks})", ids
            )
            w.conn.execute(
                f"DELETE FROM import_staged WHERE run_id = ? AND row_id IN ({marks})",
                (run_id, *ids),
            )
    _drop_values(store, run_id)
    _drop_generation(store, r["source_id"], r["rows_base"])
    with store.write(bulk=True) as w:
        if r["created_source"]:
            w.conn.execute("DELETE FROM import_issues WHERE source_id = ?", (r["source_id"],))
            w.conn.execute("DELETE FROM sources WHERE id = ?", (r["source_id"],))
        w.conn.execute("DELETE FROM import_runs WHERE id = ?", (run_id,))
    _ACTIVE.discard(run_id)


def recover(store: Store, complete: Callable[[str], None]) -> int:
    """Discard or complete the runs of processes that died; returns how many were found.
    ``complete(source_id)`` redoes a published file's derived steps."""
    found = 0
    for r in store.query("SELECT * FROM import_runs ORDER BY started_at"):
        if _running(r) or not _claim(store, r):
            continue
        found += 1
        try:
            if r["phase"] == "staging":
                discard(store, r["id"])
            else:
                complete(r["source_id"])
                finish(store, r["id"], r["source_id"], _other(r["rows_base"]))
        except BaseException:
            _ACTIVE.discard(r["id"])  # left again, for the next import or sync to take over
            raise
    return found


# -- internals ---------------------------------------------------------------------------------
def _other(base: int) -> int:
    return 0 if base else GENERATION


def _drop_generation(store: Store, source_id: str, base: int) -> None:
    _delete_in_chunks(
        store,
        "DELETE FROM source_rows WHERE source_id = ? AND position IN (SELECT position FROM "
        "source_rows WHERE source_id = ? AND position >= ? AND position < ? LIMIT ?)",
        (source_id, source_id, base, base + GENERATION),
    )


def _drop_values(store: Store, run_id: str) -> None:
    _delete_in_chunks(
        store,
        "DELETE FROM import_values WHERE run_id = ? AND (field, row_id) IN "
        "(SELECT field, row_id FROM import_values WHERE run_id = ? LIMIT ?)",
        (run_id, run_id),
    )


def _delete_in_chunks(store: Store, sql: str, params: tuple) -> None:
    """``sql`` ends in ``LIMIT ?)``: one chunk per transaction until nothing is left."""
    while True:
        with store.write(bulk=True) as w:
            if w.conn.execute(sql, (*params, CHUNK_ROWS)).rowcount < CHUNK_ROWS:
                return


def _wait_for_others(store: Store, source_id: str) -> None:
    """Another process importing this same file: wait for it (or recover it when it died)."""
    while True:
        runs = store.query("SELECT * FROM import_runs WHERE source_id = ?", (source_id,))
        if not any(_running(r) for r in runs):
            return
        time.sleep(WAIT_POLL_S)


def _claim(store: Store, run) -> bool:
    """Take over a dead run: it becomes this process's, so that an import and a sync (or two
    imports) finding it at once do not both discard or complete it. False: another took it."""
    pid, started = _me()
    _ACTIVE.add(run["id"])  # first: another thread of this process must not take it too
    taken = 0
    try:
        with store.write(bulk=True) as w:
            taken = w.conn.execute(
                "UPDATE import_runs SET pid = ?, pid_started = ? "
                "WHERE id = ? AND pid IS ? AND pid_started IS ?",
                (pid, started, run["id"], run["pid"], run["pid_started"]),
            ).rowcount
    finally:
        if not taken:
            _ACTIVE.discard(run["id"])
    return bool(taken)


def _running(run) -> bool:
    """Whether a run is being written now: by this process, or by another one still alive (a
    run of this process that it is not writing was left by an import that failed)."""
    if run["id"] in _ACTIVE:
        return True
    return run["pid"] != os.getpid() and _alive(run["pid"], run["pid_started"])


def _me() -> tuple[int, float]:
    return os.getpid(), _my_start_time()


def _my_start_time() -> float:
    """This process's start (as psutil's create_time gives it, which ``_alive`` compares): on
    Linux read from /proc as psutil itself does, sparing every import psutil's ~0.03 s load."""
    try:
        stat = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
        boot = next(
            float(line.split()[1])
            for line in Path("/proc/stat").read_text().splitlines()
            if line.startswith("btime")
        )
        return boot + int(stat[19]) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, StopIteration, AttributeError):
        import psutil

        return psutil.Process().create_time()


def _alive(pid: int | None, started: float | None) -> bool:
    """Whether the process that opened a run still runs (the same process, not a reused pid)."""
    if pid is None:
        return False
    import psutil

    try:
        return abs(psutil.Process(pid).create_time() - (started or 0)) < 1.0
    except (psutil.NoSuchProcess, psutil.AccessDenied, ValueError):
        return False


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
