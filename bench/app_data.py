"""The store the app benches open: N activities of one rep over five customers, written through
the store (so with their change log), optionally marked as already sent to a server."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

COMPANIES = ["サンプル精工", "見本化成", "東海プレス工業", "ミホン製作所", "北陸樹脂工業"]


def build(data_dir: Path, rows: int, *, synced: bool = False) -> None:
    """``rows`` activities in ``data_dir``. ``synced``: their changes count as acknowledged by a
    server, as on a laptop that has synced before (only what comes after is pending)."""
    from importers.settings import Settings
    from sync.store import Store
    from sync.store.ids import natural_id

    start = dt.date(2020, 4, 1)
    ids = [natural_id("companies", c) for c in COMPANIES]
    data_dir.mkdir(parents=True, exist_ok=True)
    Settings(user_name="山本").save(data_dir)
    with Store(data_dir) as store, store.write() as w:
        w.insert_many(
            "companies",
            [
                {"id": i, "name": f"株式会社{c}", "name_normalized": c}
                for i, c in zip(ids, COMPANIES, strict=True)
            ],
        )
        w.insert_many(
            "activities",
            [
                {
                    "occurred_on": (start + dt.timedelta(days=i // 50)).isoformat(),
                    "company_id": ids[i % len(ids)],
                    "rep": "山本",
                    "summary": f"第{i}回 治具の改善提案と試作品の評価",
                    "next_action": "見積提示",
                    "amount_jpy": (i % 90 + 10) * 10_000,
                }
                for i in range(rows)
            ],
        )
    if synced:
        conn = sqlite3.connect(data_dir / "genba.db")
        with conn:
            conn.execute("UPDATE change_log SET acked = 1")
        conn.close()


def add_pending(data_dir: Path, changes: int) -> int:
    """About ``changes`` new field changes waiting for the server (3 a row: date, rep, summary);
    returns the store's pending count."""
    from sync.store import Store

    with Store(data_dir) as store:
        with store.write() as w:
            w.insert_many(
                "activities",
                [
                    {"occurred_on": "2024-01-01", "rep": "山本", "summary": f"第{i}回 打合せ"}
                    for i in range(changes // 3)
                ],
            )
        return store.pending_count()
