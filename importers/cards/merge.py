"""Duplicate contacts and companies: find them, merge them reversibly, undo a merge.

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
import re
import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from importers.normalize.companies import normalize_company
from sync.schema_contract import CONTACT_DETAILS
from sync.store import Store, Writer
from sync.store.ids import new_id

MERGES_DDL = """CREATE TABLE IF NOT EXISTS merges (
  id TEXT PRIMARY KEY,
  entity TEXT NOT NULL,
  keep_id TEXT NOT NULL,
  other_id TEXT NOT NULL,
  moved TEXT NOT NULL,
  filled TEXT NOT NULL,
  created_at TEXT NOT NULL,
  undone_at TEXT
)"""

# Fields a merge may fill on the keeper (identity and bookkeeping fields are left alone).
_CONTACT_FILL = (*CONTACT_DETAILS, "source_id")
_COMPANY_FILL = ("name_kana",)
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


def ensure_merges_table(conn: sqlite3.Connection) -> None:
    conn.execute(MERGES_DDL)


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
    try:
        row = conn.execute(
            "SELECT keep_id FROM merges WHERE entity = 'companies' AND other_id = ? "
            "AND undone_at IS NULL ORDER BY created_at DESC LIMIT 1",
            (company_id,),
        ).fetchone()
    except sqlite3.OperationalError:  # no merge was ever made: the table does not exist yet
        return None
    return row[0] if row else None


# --------------------------------------------------------------------------- finding duplicates


def find_duplicate_contacts(store: Store) -> list[tuple[str, str, str]]:
    """Probable duplicates among live contacts: (keep_id, other_id, reason).

    Rules: the same e-mail ignoring case; the same normalised name at the same company. The
    suggested keeper is the reviewed one with more fields filled (then the older id).
    """
    rows = [
        dict(r)
        for r in store.query(
            "SELECT * FROM contacts WHERE deleted = 0 AND merged_into IS NULL ORDER BY id"
        )
    ]
    groups: list[tuple[str, list[dict]]] = []
    by_email: dict[str, list[dict]] = defaultdict(list)
    by_name: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for r in rows:
        if not _empty(r["email"]):
            by_email[r["email"].strip().lower()].append(r)
        if not _empty(r["name_normalized"]) and r["company_id"]:
            by_name[(r["company_id"], r["name_normalized"])].append(r)
    groups += [("same e-mail", g) for g in by_email.values() if len(g) > 1]
    groups += [("same name at the same company", g) for g in by_name.values() if len(g) > 1]
    return _pairs(groups, _contact_rank)


def _contact_rank(r: dict) -> tuple:
    filled = sum(not _empty(r[f]) for f in _CONTACT_FILL)
    return (r["needs_review"] or 0, -filled, r["id"])


def find_duplicate_companies(store: Store) -> list[tuple[str, str, str]]:
    """Probable duplicate companies: (keep_id, other_id, reason).

    Rules: the names are equal after normalisation (株式会社, width, spaces...); or one normalised
    name contains the other (at least two characters) and they have contacts with the same
    phone prefix (the number without its last four digits, i.e. the same office).
    """
    rows = [
        dict(r)
        for r in store.query("SELECT * FROM companies WHERE deleted = 0 ORDER BY id")
        if r["name"] or r["name_normalized"]
    ]
    by_key: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        name = normalize_company(r["name"] or "") if r["name"] else None
        key = name.normalized if name else (r["name_normalized"] or "")
        r["_key"] = key
        if key:
            by_key[key].append(r)
    groups: list[tuple[str, list[dict]]] = [
        ("same name after normalisation", g) for g in by_key.values() if len(g) > 1
    ]
    by_id = {r["id"]: r for r in rows}
    prefixes: dict[str, set[str]] = defaultdict(set)
    for cid, phone in store.query(
        "SELECT company_id, phone FROM contacts WHERE deleted = 0 AND company_id IS NOT NULL "
        "AND phone IS NOT NULL AND phone != ''"
    ):
        digits = re.sub(r"\D", "", phone)
        if len(digits) >= 10 and cid in by_id:
            prefixes[digits[:-4]].add(cid)
    contained: list[tuple[str, list[dict]]] = []
    for ids in prefixes.values():
        companies = sorted((by_id[i] for i in ids), key=lambda r: r["id"])
        for i, a in enumerate(companies):
            for b in companies[i + 1 :]:
                short, long_ = sorted((a["_key"], b["_key"]), key=len)
                if short != long_ and len(short) >= 2 and short in long_:
                    contained.append(("similar name and the same phone prefix", [a, b]))
    return _pairs(groups + contained, lambda r: (len(r["_key"]), r["id"]))


def _pairs(groups: list[tuple[str, list[dict]]], rank) -> list[tuple[str, str, str]]:
    out: list[tuple[str, str, str]] = []
    seen: set[frozenset[str]] = set()
    for reason, group in groups:
        keep, *others = sorted(group, key=rank)
        for other in others:
            pair = frozenset((keep["id"], other["id"]))
            if pair not in seen:
                seen.add(pair)
                out.append((keep["id"], other["id"], reason))
    return out


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
    ensure_merges_table(w.conn)
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
        ensure_merges_table(w.conn)
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
