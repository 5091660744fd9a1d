"""Draft minutes of voice memos: listed for the rep, confirmed (with their edits) into an
ordinary activity of kind 'voice' with its knowledge note, or discarded (a tombstone, so the
same recording imported again stays discarded: importers.voice.apply)."""

from __future__ import annotations

import sqlite3

from importers.insights.notes import sync_insight_notes
from importers.normalize.dates import parse_date
from sync.store import Store

DRAFT, CONFIRMED = "voice_draft", "voice"

_FIELDS = """a.id, a.occurred_on, a.rep, a.company_id, c.name AS company, a.contact_id,
    a.contact_name, a.summary, a.next_action, a.next_action_due, a.amount_jpy, a.probability,
    a.insight, a.kind, a.source_ref,
    (SELECT t.ocr_text FROM attachments t WHERE t.entity = 'activities'
       AND t.entity_id = a.id AND t.deleted = 0 ORDER BY t.id LIMIT 1) AS transcript,
    (SELECT t.filename FROM attachments t WHERE t.entity = 'activities'
       AND t.entity_id = a.id AND t.deleted = 0 ORDER BY t.id LIMIT 1) AS filename"""


def voice_drafts(conn: sqlite3.Connection) -> list[dict]:
    """The drafts waiting for the rep, oldest recording first."""
    rows = conn.execute(
        f"SELECT {_FIELDS} FROM activities a LEFT JOIN companies c ON c.id = a.company_id "
        "WHERE a.kind = ? AND a.deleted = 0 ORDER BY a.occurred_on, a.id",
        (DRAFT,),
    )
    return [dict(r) for r in rows]


def voice_memo(conn: sqlite3.Connection, activity_id: str) -> dict | None:
    """One voice memo (draft or confirmed) with its transcript, or None when it is gone."""
    row = conn.execute(
        f"SELECT {_FIELDS} FROM activities a LEFT JOIN companies c ON c.id = a.company_id "
        "WHERE a.id = ? AND a.deleted = 0 AND a.kind IN (?, ?)",
        (activity_id, DRAFT, CONFIRMED),
    ).fetchone()
    return dict(row) if row else None


def confirm_minutes(store: Store, activity_id: str, changes: dict | None = None) -> None:
    """The rep confirmed the draft (with their edits): it becomes an ordinary activity, and what
    they said after the visit becomes its knowledge note (the 所感 of a daily report: the
    insight, or the summary when the memo has none), through the same noise filter. The note's
    id comes from the activity's, so confirming again updates it and never adds a second."""
    values = dict(changes or {})
    if "next_action_due" in values and isinstance(values["next_action_due"], str):
        values["next_action_due"] = parse_date(values["next_action_due"]).isoformat()
    with store.write() as w:
        row = w.get("activities", activity_id)
        if row is None or row["deleted"] or row["kind"] not in (DRAFT, CONFIRMED):
            raise KeyError(f"no voice memo draft {activity_id!r}")
        said = (row["insight"] or "").strip()
        if "insight" not in values and (not said or said == (row["summary"] or "").strip()):
            # no 所感 of its own: the note says what the memo says, and follows its edits
            values["insight"] = values.get("summary", row["summary"])
        w.update("activities", activity_id, {**values, "kind": CONFIRMED})
        sync_insight_notes(w, [activity_id])


def discard_draft(store: Store, activity_id: str) -> None:
    """The rep threw the draft away: a tombstone (it syncs; re-importing the recording does not
    bring it back). The recording and its transcript stay stored."""
    with store.write() as w:
        row = w.get("activities", activity_id)
        if row is None or row["deleted"] or row["kind"] != DRAFT:
            raise KeyError(f"no voice memo draft {activity_id!r}")
        w.delete("activities", activity_id)
        sync_insight_notes(w, [activity_id])
