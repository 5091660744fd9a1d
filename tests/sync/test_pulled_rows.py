"""A pull says which rows it wrote (``recording_pulled``): what the app's views re-read."""

from __future__ import annotations

from sync.store import Store
from sync.store.pulled import PULLED_LISTED, recording_pulled


def _changes(source: Store, n: int) -> list[dict]:
    with source.write() as w:
        ids = w.insert_many("companies", [{"name": f"会社{i}"} for i in range(n)])
    return [dict(c) for c in source.outbox(limit=10 * n)], ids


def test_a_pull_records_the_rows_it_wrote_and_only_inside_the_block(tmp_path):
    source, target = Store(tmp_path / "a"), Store(tmp_path / "b")
    changes, ids = _changes(source, 3)
    with recording_pulled(target) as rows:
        with target.write() as w:
            assert w.apply_remote(changes) == len(changes)
        with target.write() as w:  # the same values again: nothing wins, nothing recorded
            assert w.apply_remote(changes) == 0
    assert rows == {"companies": set(ids)}
    more, _ = _changes(source, 1)
    with target.write() as w:  # outside the block: not recorded anywhere
        w.apply_remote(more)
    assert rows == {"companies": set(ids)}
    source.close()
    target.close()


def test_past_the_limit_an_entity_is_many(tmp_path):
    source, target = Store(tmp_path / "a"), Store(tmp_path / "b")
    changes, _ = _changes(source, PULLED_LISTED + 1)
    with recording_pulled(target) as rows, target.write() as w:
        w.apply_remote(changes)
    assert rows == {"companies": None}  # re-read the entity whole
    source.close()
    target.close()
