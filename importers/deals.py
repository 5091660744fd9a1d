"""Deals derived from activities: one per 案件名 when the report names deals, else one open deal
per customer carrying the latest amount and probability a rep wrote."""

from __future__ import annotations

import json

from importers.normalize.text import nfkc
from sync.store import Writer
from sync.store.ids import natural_id


def refresh_deals(w: Writer, company_ids: set[str]) -> int:
    """Recompute the derived deals of these customers; returns how many deal rows changed."""
    if not company_ids:
        return 0
    rows = w.conn.execute(
        """SELECT a.company_id, a.deal_title, a.amount_jpy, a.probability, a.rep, a.occurred_on,
                  c.name AS company_name
           FROM activities a JOIN companies c ON c.id = a.company_id
           WHERE a.deleted = 0 AND a.company_id IN (SELECT value FROM json_each(?))
             AND (a.amount_jpy IS NOT NULL OR a.probability IS NOT NULL OR a.deal_title IS NOT NULL)
           ORDER BY a.occurred_on IS NOT NULL, a.occurred_on, a.rowid""",
        (json.dumps(sorted(company_ids)),),
    ).fetchall()
    deals: dict[str, dict] = {}
    for r in rows:
        title = r["deal_title"]
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
        # Rows come oldest first: the latest value a rep wrote wins.
        if r["amount_jpy"] is not None:
            deal["amount_jpy"] = r["amount_jpy"]
        if r["probability"] is not None:
            deal["probability"] = r["probability"]
        deal["owner"] = r["rep"] or deal["owner"]
    changed = 0
    for deal in deals.values():
        p = deal["probability"]
        deal["stage"] = "won" if p == 100 else "lost" if p == 0 else "open"
        _id, fields = w.upsert("deals", deal)
        changed += bool(fields)
    return changed
