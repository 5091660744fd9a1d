"""The Problems view: import issues, cards to review, probable duplicates, undoable merges."""

from __future__ import annotations

import sqlite3
from typing import Any

from resources.messages import shown


def split_location(location: str | None) -> tuple[str, str]:
    """'4月!B7' -> ('4月', 'B7'); a bare row or None -> ('', location)."""
    if not location:
        return "", ""
    sheet, sep, cell = location.rpartition("!")
    return (sheet, cell) if sep else ("", location)


# The one rule for what Problems lists and what every count of it says (Today's card and
# figure, the tabs, the first-run summary, `genba problems`): a problem is an import issue the
# rep has not dealt with, above the 'info' level, of a file Genba still has a row for. A card's
# own warnings (a field that fits no pattern) are part of that card to check: shown with it
# (card_for_review) and dealt with by checking it, not listed and counted a second time.
OPEN_ISSUES = """FROM import_issues i JOIN sources s ON s.id = i.source_id
  WHERE i.severity != 'info' AND i.dismissed_at IS NULL
    AND NOT (i.severity = 'warning' AND EXISTS (SELECT 1 FROM card_rows r
             WHERE r.source_id = i.source_id AND r.ref = i.location))"""

# a contact (``p``) whose card the rep is to check
CARD_TO_CHECK = "p.needs_review = 1 AND p.deleted = 0"


def import_problems(conn: sqlite3.Connection, lang: str | None = None) -> list[dict[str, Any]]:
    """Open import issues (OPEN_ISSUES), each ``message`` written in ``lang`` from its key and
    parameters (the text stored at import time for rows recorded before they were kept)."""
    rows = conn.execute(
        f"""SELECT i.id, i.source_id, i.location, i.severity, i.code, i.message, s.path, s.kind,
             s.status, s.imported_at, i.message_key, i.params
           {OPEN_ISSUES}
           ORDER BY i.severity = 'error' DESC, s.imported_at DESC, s.path, i.location"""
    )
    out = []
    for r in rows:
        d = dict(r)
        d["message"] = shown(d["message"], d.pop("message_key"), d.pop("params"), lang)
        d["sheet"], d["cell"] = split_location(d["location"])
        out.append(d)
    return out


def problem_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """What Problems lists, counted by the same rule: its import problems, the files they are
    in, those of them that could not be read at all, and the cards to check."""
    issues, files, failed = conn.execute(
        "SELECT count(*), count(DISTINCT i.source_id), "
        f"count(DISTINCT CASE WHEN s.status = 'error' THEN i.source_id END) {OPEN_ISSUES}"
    ).fetchone()
    review = conn.execute(f"SELECT count(*) FROM contacts p WHERE {CARD_TO_CHECK}").fetchone()[0]
    return {
        "issues": issues,
        "files": files,
        "failed_files": failed,
        "cards_to_review": review,
        "total": issues + review,
    }


def dismiss_issues(store, issue_ids: list[str]) -> int:
    """The rep has dealt with these import problems (fixed the cell, or it does not matter):
    they leave Problems and Today's count. A new import of the file brings back what is still
    wrong. Local, like the problems themselves."""
    import datetime as dt
    import json

    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    with store.write() as w:
        cur = w.conn.execute(
            "UPDATE import_issues SET dismissed_at = ? WHERE dismissed_at IS NULL "
            "AND id IN (SELECT value FROM json_each(?))",
            (now, json.dumps(issue_ids)),
        )
        return cur.rowcount


