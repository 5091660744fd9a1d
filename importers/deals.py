"""Deals derived from activities: one per 案件名 when the report names deals, else one open deal
per customer carrying the latest amount and probability a rep wrote."""

from __future__ import annotations

import json

from importers.normalize.text import nfkc
from sync.store import Writer
from sync.store.ids import natural_id

# "Latest" is the greatest (has a date, date, rowid); SQLite finds it per group with max() over
# this order-preserving text key, so only one row per deal comes back to Python however many
# activities a customer has (a first scan of a thousand reports stays linear).
_ORDER_KEY = (
    "printf('%d%-10s%020d', a.occurred_on IS NOT NULL, coalesce(a.occurred_on, ''), a.rowid)"
)
_LATEST = "max(CASE WHEN {col} IS NOT NULL THEN " + _ORDER_KEY + " || '|' || {col} END)"

_SQL = f"""
SELECT a.company_id, a.deal_title, c.name AS company_name,
       {_LATEST.format(col="a.amount_jpy")} AS amount,
       {_LATEST.format(col="a.probability")} AS probability,
       {_LATEST.format(col="a.rep")} AS rep
FROM activities a JOIN companies c ON c.id = a.company_id
WHERE a.deleted = 0 AND a.company_id IN (SELECT value FROM json_each(?))
  AND (a.amount_jpy IS NOT NULL OR a.probability IS NOT NULL OR a.deal_title IS NOT NULL)
GROUP BY a.company_id, a.deal_title
"""


def refresh_deals(w: Writer, company_ids: set[str]) -> int:
    """Recompute the derived deals of these customers; returns how many deal rows changed."""
    if not company_ids:
        return 0
    deals: dict[str, dict] = {}
    latest: dict[tuple[str, str], str] = {}
    for r in w.conn.execute(_SQL, (json.dumps(sorted(company_ids)),)):
        title = r["deal_title"]
        # 案件名 written with different widths or spaces is one deal.
        key = f"{r['company_id']}|{nfkc(title).replace(' ', '') if title else ''}"
        deal = deals.setdefault(
            key,
            {
                "id": natural_id("deals", key),
                "company_id": r["company_id"],
                "title": title or f"{r['company_name']} 案件",
                "amount_jpy": None,
                "probability": None,
                "owner": None,
            },
        )
        for column, field in (
            ("amount", "amount_jpy"),
            ("probability", "probability"),
            ("rep", "owner"),
        ):
            packed = r[column]
            if packed and packed > latest.get((key, field), ""):
                latest[(key, field)] = packed
                value = packed.split("|", 1)[1]
                deal[field] = value if field == "owner" else int(value)
    # What Writer.upsert does deal by deal, with the deals as they stand read at once and the
    # new ones inserted together (a first import creates one per customer).
    stored = {
        r["id"]: r
        for r in w.conn.execute(
            "SELECT * FROM deals WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps([d["id"] for d in deals.values()]),),
        )
    }
    new: list[dict] = []
    changed = 0
    for deal in deals.values():
        p = deal["probability"]
        deal["stage"] = "won" if p == 100 else "lost" if p == 0 else "open"
        if (row := stored.get(deal["id"])) is None:
            new.append(deal)
            continue
        fields = {k: v for k, v in deal.items() if k != "id"}
        # stored text has no NUL: equal here is what Writer.update would find equal
        if any(row[k] != v for k, v in fields.items()):
            changed += bool(w.update("deals", deal["id"], fields))
    w.insert_many("deals", new)
    return changed + len(new)
