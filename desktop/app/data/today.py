"""The Today view: what came in since yesterday, follow-ups due, problems to fix."""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import Any


def today_summary(conn: sqlite3.Connection, today: dt.date) -> dict[str, Any]:
    since = (today - dt.timedelta(days=1)).isoformat()
    imported = [
        dict(r)
        for r in conn.execute(
            """SELECT s.id, s.path, s.kind, s.status, s.imported_at,
                 (SELECT count(*) FROM activities a WHERE a.source_id = s.id AND a.deleted = 0)
                   AS activities,
                 (SELECT count(*) FROM contacts p WHERE p.source_id = s.id AND p.deleted = 0)
                   AS contacts
               FROM sources s WHERE s.imported_at >= ? AND s.kind != 'copy'
               ORDER BY s.imported_at DESC LIMIT 50""",
            (since,),
        )
    ]
    recent = [
        dict(r)
        for r in conn.execute(
            """SELECT a.*, coalesce(c.name, a.company_name_raw) AS company
               FROM activities a JOIN sources s ON s.id = a.source_id
               LEFT JOIN companies c ON c.id = a.company_id
               WHERE s.imported_at >= ? AND a.deleted = 0
               ORDER BY a.occurred_on DESC LIMIT 30""",
            (since,),
        )
    ]
    return {
        "today": today.isoformat(),
        "imported": imported,
        "recent": recent,
        "followups": followups(conn, today),
        "problems": problem_counts(conn),
    }


def followups(conn: sqlite3.Connection, today: dt.date, limit: int = 100) -> list[dict]:
    """Next actions due today or earlier that no later visit took care of: the customer has not
    been visited on or after the due date. One row per customer (the latest such promise)."""
    rows = conn.execute(
        """WITH latest AS (
             SELECT company_id, max(occurred_on) AS last FROM activities
             WHERE deleted = 0 AND company_id IS NOT NULL GROUP BY company_id),
           open AS (
             SELECT a.*, row_number() OVER (
               PARTITION BY a.company_id ORDER BY a.next_action_due DESC, a.occurred_on DESC) AS n
             FROM activities a JOIN latest l ON l.company_id = a.company_id
             WHERE a.deleted = 0 AND a.next_action_due IS NOT NULL AND a.next_action_due <= ?
               AND (l.last IS NULL OR l.last < a.next_action_due))
           SELECT o.*, coalesce(c.name, o.company_name_raw) AS company
           FROM open o LEFT JOIN companies c ON c.id = o.company_id
           WHERE o.n = 1 ORDER BY o.next_action_due DESC LIMIT ?""",
        (today.isoformat(), limit),
    )
    out = []
    for r in rows:
        d = dict(r)
        d.pop("n", None)
        d["overdue_days"] = (today - dt.date.fromisoformat(d["next_action_due"])).days
        out.append(d)
    return out


def problem_counts(conn: sqlite3.Connection) -> dict[str, int]:
    issues = conn.execute("SELECT count(*) FROM import_issues WHERE severity != 'info'").fetchone()[
        0
    ]
    failed = conn.execute("SELECT count(*) FROM sources WHERE status = 'error'").fetchone()[0]
    review = conn.execute(
        "SELECT count(*) FROM contacts WHERE needs_review = 1 AND deleted = 0"
    ).fetchone()[0]
    return {"issues": issues, "failed_files": failed, "cards_to_review": review}
