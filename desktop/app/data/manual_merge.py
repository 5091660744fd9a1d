"""Merging two rows the rep picked (not only suggested pairs): what tells two same-named
customers or contacts apart, their fields side by side, and the merge with the rep's choice per
field — the same reversible merge (and undo) as the suggestions'."""

from __future__ import annotations

import sqlite3
from typing import Any

from sync.schema_contract import CONTACT_DETAILS

# Fields shown side by side, and which of them the rep can take from either row: a contact's
# details as cards and reports give them (its company and match key are not the rep's choice).
FIELDS = {
    "companies": ("name", "name_kana"),
    "contacts": tuple(f for f in CONTACT_DETAILS if f not in ("company_id", "name_normalized")),
}


def candidates(conn: sqlite3.Connection, entity: str) -> list[dict[str, Any]]:
    """Every live row with what distinguishes it: reading, address, last visit, source file."""
    if entity == "companies":
        sql = """SELECT c.id, c.name AS name, c.name_kana AS reading,
                   (SELECT p.address FROM contacts p WHERE p.company_id = c.id AND p.deleted = 0
                      AND p.address IS NOT NULL ORDER BY p.id LIMIT 1) AS address,
                   (SELECT max(a.occurred_on) FROM activities a
                      WHERE a.company_id = c.id AND a.deleted = 0) AS last_visit,
                   (SELECT s.path FROM activities a JOIN sources s ON s.id = a.source_id
                      WHERE a.company_id = c.id AND a.deleted = 0
                      ORDER BY a.occurred_on DESC LIMIT 1) AS source
                 FROM companies c WHERE c.deleted = 0 ORDER BY c.name_kana IS NULL,
                   c.name_kana, c.name"""
    else:
        sql = """SELECT p.id, p.full_name AS name, p.full_name_kana AS reading, p.address,
                   co.name AS company,
                   (SELECT max(a.occurred_on) FROM activities a
                      WHERE a.contact_id = p.id AND a.deleted = 0) AS last_visit,
                   s.path AS source
                 FROM contacts p LEFT JOIN companies co ON co.id = p.company_id
                 LEFT JOIN sources s ON s.id = p.source_id
                 WHERE p.deleted = 0 ORDER BY p.full_name"""
    return [dict(r) for r in conn.execute(sql)]


def side_by_side(conn: sqlite3.Connection, entity: str, left: str, right: str) -> list[tuple]:
    """(field, left value, right value) for each field of FIELDS[entity]."""
    cols = ", ".join(FIELDS[entity])
    rows = {
        r["id"]: r
        for r in conn.execute(f"SELECT id, {cols} FROM {entity} WHERE id IN (?, ?)", (left, right))
    }
    a, b = rows.get(left), rows.get(right)
    if a is None or b is None:
        return []
    return [(f, a[f], b[f]) for f in FIELDS[entity]]


def merge_chosen(store, entity: str, keep_id: str, other_id: str, take: list[str]) -> str:
    """Merge ``other_id`` into ``keep_id``, the fields in ``take`` taken from ``other_id``;
    returns the merge id (undone like any merge, from Problems → 最近の統合)."""
    from importers.cards.merge import merge_companies, merge_contacts

    fn = merge_companies if entity == "companies" else merge_contacts
    return fn(store, keep_id, other_id, take=[f for f in take if f in FIELDS[entity]])
