"""100,000 activities for the lazy model's tests and the bench, inserted through the store."""

from __future__ import annotations

import datetime as dt

COMPANIES = ["サンプル精工", "見本化成", "東海プレス工業", "ミホン製作所", "北陸樹脂工業"]


def bulk_activities(store, n: int = 100_000) -> None:
    from sync.store.ids import natural_id

    start = dt.date(2020, 4, 1)
    company_ids = [natural_id("companies", c) for c in COMPANIES]
    with store.write() as w:
        w.insert_many(
            "companies",
            [
                {"id": cid, "name": f"株式会社{c}", "name_normalized": c}
                for cid, c in zip(company_ids, COMPANIES, strict=True)
            ],
        )
        w.insert_many(
            "activities",
            [
                {
                    "occurred_on": (start + dt.timedelta(days=i // 50)).isoformat(),
                    "company_id": company_ids[i % len(company_ids)],
                    "rep": "山本" if i % 3 else "佐藤",
                    "summary": f"第{i}回 治具の改善提案と試作品の評価",
                    "amount_jpy": (i % 90 + 10) * 10_000,
                }
                for i in range(n)
            ],
        )
