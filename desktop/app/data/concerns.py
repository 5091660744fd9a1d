"""Whether a write concerns one customer: what the customer page and the brief re-read for.

One small query per touched entity, by primary key over the touched ids (never a scan): a row
of this customer now, or a row the page shows now (it may have moved away or been withdrawn).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable

from desktop.app.data.changes import Changes

# What a customer's page shows, by entity: a query over the touched ids for this company's rows.
IDS = "(SELECT value FROM json_each(:ids))"
BY_COMPANY = {
    "activities": f"SELECT 1 FROM activities WHERE id IN {IDS} AND company_id = :company",
    "contacts": f"SELECT 1 FROM contacts WHERE id IN {IDS} AND company_id = :company",
    "deals": f"SELECT 1 FROM deals WHERE id IN {IDS} AND company_id = :company",
    "notes": f"SELECT 1 FROM notes WHERE id IN {IDS} AND company_id = :company",
    "attachments": f"""SELECT 1 FROM attachments t WHERE t.id IN {IDS} AND (
        (t.entity = 'companies' AND t.entity_id = :company) OR t.entity_id IN (
          SELECT id FROM activities WHERE company_id = :company
          UNION ALL SELECT id FROM contacts WHERE company_id = :company))""",
    "reactions": f"""SELECT 1 FROM reactions r JOIN notes n ON n.id = r.note_id
        WHERE r.id IN {IDS} AND n.company_id = :company""",
}
SHOWN = ("companies", *BY_COMPANY)


def concerns(
    conn: sqlite3.Connection, changes: Changes, company_id: str, shown: Iterable[str] = ()
) -> bool:
    """Whether ``changes`` touch what the page of ``company_id`` shows; ``shown``: ids of the
    rows the page shows now (an activity moved to another customer leaves this page)."""
    if not changes.touches(*SHOWN):
        return False
    shown = set(shown) | {company_id}
    for entity in SHOWN:
        ids = changes.ids(entity)
        if ids is None:
            return True  # many, or not known which
        if ids & shown:
            return True
        if not ids or entity == "companies":
            continue  # another customer's name is not on this page
        params = {"ids": json.dumps(sorted(ids)), "company": company_id}
        if conn.execute(BY_COMPANY[entity] + " LIMIT 1", params).fetchone() is not None:
            return True
    return False
