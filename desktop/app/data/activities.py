"""Activities: the ids for a filter (one query), rows for a page of ids (one query)."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class ActivityFilter:
    since: str | None = None  # ISO dates, inclusive
    until: str | None = None
    rep: str | None = None
    company_id: str | None = None
    text: str = ""

    def where(self) -> tuple[str, list[Any]]:
        clauses, params = ["a.deleted = 0"], []
        if self.since:
            clauses.append("a.occurred_on >= ?")
            params.append(self.since)
        if self.until:
            clauses.append("a.occurred_on <= ?")
            params.append(self.until)
        if self.rep:
            clauses.append("a.rep = ?")
            params.append(self.rep)
        if self.company_id:
            clauses.append("a.company_id = ?")
            params.append(self.company_id)
        for word in self.text.split():
            like = f"%{_escape_like(word)}%"
            clauses.append(
                "(" + " OR ".join(f"a.{c} LIKE ? ESCAPE '\\'" for c in TEXT_COLUMNS) + ")"
            )
            params.extend([like] * len(TEXT_COLUMNS))
        return " AND ".join(clauses), params


TEXT_COLUMNS = (
    "company_name_raw",
    "contact_name",
    "purpose",
    "summary",
    "result",
    "next_action",
    "insight",
    "deal_title",
)

ROW_SQL = """SELECT a.*, coalesce(c.name, a.company_name_raw) AS company
FROM activities a LEFT JOIN companies c ON c.id = a.company_id
WHERE a.id IN (SELECT value FROM json_each(?))"""


def activity_ids(conn: sqlite3.Connection, f: ActivityFilter) -> list[str]:
    """Ids of live activities matching ``f``, newest first (undated last)."""
    where, params = f.where()
    sql = (
        f"SELECT a.id FROM activities a WHERE {where} "
        "ORDER BY a.occurred_on IS NULL, a.occurred_on DESC, a.source_ref, a.id"
    )
    return [r[0] for r in conn.execute(sql, params)]


def activity_rows(conn: sqlite3.Connection, ids: list[str]) -> dict[str, dict[str, Any]]:
    """Rows by id (with the customer's display name as ``company``)."""
    return {r["id"]: dict(r) for r in conn.execute(ROW_SQL, (json.dumps(ids),))}


def shown_rows(conn: sqlite3.Connection, f: ActivityFilter, ids: list[str]) -> dict[str, dict]:
    """The rows among ``ids`` that ``f`` shows, by id (what a write touched, re-read)."""
    where, params = f.where()
    sql = f"{ROW_SQL} AND {where}"
    return {r["id"]: dict(r) for r in conn.execute(sql, [json.dumps(ids), *params])}


def order_key(row: Any) -> tuple:
    """``activity_ids``' ORDER BY in Python (NULL before text, as SQLite sorts it)."""
    on, ref = row["occurred_on"], row["source_ref"]
    return (
        on is None,
        _Desc("" if on is None else str(on)),
        ref is not None,
        str(ref or ""),
        row["id"],
    )


def order_row(conn: sqlite3.Connection, activity_id: str) -> sqlite3.Row | None:
    return conn.execute(
        "SELECT id, occurred_on, source_ref FROM activities WHERE id = ?", (activity_id,)
    ).fetchone()


class _Desc:
    """A value that sorts in reverse (``occurred_on DESC``)."""

    __slots__ = ("v",)

    def __init__(self, v: str):
        self.v = v

    def __lt__(self, other: _Desc) -> bool:
        return self.v > other.v

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Desc) and self.v == other.v

    def __hash__(self) -> int:
        return hash(self.v)


def activity(conn: sqlite3.Connection, activity_id: str) -> dict[str, Any] | None:
    return activity_rows(conn, [activity_id]).get(activity_id)


def reps(conn: sqlite3.Connection) -> list[str]:
    return [
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT rep FROM activities WHERE deleted = 0 AND rep IS NOT NULL "
            "AND rep != '' ORDER BY rep"
        )
    ]


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
