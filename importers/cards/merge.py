"""Duplicate contacts and companies: merge them reversibly, undo a merge (finding them:
importers.cards.duplicates).

A merge never destroys anything: the other row is tombstoned (``deleted = 1``; contacts also get
``merged_into``), the keeper's empty fields are filled from it, and the rows that pointed at the
other one are re-pointed. What was done is written to a local ``merges`` table (not synced: the
undo button lives on the laptop that merged), so ``undo_merge`` can put every field back. All
synced writes go through the store's Writer, so the merge and its undo both sync as ordinary
field changes.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable
from typing import Any

from importers.cards.duplicates import find_duplicate_companies, find_duplicate_contacts
from sync.schema_contract import CONTACT_DETAILS
from sync.store import Store, Writer
from sync.store.ids import new_id

__all__ = [  # finding duplicates lives in importers.cards.duplicates; offered here too
    "MergeError",
    "find_duplicate_companies",
    "find_duplicate_contacts",
    "merge_companies",
    "merge_contacts",
    "resolve_company",
    "resolve_contact",
    "undo_merge",
]

# Fields a merge may fill on the keeper (identity and bookkeeping fields are left alone).
_CONTACT_FILL = (*CONTACT_DETAILS, "full_name_kana_source", "source_id")
_COMPANY_FILL = ("name_kana", "name_kana_source")
# table -> (link column, extra condition): the rows re-pointed from the other row to the keeper
_CONTACT_LINKS = {
    "activities": ("contact_id", ""),
    "notes": ("contact_id", ""),
    "attachments": ("entity_id", "entity = 'contacts'"),
}
_COMPANY_LINKS = {
    "activities": ("company_id", ""),
    "contacts": ("company_id", ""),
    "deals": ("company_id", ""),
    "notes": ("company_id", ""),
    "attachments": ("entity_id", "entity = 'companies'"),
}


class MergeError(ValueError):
    """The merge or undo cannot be done; the message says why."""


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


# --------------------------------------------------------------------------- following merges


def resolve_contact(conn: sqlite3.Connection, contact_id: str) -> str | None:
    """The live contact a contact id stands for now (following ``merged_into``), or None when
    the row is missing or was deleted without a merge."""
    seen = set()
    current = contact_id
    while current and current not in seen:
        seen.add(current)
        row = conn.execute(
            "SELECT deleted, merged_into FROM contacts WHERE id = ?", (current,)
        ).fetchone()
        if row is None:
            return None
        if not row[0]:
            return current
        current = row[1]
    return None


def resolve_company(conn: sqlite3.Connection, company_id: str) -> str | None:
    """The live company a company id stands for now (companies have no ``merged_into``: the
    local merges table redirects a merged-away company to its keeper). None when the row is
    missing or deleted without a merge."""
    seen = set()
    current = company_id
    while current and current not in seen:
        seen.add(current)
        row = conn.execute("SELECT deleted FROM companies WHERE id = ?", (current,)).fetchone()
        if row is None:
            return None
        if not row[0]:
            return current
        current = _merged_company_keeper(conn, current)
    return None


def _merged_company_keeper(conn: sqlite3.Connection, company_id: str) -> str | None:
    row = conn.execute(
        "SELECT keep_id FROM merges WHERE entity = 'companies' AND other_id = ? "
        "AND undone_at IS NULL ORDER BY created_at DESC LIMIT 1",
        (company_id,),
    ).fetchone()
    return row[0] if row else None


# --------------------------------------------------------------------------- merge and undo


def merge_contacts(
    store: Store, keep_id: str, other_id: str, take: Iterable[str] | None = None
) -> str:
    """Merge contact ``other_id`` into ``keep_id``; returns the merge id for ``undo_merge``.
    ``take``: the fields whose value comes from the other row (a rep's choice, field by field);
    by default the keeper's empty fields are filled."""
    with store.write() as w:
        return _merge(w, "contacts", keep_id, other_id, _CONTACT_FILL, _CONTACT_LINKS, take)


def merge_companies(
    store: Store, keep_id: str, other_id: str, take: Iterable[str] | None = None
) -> str:
    """Merge company ``other_id`` into ``keep_id`` (activities, contacts, deals, notes and
    attachments follow); returns the merge id for ``undo_merge``. ``take`` as for contacts."""
    with store.write() as w:
        return _merge(w, "companies", keep_id, other_id, _COMPANY_FILL, _COMPANY_LINKS, take)


def _merge(
    w: Writer, entity: str, keep_id: str, other_id: str, fill_fields, links, take=None
) -> str:
    if keep_id == other_id:
        raise MergeError("A row cannot be merged into itself.")
    keep, other = w.get(entity, keep_id), w.get(entity, other_id)
    for label, row in (("keep", keep), ("other", other)):
        if row is None:
            raise MergeError(f"No {entity} row {keep_id if label == 'keep' else other_id}.")
        if row["deleted"]:
            raise MergeError(f"The {entity} row {row['id']} is deleted or already merged.")
    if take is None:
        filled = {
            f: [keep[f], other[f]] for f in fill_fields if _empty(keep[f]) and not _empty(other[f])
        }
    else:  # chosen field by field; undo puts the keeper's own value back, as for a fill
        allowed = set(fill_fields) | {"name"}
        filled = {f: [keep[f], other[f]] for f in take if f in allowed and keep[f] != other[f]}
    if filled:
        w.update(entity, keep_id, {f: new for f, (_old, new) in filled.items()})
    moved: dict[str, list[str]] = {}
    for table, (column, condition) in links.items():
        where = f"{column} = ?" + (f" AND {condition}" if condition else "")
        ids = [r[0] for r in w.conn.execute(f"SELECT id FROM {table} WHERE {where}", (other_id,))]
        for row_id in ids:
            w.update(table, row_id, {column: keep_id})
        if ids:
            moved[table] = ids
    tombstone: dict[str, Any] = {"deleted": 1}
    if entity == "contacts":
        tombstone["merged_into"] = keep_id
    w.update(entity, other_id, tombstone)
    merge_id = new_id()
    w.conn.execute(
        "INSERT INTO merges (id, entity, keep_id, other_id, moved, filled, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            merge_id,
            entity,
            keep_id,
            other_id,
            json.dumps(moved),
            json.dumps(filled, ensure_ascii=False),
            _now(),
        ),
    )
    return merge_id


