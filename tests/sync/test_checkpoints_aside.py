"""Store.checkpoints_aside: during an import's many chunks, the WAL is copied into the database
by a thread of its own, not by the commits; afterwards the commits checkpoint again."""

from __future__ import annotations

import threading
import time

from sync.store import Store
from sync.store.store import WAL_AUTOCHECKPOINT


def _visits(n: int, start: int) -> list[dict]:
    return [{"summary": f"訪問 {i} " + "説明" * 40, "rep": "山本"} for i in range(start, start + n)]


def _write_chunks(store: Store) -> None:
    for k in range(30):  # ~40 pages a chunk
        with store.write(bulk=True) as w:
            w.insert_many("activities", _visits(100, 100 * k))
        time.sleep(0.01)


def test_the_wal_is_checkpointed_beside_the_writer_and_nothing_is_lost(tmp_path):
    with Store(tmp_path / "alone") as alone:  # the same chunks with no checkpoint at all
        alone.query("PRAGMA wal_autocheckpoint = 0")
        _write_chunks(alone)
        unchecked = alone.path.stat().st_size  # every page written is still in the WAL
    with Store(tmp_path / "a") as store:
        with store.checkpoints_aside():
            assert any(t.name == "genba-checkpoint" for t in threading.enumerate())
            assert store.query("PRAGMA wal_autocheckpoint")[0][0] == 0  # not the commits
            _write_chunks(store)
            time.sleep(0.2)
            # the thread copied the WAL into the database file meanwhile
            assert store.path.stat().st_size > 4 * unchecked
        assert not any(t.name == "genba-checkpoint" for t in threading.enumerate())
        assert store.query("PRAGMA wal_autocheckpoint")[0][0] == WAL_AUTOCHECKPOINT
        assert store.query("SELECT count(*) FROM activities")[0][0] == 3000
        assert store.query("PRAGMA integrity_check")[0][0] == "ok"
    with Store(tmp_path / "a") as again:  # reopened: every row is there
        assert again.query("SELECT count(*) FROM activities")[0][0] == 3000


def test_an_error_inside_still_ends_the_thread_and_restores_the_commits_checkpoints(tmp_path):
    with Store(tmp_path / "a") as store:
        try:
            with store.checkpoints_aside():
                raise RuntimeError("the import failed")
        except RuntimeError:
            pass
        assert not any(t.name == "genba-checkpoint" for t in threading.enumerate())
        assert store.query("PRAGMA wal_autocheckpoint")[0][0] == WAL_AUTOCHECKPOINT
