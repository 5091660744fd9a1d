"""Link activities to the contacts their 面談者 cell names.

A report row 「株式会社サンプル精工 / 青木課長」 is stored as contact_name '青木', contact_title '課長'
(importers.visit). It links to the live contact at the same company whose normalised name is that
name, or starts with it (a surname); when several contacts there share the surname, the one whose
title matches wins, and when that does not decide, nothing is linked (a wrong link is worse than
none). With several people in the cell (青木、石井) the first one that resolves is linked.

Only links this module made are ever changed again (recorded in the local ``contact_links``
table): when the 面談者 cell is edited, the activity is linked anew; a link set by hand in the
app is left alone.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable

from importers.normalize.people import split_person
from importers.normalize.text import nfkc
from sync.store import Store, Writer

_SEP = "、"


def name_key(text: str | None) -> str:
    """A person's matching key: titles and honorifics dropped, width folded, no spaces, case
    folded. '青木 一郎 様' -> '青木一郎'."""
    if not text:
        return ""
    person = split_person(text)
    name = person.normalized if person else nfkc(text)
    return "".join(name.split()).casefold()


def link_activities_to_contacts(
    store: Store, company_ids: Iterable[str] | None = None, *, source_id: str | None = None
) -> int:
    """Link the activities of these companies (all when None; or only those of one report
    source) to the contacts their 面談者 names. Returns how many activities changed."""
    with store.write() as w:
        return link_in(w, company_ids, source_id=source_id)


def link_in(
    w: Writer, company_ids: Iterable[str] | None = None, *, source_id: str | None = None
) -> int:
    """``link_activities_to_contacts`` inside a write transaction the caller already holds."""
    sql = (
        "SELECT a.id, a.company_id, a.contact_id, a.contact_name, a.contact_title, "
        "l.contact_id AS linked_id, l.contact_name AS linked_name, "
        "l.contact_title AS linked_title FROM activities a "
        "LEFT JOIN contact_links l ON l.activity_id = a.id "
        "WHERE a.deleted = 0 AND a.company_id IS NOT NULL"
        # a row neither linked yet nor at a company with a card has nobody to link to: leave
        # it to SQLite (a first import of 20,000 visits with no cards scans none in Python)
        " AND (l.activity_id IS NOT NULL OR EXISTS (SELECT 1 FROM contacts c "
        "WHERE c.company_id = a.company_id AND c.deleted = 0))"
    )
    params: list[str] = []
    if company_ids is not None:
        ids = sorted({c for c in company_ids if c})
        if not ids:
            return 0
        sql += " AND a.company_id IN (SELECT value FROM json_each(?))"
        params.append(json.dumps(ids))
        # No card at any of these companies and no link anywhere yet (a first import): every
        # row would stay as it is — skip the scan of the file's activities, once per chunk.
        none = w.conn.execute(
            "SELECT NOT EXISTS (SELECT 1 FROM contacts WHERE deleted = 0 AND company_id IN "
            "(SELECT value FROM json_each(?))) AND NOT EXISTS (SELECT 1 FROM contact_links)",
            (params[-1],),
        ).fetchone()[0]
        if none:
            return 0
    if source_id is not None:
        sql += " AND a.source_id = ?"
        params.append(source_id)
    todo = []
    for a in w.conn.execute(sql, params):
        auto = a["linked_id"] is not None and a["linked_id"] == a["contact_id"]
        if a["contact_id"] is None and a["contact_name"]:
            todo.append(a)
        elif auto and (a["linked_name"], a["linked_title"]) != (
            a["contact_name"],
            a["contact_title"],
        ):
            todo.append(a)  # the 面談者 cell changed since we linked it
    if not todo:
        return 0
    contacts = _contacts_by_company(w, {a["company_id"] for a in todo})
    changed = 0
    for a in todo:
        known = contacts.get(a["company_id"])
        # no card for that company yet (a first import): nobody to name
        target = resolve_person(known, a["contact_name"], a["contact_title"]) if known else None
        if target != a["contact_id"]:
            w.update("activities", a["id"], {"contact_id": target})
            changed += 1
        if target is None:
            if a["linked_id"] is not None:
                w.conn.execute("DELETE FROM contact_links WHERE activity_id = ?", (a["id"],))
        else:
            w.conn.execute(
                "INSERT OR REPLACE INTO contact_links (activity_id, contact_id, contact_name, "
                "contact_title) VALUES (?, ?, ?, ?)",
                (a["id"], target, a["contact_name"], a["contact_title"]),
            )
    return changed


def _contacts_by_company(w: Writer, company_ids: set[str]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = defaultdict(list)
    for c in w.conn.execute(
        "SELECT id, company_id, full_name, name_normalized, title FROM contacts "
        "WHERE deleted = 0 AND company_id IN (SELECT value FROM json_each(?)) ORDER BY id",
        (json.dumps(sorted(company_ids)),),
    ):
        key = (c["name_normalized"] or name_key(c["full_name"])).casefold()
        if key:
            out[c["company_id"]].append(
                {"id": c["id"], "key": key, "full_name": c["full_name"] or "", "title": c["title"]}
            )
    return out


def resolve_person(contacts: list[dict], names: str | None, titles: str | None) -> str | None:
    """The id of the contact that a 面談者 (names '青木、石井', titles '課長、主任') names, or None."""
    people = [n for n in (names or "").split(_SEP) if n.strip()]
    title_list = [t for t in (titles or "").split(_SEP) if t.strip()]
    for i, name in enumerate(people):
        if len(title_list) == len(people):
            title = title_list[i]
        elif len(people) == 1 and len(title_list) == 1:
            title = title_list[0]
        else:
            title = None
        found = _match(contacts, name, title)
        if found:
            return found
    return None


def _match(contacts: list[dict], name: str, title: str | None) -> str | None:
    key = name_key(name)
    if not key:
        return None
    exact = [c for c in contacts if c["key"] == key]
    if not exact:
        exact = [c for c in contacts if c["key"].startswith(key) or _latin_surname(c, key)]
    if len(exact) == 1:
        return exact[0]["id"]
    if len(exact) > 1 and title:
        t = nfkc(title)
        same = [c for c in exact if c["title"] and nfkc(c["title"]) == t]
        if not same:
            same = [c for c in exact if c["title"] and t in nfkc(c["title"])]
        if len(same) == 1:
            return same[0]["id"]
    return None


def _latin_surname(contact: dict, key: str) -> bool:
    """'Smith' names 'John Smith' (Western order: the surname comes last)."""
    if not key.isascii():
        return False
    parts = contact["full_name"].split()
    return len(parts) > 1 and parts[-1].casefold() == key
