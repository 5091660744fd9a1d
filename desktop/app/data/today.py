"""The Today view: what came in since yesterday, follow-ups due, problems to fix."""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import Any

from desktop.app.data.followups import AGE_DAYS, open_condition
from desktop.app.data.problems import OPEN_ISSUES, problem_counts


def today_summary(conn: sqlite3.Connection, today: dt.date) -> dict[str, Any]:
    since = (today - dt.timedelta(days=1)).isoformat()
    imported = [
        dict(r)
        for r in conn.execute(
            # ``f``: the file (OPEN_ISSUES names its own sources ``s``)
            f"""SELECT f.id, f.path, f.kind, f.status, f.imported_at,
                 (SELECT count(*) FROM activities a WHERE a.source_id = f.id AND a.deleted = 0)
                   AS activities,
                 (SELECT count(*) FROM contacts p WHERE p.source_id = f.id AND p.deleted = 0)
                   AS contacts,
                 (SELECT count(*) {OPEN_ISSUES} AND i.source_id = f.id) AS problems
               FROM sources f WHERE f.imported_at >= ? AND f.kind != 'copy'
               ORDER BY f.imported_at DESC LIMIT 50""",
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
        "aged_followups": aged_followups(conn, today),
        "age_days": AGE_DAYS,
        "problems": problem_counts(conn),
    }


def followups(conn: sqlite3.Connection, today: dt.date, limit: int = 100) -> list[dict]:
    """Next actions due today or earlier that no later visit took care of: the customer has not
    been visited on or after the due date. One row per customer (the latest such promise), not
    answered by the rep (done, dismissed, snoozed) and not older than the age rule."""
    oldest = today - dt.timedelta(days=AGE_DAYS)
    return _followups(conn, today, "o.next_action_due >= ?", [oldest.isoformat()], limit)


def aged_followups(conn: sqlite3.Connection, today: dt.date) -> int:
    """How many open follow-ups the age rule keeps off Today."""
    oldest = today - dt.timedelta(days=AGE_DAYS)
    return len(_followups(conn, today, "o.next_action_due < ?", [oldest.isoformat()], 10_000))


def _followups(conn, today: dt.date, extra: str, params: list, limit: int) -> list[dict]:
    # Answered after picking each customer's latest promise: done with it does not bring back
    # an older one it replaced.
    answered, answered_params = open_condition(today, "o")
    rows = conn.execute(
        f"""WITH latest AS (
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
           WHERE o.n = 1 AND {answered} AND {extra} ORDER BY o.next_action_due DESC LIMIT ?""",
        (today.isoformat(), *answered_params, *params, limit),
    )
    out = []
    for r in rows:
        d = dict(r)
        d.pop("n", None)
        d["overdue_days"] = (today - dt.date.fromisoformat(d["next_action_due"])).days
        out.append(d)
    return out