def undo_merge(store: Store, merge_id: str) -> None:
    """Put a merge back: the other row is live again, the keeper's filled fields are emptied
    (unless edited since) and the re-pointed rows point at the other row again (unless moved
    since)."""
    with store.write() as w:
        m = w.conn.execute("SELECT * FROM merges WHERE id = ?", (merge_id,)).fetchone()
        if m is None:
            raise MergeError(f"No merge {merge_id}.")
        if m["undone_at"]:
            raise MergeError(f"The merge {merge_id} was already undone ({m['undone_at']}).")
        entity, keep_id, other_id = m["entity"], m["keep_id"], m["other_id"]
        links = _CONTACT_LINKS if entity == "contacts" else _COMPANY_LINKS
        restore: dict[str, Any] = {"deleted": 0}
        if entity == "contacts":
            restore["merged_into"] = None
        w.update(entity, other_id, restore)
        keep = w.get(entity, keep_id)
        if keep is not None:
            back = {f: old for f, (old, new) in json.loads(m["filled"]).items() if keep[f] == new}
            if back:
                w.update(entity, keep_id, back)
        for table, ids in json.loads(m["moved"]).items():
            column = links[table][0]
            for row_id in ids:
                row = w.get(table, row_id)
                if row is not None and row[column] == keep_id:
                    w.update(table, row_id, {column: other_id})
        w.conn.execute("UPDATE merges SET undone_at = ? WHERE id = ?", (_now(), merge_id))


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
