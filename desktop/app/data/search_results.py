"""What the app's search box shows: notes and activities (the knowledge index), plus the
contacts and customers whose name, reading, phone or e-mail match — a rep typing 田村 wants
田村さん's number. The same sentence written on many visits of one customer is one row that
says how many; more results than shown are said, never cut silently; newest first on request.
"""

from __future__ import annotations

import re
import sqlite3
from typing import Any

from importers.normalize.text import nfkc

PAGE = 100
PEOPLE_LIMIT = 20


def _spans(text: str, words: list[str]) -> list[tuple[int, int]]:
    low = text.lower()
    spans = []
    for w in words:
        for m in re.finditer(re.escape(w.lower()), low):
            spans.append((m.start(), m.end()))
    return sorted(spans)


def people_hits(conn: sqlite3.Connection, query: str) -> list[dict[str, Any]]:
    """Contacts and customers matching every word of ``query`` (name, reading, romanised name,
    department, phone, mobile, e-mail), as search rows with a one-line card."""
    words = [w for w in nfkc(query).split() if w]
    if not words:
        return []
    out: list[dict[str, Any]] = []
    contact_cols = (
        "p.full_name, p.full_name_kana, p.full_name_latin, p.department, p.phone, p.mobile, "
        "p.email, c.name"
    )
    where = " AND ".join(
        "(" + " OR ".join(f"coalesce({col}, '') LIKE ?" for col in contact_cols.split(", ")) + ")"
        for _ in words
    )
    params = [f"%{w}%" for w in words for _ in contact_cols.split(", ")]
    for r in conn.execute(
        f"""SELECT p.id, p.full_name, p.full_name_latin, p.title, p.department, p.phone,
                   p.mobile, p.email, p.company_id, c.name AS company
            FROM contacts p LEFT JOIN companies c ON c.id = p.company_id
            WHERE p.deleted = 0 AND {where} ORDER BY p.full_name LIMIT ?""",
        (*params, PEOPLE_LIMIT),
    ):
        latin = f"({r['full_name_latin']})" if r["full_name_latin"] else None
        parts = [" ".join(x for x in (r["full_name"], latin, r["title"]) if x), r["department"]]
        parts += [r["phone"], ("📱 " + r["mobile"]) if r["mobile"] else None, r["email"]]
        snippet = " · ".join(p for p in parts if p)
        out.append(_row("contact", r["id"], r["company"], r["company_id"], snippet, words))
    company_cols = ("name", "name_kana", "name_normalized")
    where = " AND ".join(
        "(" + " OR ".join(f"coalesce({col}, '') LIKE ?" for col in company_cols) + ")"
        for _ in words
    )
    params = [f"%{w}%" for w in words for _ in company_cols]
    for r in conn.execute(
        f"""SELECT c.id, c.name, c.name_kana,
                   (SELECT max(a.occurred_on) FROM activities a
                    WHERE a.company_id = c.id AND a.deleted = 0) AS last
            FROM companies c WHERE c.deleted = 0 AND {where} ORDER BY c.name LIMIT ?""",
        (*params, PEOPLE_LIMIT),
    ):
        snippet = " · ".join(x for x in (r["name"], r["name_kana"]) if x)
        row = _row("customer", r["id"], r["name"], r["id"], snippet, words)
        row["date"] = r["last"]
        out.append(row)
    return out


def _row(kind, ref_id, company, company_id, snippet, words) -> dict[str, Any]:
    return {
        "kind": kind,
        "id": ref_id,
        "company": company,
        "company_id": company_id,
        "date": None,
        "snippet": snippet,
        "score": 0.0,
        "category": None,
        "author": None,
        "highlights": _spans(snippet, words),
        "same": 1,
        "companies": [company] if company else [],
    }


def collapse(hits: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per (kind, sentence) — a sentence copied into many visits or customers is read
    once: the first (best or newest) kept, ``same`` the number of rows it stands for and
    ``companies`` the customers it was written for."""
    out: list[dict[str, Any]] = []
    seen: dict[tuple, dict[str, Any]] = {}
    for h in hits:
        key = (h["kind"], re.sub(r"\s+", "", h["snippet"] or ""))
        if key in seen:
            first = seen[key]
            first["same"] += 1
            if h.get("company") and h["company"] not in first["companies"]:
                first["companies"].append(h["company"])
            continue
        h = {**h, "same": h.get("same", 1), "companies": [h["company"]] if h.get("company") else []}
        seen[key] = h
        out.append(h)
    return out


def search_results(
    store, query: str, *, limit: int = PAGE, newest_first: bool = False, refresh: bool = True
) -> dict:
    """{'hits': rows for the view, 'more': whether there are more than ``limit``};
    ``refresh=False``: search the index as it is (the caller refreshed it on the writer)."""
    from desktop.knowledge.search import search

    if not query.strip():
        return {"hits": [], "more": False}
    conn = store.reader()
    try:
        people = people_hits(conn, query)
    finally:
        conn.close()
    found = [h.to_dict() for h in search(store, query, limit + 1, refresh=refresh)]
    more = len(found) > limit
    found = found[:limit]
    if newest_first:
        found.sort(key=lambda h: h["date"] or "", reverse=True)
    return {"hits": people + collapse(found), "more": more}
