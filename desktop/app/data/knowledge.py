"""Knowledge in the app: search, briefs, 参考になった, the MVP, team notes, note edits.

Plain Python over the store and the headless knowledge core (no Qt); the views run these in the
background and show the results.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path
from typing import Any

from desktop.knowledge.brief import Brief, build_brief
from desktop.knowledge.search import Hit, search
from importers.insights.mvp import MvpEntry, monthly_mvp
from importers.insights.reactions import mark_helpful

VISIBILITIES = ("team", "private")


def run_search(store, query: str, limit: int = 100) -> list[Hit]:
    """Ranked notes and activities for the search box (empty for a blank query), from the index
    as it is: a read. The index is brought up to date by ``refresh_index``, a write like any
    other, on the app's writer thread (``ctx.write``)."""
    from desktop.knowledge import index

    if not query.strip() or store.get_meta(index.META_KEY) is None:
        return []  # blank, or no index built yet (the first refresh builds it)
    return search(store, query, limit, refresh=False)


def refresh_index(store) -> int:
    """Index the rows queued since the last refresh (a write); how many were indexed."""
    from desktop.knowledge import index

    return index.refresh(store)


def open_brief(
    store,
    company_id: str,
    viewer: str | None,
    *,
    record: bool = True,
    today: dt.date | None = None,
) -> Brief:
    """The pre-visit brief of one customer; opening it records reuse of others' notes (a
    refresh of an open brief passes ``record=False``)."""
    brief = build_brief(store, company_id, viewer or None, record=record, today=today)
    brief.knowledge = with_helpful_state(store.query, brief.knowledge, viewer)
    return brief


def write_brief_pdf(html: str, path: Path) -> Path:
    """Print the brief's HTML to an A4 PDF (Qt's PDF writer, safe off the main thread)."""
    from desktop.commands.knowledge import write_pdf

    return write_pdf(html, Path(path))


def set_helpful(store, note_id: str, user: str, on: bool) -> bool:
    """Mark or unmark a teammate's note 参考になった; True when something changed."""
    return mark_helpful(store, note_id, user, on=on)


def helpful_state(query, note_ids: list[str], user: str | None) -> dict[str, tuple[int, bool]]:
    """note id -> (参考になった marks by people other than the author, marked by ``user``).

    ``query(sql, params)`` is ``store.query`` or a read connection's ``execute``.
    """
    if not note_ids:
        return {}
    out: dict[str, tuple[int, bool]] = {}
    for start in range(0, len(note_ids), 500):
        chunk = note_ids[start : start + 500]
        rows = query(
            """SELECT n.id,
                      count(DISTINCT CASE WHEN r.user IS NOT coalesce(n.author, '')
                                          THEN r.user END),
                      max(CASE WHEN r.user = ? THEN 1 ELSE 0 END)
               FROM notes n LEFT JOIN reactions r ON r.note_id = n.id AND r.deleted = 0
                    AND r.kind = 'helpful' AND r.user IS NOT NULL
               WHERE n.id IN (SELECT value FROM json_each(?)) GROUP BY n.id""",
            (user or "", json.dumps(chunk)),
        )
        for r in rows:
            out[r[0]] = (r[1] or 0, bool(r[2]))
    return out


def with_helpful_state(query, notes: list[dict], user: str | None) -> list[dict]:
    """The notes with ``helpful`` (count) and ``mine`` (marked by ``user``) filled in."""
    state = helpful_state(query, [n["id"] for n in notes], user)
    for n in notes:
        n["helpful"], n["mine"] = state.get(n["id"], (0, False))
    return notes


def mvp(store, month: str | None) -> list[MvpEntry]:
    """The ranking for 'YYYY-MM' (None: all time)."""
    return monthly_mvp(store, month)


def mvp_months(conn: sqlite3.Connection, today: dt.date | None = None) -> list[str]:
    """Months to choose from: this month and every month with a reaction, newest first."""
    today = today or dt.date.today()
    months = {today.strftime("%Y-%m")}
    for (m,) in conn.execute(
        "SELECT DISTINCT substr(created_at, 1, 7) FROM reactions "
        "WHERE deleted = 0 AND created_at IS NOT NULL"
    ):
        if m and len(m) == 7:
            months.add(m)
    return sorted(months, reverse=True)


def team_notes(
    conn: sqlite3.Connection, user: str | None, category: str | None = None, limit: int = 300
) -> list[dict[str, Any]]:
    """Recent team notes (and the user's own private ones), newest first."""
    rows = conn.execute(
        """SELECT n.id, n.company_id, n.category, n.body, n.author, n.visibility,
                  coalesce(a.occurred_on, substr(n.created_at, 1, 10)) AS date,
                  c.name AS company
           FROM notes n LEFT JOIN companies c ON c.id = n.company_id
           LEFT JOIN activities a ON a.id = n.activity_id
           WHERE n.deleted = 0 AND n.body IS NOT NULL AND n.body != ''
             AND (coalesce(n.visibility, 'team') != 'private' OR n.author IS ?)
             AND (? IS NULL OR n.category IS ?)
           ORDER BY date DESC, n.created_at DESC, n.id LIMIT ?""",
        (user, category, category, limit),
    ).fetchall()
    notes = [dict(r) for r in rows]
    return with_helpful_state(lambda sql, p: conn.execute(sql, p).fetchall(), notes, user)


def edit_note(
    store, note_id: str, *, body: str, category: str | None, visibility: str
) -> list[str]:
    """A note's text, category and visibility, through the store (synced; a category chosen
    here is kept over later suggestions). Returns the fields that changed."""
    body = body.strip()
    if not body:
        raise ValueError("A note needs some text.")
    if visibility not in VISIBILITIES:
        raise ValueError(f"unknown visibility {visibility!r}")
    with store.write() as w:
        return w.update(
            "notes", note_id, {"body": body, "category": category, "visibility": visibility}
        )