def cards_to_review(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    return [
        dict(r)
        for r in conn.execute(
            f"""SELECT p.*, c.name AS company FROM contacts p
               LEFT JOIN companies c ON c.id = p.company_id
               WHERE {CARD_TO_CHECK} ORDER BY p.full_name"""
        )
    ]


def card_for_review(
    conn: sqlite3.Connection, contact_id: str, lang: str | None = None
) -> dict[str, Any] | None:
    """A card to check: the contact, its company's name, the card image's blob (the first image
    attached to the contact, as the customer page shows), the file it was read from and what
    the import said about this card (why it is to check: OCR, a number that fits no pattern)."""
    row = conn.execute(
        """SELECT p.*, c.name AS company, s.path AS source_path,
             (SELECT t.sha256 FROM attachments t WHERE t.entity = 'contacts'
                AND t.entity_id = p.id AND t.deleted = 0 AND t.mime LIKE 'image/%'
                ORDER BY t.id LIMIT 1) AS card_sha
           FROM contacts p LEFT JOIN companies c ON c.id = p.company_id
           LEFT JOIN sources s ON s.id = p.source_id
           WHERE p.id = ? AND p.deleted = 0""",
        (contact_id,),
    ).fetchone()
    if row is None:
        return None
    card = dict(row)
    card["issues"] = [
        shown(*r, lang)
        for r in conn.execute(
            """SELECT i.message, i.message_key, i.params FROM card_rows r JOIN import_issues i
                 ON i.source_id = r.source_id AND i.location = r.ref
               WHERE r.contact_id = ? AND i.severity IN ('warning', 'info')
               ORDER BY i.severity DESC, i.location""",
            (contact_id,),
        )
    ]
    return card


def company_names(conn: sqlite3.Connection) -> dict[str, tuple[str, str]]:
    """Live companies by matching key (name_normalized): (id, name). What a company name typed
    on a card will link to (edits.correct_card links by the same key)."""
    from sync.store.ids import natural_id

    out: dict[str, tuple[str, str]] = {}
    for r in conn.execute(
        "SELECT id, name, name_normalized FROM companies WHERE deleted = 0 "
        "AND name_normalized IS NOT NULL ORDER BY id"
    ):
        key = r["name_normalized"]
        # of two rows with one key (two laptops' duplicates), the natural id wins, as there
        if key not in out or r["id"] == natural_id("companies", key):
            out[key] = (r["id"], r["name"] or key)
    return out


def duplicates(store) -> list[dict[str, Any]]:
    """Probable duplicate companies and contacts (empty when the merge module is absent)."""
    try:
        from importers.cards.merge import find_duplicate_companies, find_duplicate_contacts
    except ImportError:
        return []
    out: list[dict[str, Any]] = []
    for entity, finder, label in (
        ("companies", find_duplicate_companies, "name"),
        ("contacts", find_duplicate_contacts, "full_name"),
    ):
        pairs = finder(store)
        if not pairs:
            continue
        ids = {i for k, o, _r in pairs for i in (k, o)}
        names = {
            r[0]: r[1]
            for r in store.query(
                f"SELECT id, {label} FROM {entity} WHERE id IN ({','.join('?' * len(ids))})",
                sorted(ids),
            )
        }
        for keep, other, reason in pairs:
            if _kept_apart(store, entity, keep, other):
                continue
            out.append(
                {
                    "entity": entity,
                    "keep_id": keep,
                    "other_id": other,
                    "keep_name": names.get(keep) or "",
                    "other_name": names.get(other) or "",
                    "reason": reason,
                }
            )
    return out


def recent_merges(conn: sqlite3.Connection, limit: int = 20) -> list[dict[str, Any]]:
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'merges'"
    ).fetchone()
    if not exists:
        return []
    return [
        dict(r)
        for r in conn.execute(
            "SELECT * FROM merges WHERE undone_at IS NULL ORDER BY created_at DESC, id DESC "
            "LIMIT ?",
            (limit,),
        )
    ]


# "Keep apart" is a local decision of this rep (like the merges table): a meta key per pair.
def _apart_key(entity: str, a: str, b: str) -> str:
    x, y = sorted((a, b))
    return f"apart:{entity}:{x}:{y}"


def _kept_apart(store, entity: str, a: str, b: str) -> bool:
    return store.get_meta(_apart_key(entity, a, b)) == "1"


def keep_apart(store, entity: str, a: str, b: str) -> None:
    store.set_meta(_apart_key(entity, a, b), "1")


def merge(store, entity: str, keep_id: str, other_id: str) -> str:
    from importers.cards.merge import merge_companies, merge_contacts

    fn = merge_companies if entity == "companies" else merge_contacts
    return fn(store, keep_id, other_id)


def undo(store, merge_id: str) -> None:
    from importers.cards.merge import undo_merge

    undo_merge(store, merge_id)
