"""Knowledge notes: one per 所感/気づき cell a rep writes, and quick captures.

An insight note's id is ``natural_id("notes", "insight:" + activity_id)``: re-importing the report
updates the same note (on every laptop), never duplicates it. What the report said last time and
the category suggested last time are kept in the local ``knowledge_note_sources`` table, so — as
with activities (design rule 5) — a note edited in the app is not overwritten by re-importing an
unchanged cell, and a category the rep changed is never replaced by a new suggestion.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from importers.insights.categories import Rules, suggest_category
from importers.insights.noise import is_empty_insight
from sync.store import Store, Writer
from sync.store.ids import natural_id

TEAM, PRIVATE = "team", "private"
CHUNK = 500
_SOURCE_COLUMNS = ("note_id", "activity_id", "insight", "suggested", "pinned")


@dataclass
class NoteSync:
    added: int = 0
    updated: int = 0
    deleted: int = 0


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def insight_note_id(activity_id: str) -> str:
    return natural_id("notes", "insight:" + activity_id)


def sync_insight_notes(
    w: Writer, activity_ids: Iterable[str], *, rules: Rules | None = None
) -> NoteSync:
    """Make the insight notes of these activities match their 所感 cells, inside the caller's
    write transaction (the report import's): a new insight adds a note, an edited one updates it,
    an emptied one (or a deleted activity) tombstones it; unchanged ones write nothing."""
    result = NoteSync()
    ids = list(dict.fromkeys(a for a in activity_ids if a))
    # One time for the notes this call creates (to the second, as ever), and one suggestion
    # per text: a rep writes the same sentence on many visits.
    sync = _Sync(w, rules, result, now_iso())
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        marks = ",".join("?" * len(chunk))
        acts = w.conn.execute(
            f"SELECT id, insight, rep, company_id, contact_id, source_ref, deleted "
            f"FROM activities WHERE id IN ({marks})",
            chunk,
        ).fetchall()
        note_ids = [insight_note_id(a["id"]) for a in acts]
        nmarks = ",".join("?" * len(note_ids))
        notes = {
            r["id"]: r
            for r in w.conn.execute(f"SELECT * FROM notes WHERE id IN ({nmarks})", note_ids)
        }
        seen = {
            r["note_id"]: r
            for r in w.conn.execute(
                f"SELECT * FROM knowledge_note_sources WHERE note_id IN ({nmarks})", note_ids
            )
        }
        for act, nid in zip(acts, note_ids, strict=True):
            _sync_one(sync, act, nid, notes.get(nid), seen.get(nid))
        w.insert_many("notes", sync.inserts)
        w.conn.executemany(
            f"INSERT OR REPLACE INTO knowledge_note_sources ({', '.join(_SOURCE_COLUMNS)}) "
            "VALUES (?, ?, ?, ?, ?)",
            sync.remember,
        )
        sync.inserts, sync.remember = [], []
    return result


class _Sync:
    """What one ``sync_insight_notes`` call works out note by note, and gathers to write."""

    def __init__(self, w: Writer, rules: Rules | None, result: NoteSync, created_at: str):
        self.w, self.rules, self.result, self.created_at = w, rules, result, created_at
        self.inserts: list[dict] = []
        self.remember: list[tuple] = []
        self._suggested: dict[str, str | None] = {}

    def suggest(self, text: str) -> str | None:
        if text not in self._suggested:
            self._suggested[text] = suggest_category(text, self.rules)
        return self._suggested[text]


def _sync_one(sync: _Sync, act, nid: str, note, last) -> None:
    w, result = sync.w, sync.result
    text = "" if act["deleted"] else (act["insight"] or "").strip()
    if is_empty_insight(text):  # 「本日の所感は特になし。」 is not team knowledge
        text = ""
    if not text:
        if note is not None and not note["deleted"]:
            w.delete("notes", nid)
            result.deleted += 1
        if last is not None and last["insight"]:
            w.conn.execute(
                "UPDATE knowledge_note_sources SET insight = NULL WHERE note_id = ?", (nid,)
            )
        return
    unchanged = last is not None and last["insight"] == text
    suggestion = last["suggested"] if unchanged else sync.suggest(text)
    links = {
        "company_id": act["company_id"],
        "contact_id": act["contact_id"],
        "activity_id": act["id"],
        "source_ref": act["source_ref"],
        "author": act["rep"],
    }
    if note is None:
        sync.inserts.append(
            {
                "id": nid,
                **links,
                "category": suggestion,
                "body": text,
                "visibility": TEAM,
                "created_at": sync.created_at,
            }
        )
        sync.remember.append((nid, act["id"], text, suggestion, 0))
        result.added += 1
        return
    fields = dict(links)
    pinned = bool(last["pinned"]) if last is not None else note["category"] is not None
    if last is not None and not pinned and note["category"] != last["suggested"]:
        pinned = True  # the rep chose another category in the app: theirs from now on
    if not unchanged:
        # the cell changed since the last import (or this laptop has not seen it): it wins
        fields["body"] = text
        fields["deleted"] = 0
        if not pinned:
            fields["category"] = suggestion
    # the note as it stands is at hand: most of a re-imported file's are as the file says
    # (stored text has no NUL, so equal here is what Writer.update would find equal)
    if any(note[f] != v for f, v in fields.items()) and w.update("notes", nid, fields):
        result.updated += 1
    mark = (nid, act["id"], text, suggestion, int(pinned))
    if last is None or tuple(last[k] for k in _SOURCE_COLUMNS) != mark:  # else nothing to write
        sync.remember.append(mark)


def sync_all_insight_notes(store: Store) -> NoteSync:
    """Catch up every activity (e.g. a store imported before knowledge notes existed)."""
    with store.write() as w:
        ids = [
            r[0]
            for r in w.conn.execute(
                "SELECT id FROM activities WHERE (insight IS NOT NULL AND insight != '') "
                "OR id IN (SELECT activity_id FROM knowledge_note_sources)"
            )
        ]
        return sync_insight_notes(w, ids)


def add_note(
    store: Store,
    company_id: str | None,
    body: str,
    category: str | None = None,
    visibility: str = TEAM,
    author: str | None = None,
    activity_id: str | None = None,
    contact_id: str | None = None,
    *,
    rules: Rules | None = None,
) -> str:
    """Quick capture: a note about a customer (category suggested when not given); its id."""
    body = (body or "").strip()
    if not body:
        raise ValueError("A note needs some text.")
    if visibility not in (TEAM, PRIVATE):
        raise ValueError(f"visibility must be '{TEAM}' or '{PRIVATE}', not {visibility!r}")
    with store.write() as w:
        if activity_id and (company_id is None or contact_id is None):
            act = w.get("activities", activity_id)
            if act is not None:
                company_id = company_id or act["company_id"]
                contact_id = contact_id or act["contact_id"]
        return w.insert(
            "notes",
            {
                "company_id": company_id,
                "contact_id": contact_id,
                "activity_id": activity_id,
                "category": category or suggest_category(body, rules),
                "body": body,
                "author": author,
                "visibility": visibility,
                "created_at": now_iso(),
            },
        )
