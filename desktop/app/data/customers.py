"""Customers: 50音順 ids, list rows, and everything the customer page shows."""

from __future__ import annotations

import json
import sqlite3
import unicodedata
from typing import Any

from importers.insights.noise import is_empty_insight, merge_identical
from importers.insights.notes import insight_note_id
from importers.normalize.readings import sort_key, to_hiragana


def gojuon_key(reading: str | None, name: str | None) -> tuple[int, str]:
    """Sort key for 50音順 (importers.normalize.readings.sort_key): the reading, katakana folded
    to hiragana and legal forms left out, else the name without its legal form; names with a
    reading or written in kana come before the rest."""
    return sort_key(reading, name)


def customer_ids(
    conn: sqlite3.Connection, text: str = "", among: list[str] | None = None
) -> list[str]:
    """Live companies whose name or reading contains ``text`` (やまだ finds 山田製作所 by its
    reading, ヤマダ too), in 50音順; ``among``: only these ids (rows a write touched)."""
    sql = "SELECT id, name, name_kana, name_normalized FROM companies WHERE deleted = 0"
    if among is None:
        rows = conn.execute(sql).fetchall()
    else:
        sql += " AND id IN (SELECT value FROM json_each(?))"
        rows = conn.execute(sql, (json.dumps(among),)).fetchall()
    needle = unicodedata.normalize("NFKC", text).strip().lower()
    if needle:
        kana = to_hiragana(needle).replace(" ", "")
        rows = [
            r
            for r in rows
            if any(
                needle in unicodedata.normalize("NFKC", r[k] or "").lower()
                for k in ("name", "name_kana", "name_normalized")
            )
            or (kana and kana in to_hiragana(r["name_kana"] or "").replace(" ", ""))
        ]
    rows.sort(key=customer_order)
    return [r[0] for r in rows]


def customer_order(r: Any) -> tuple:
    """``customer_ids``' order for a row with id, name, name_kana and name_normalized."""
    return (*gojuon_key(r["name_kana"], r["name_normalized"] or r["name"]), r["id"])


def customer_order_row(conn: sqlite3.Connection, company_id: str) -> sqlite3.Row | None:
    return conn.execute(
        "SELECT id, name, name_kana, name_normalized FROM companies WHERE id = ?", (company_id,)
    ).fetchone()


CUSTOMER_ROW_SQL = """SELECT c.id, c.name, c.name_kana, c.name_normalized,
  (SELECT count(*) FROM activities a WHERE a.company_id = c.id AND a.deleted = 0) AS activities,
  (SELECT max(occurred_on) FROM activities a WHERE a.company_id = c.id AND a.deleted = 0)
     AS last_contact,
  (SELECT count(*) FROM contacts p WHERE p.company_id = c.id AND p.deleted = 0) AS contacts,
  (SELECT sum(amount_jpy) FROM deals d WHERE d.company_id = c.id AND d.deleted = 0
     AND coalesce(d.stage, 'open') = 'open') AS open_amount
FROM companies c WHERE c.id IN (SELECT value FROM json_each(?))"""


def customer_rows(conn: sqlite3.Connection, ids: list[str]) -> dict[str, dict[str, Any]]:
    return {r["id"]: dict(r) for r in conn.execute(CUSTOMER_ROW_SQL, (json.dumps(ids),))}


def kept_company(conn: sqlite3.Connection, company_id: str) -> str:
    """The company a merged-away company now lives on (itself when it was not merged): a page
    opened before a merge shows the kept company after it."""
    seen = {company_id}
    has_merges = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'merges'"
    ).fetchone()
    while has_merges:
        row = conn.execute(
            """SELECT m.keep_id FROM merges m JOIN companies c ON c.id = m.other_id
               WHERE m.entity = 'companies' AND m.other_id = ? AND m.undone_at IS NULL
                 AND c.deleted = 1
               ORDER BY m.created_at DESC LIMIT 1""",
            (company_id,),
        ).fetchone()
        if row is None or row[0] in seen:
            break
        company_id = row[0]
        seen.add(company_id)
    return company_id


def customer_detail(conn: sqlite3.Connection, company_id: str) -> dict[str, Any] | None:
    """The customer page: company, contacts (with a card image), timeline, open deals, notes,
    photos."""
    company = conn.execute("SELECT * FROM companies WHERE id = ?", (company_id,)).fetchone()
    if company is None:
        return None
    contacts = [
        dict(r)
        for r in conn.execute(
            """SELECT p.*, (SELECT t.sha256 FROM attachments t WHERE t.entity = 'contacts'
                 AND t.entity_id = p.id AND t.deleted = 0 ORDER BY t.id LIMIT 1) AS card_sha
               FROM contacts p WHERE p.company_id = ? AND p.deleted = 0""",
            (company_id,),
        )
    ]
    # 50音順 by reading, katakana and hiragana readings alike (SQLite would sort ア before あ)
    contacts.sort(key=lambda p: (*sort_key(p["full_name_kana"], p["full_name"]), p["id"]))
    timeline = [
        dict(r)
        for r in conn.execute(
            """SELECT * FROM activities WHERE company_id = ? AND deleted = 0
               ORDER BY occurred_on IS NULL, occurred_on DESC, source_ref LIMIT 300""",
            (company_id,),
        )
    ]
    deals = [
        dict(r)
        for r in conn.execute(
            """SELECT * FROM deals WHERE company_id = ? AND deleted = 0
               AND coalesce(stage, 'open') = 'open' ORDER BY amount_jpy DESC""",
            (company_id,),
        )
    ]
    notes = [
        dict(r)
        for r in conn.execute(
            """SELECT n.*, coalesce(a.occurred_on, substr(n.created_at, 1, 10)) AS date
               FROM notes n LEFT JOIN activities a ON a.id = n.activity_id
               WHERE n.company_id = ? AND n.deleted = 0
               ORDER BY date DESC, n.created_at DESC, n.id DESC""",
            (company_id,),
        )
    ]
    # The same sentence written on many visits is one note, with each visit as a source.
    note_ids = {n["id"] for n in notes}
    notes = merge_identical(
        [n for n in notes if not (n["activity_id"] and is_empty_insight(n["body"]))]
    )
    # Insights written in the daily reports are knowledge too: shown beside the notes, unless
    # the import already made a note of it (then the note, with its 参考になった, is shown), or
    # they say nothing (特になし).
    insights = [
        dict(r)
        for r in conn.execute(
            """SELECT id, occurred_on, rep, insight FROM activities WHERE company_id = ?
               AND deleted = 0 AND insight IS NOT NULL AND insight != ''
               ORDER BY occurred_on DESC LIMIT 50""",
            (company_id,),
        )
        if insight_note_id(r["id"]) not in note_ids and not is_empty_insight(r["insight"])
    ]
    photos = [
        dict(r)
        for r in conn.execute(
            # photos and memos: a mail's attachments and a voice memo's recording stay with
            # their activity
            """SELECT * FROM attachments WHERE deleted = 0 AND (
                 (entity = 'companies' AND entity_id = ?) OR (entity = 'activities' AND
                  entity_id IN (SELECT id FROM activities WHERE company_id = ?
                    AND coalesce(kind, '') NOT IN ('mail', 'voice_draft', 'voice'))))
               ORDER BY taken_on DESC, id DESC LIMIT 50""",
            (company_id, company_id),
        )
    ]
    return {
        "company": dict(company),
        "contacts": contacts,
        "timeline": timeline,
        "deals": deals,
        "notes": notes,
        "insights": insights,
        "photos": photos,
    }
