"""「参考になった」 (helpful) marks and reuse (a note shown in someone else's brief), as synced
``reactions`` rows.

* helpful: id ``natural_id("reactions", "helpful:<note>:<user>")`` — one per user per note, on
  every laptop; unmarking tombstones it, marking again restores it.
* reuse: kind ``'reuse'``, id ``natural_id("reactions", "reuse:<note>:<user>:<day>")`` — one per
  note per viewer per day, however often the brief is opened.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from importers.insights.notes import now_iso
from sync.store import Store, Writer
from sync.store.ids import natural_id

HELPFUL, REUSE = "helpful", "reuse"


class ReactionError(ValueError):
    """The reaction cannot be recorded; the message says why."""


def helpful_id(note_id: str, user: str) -> str:
    return natural_id("reactions", f"helpful:{note_id}:{user}")


def reuse_id(note_id: str, user: str, day: str) -> str:
    return natural_id("reactions", f"reuse:{note_id}:{user}:{day}")


def mark_helpful(store: Store, note_id: str, user: str, on: bool = True) -> bool:
    """Mark (or unmark) a teammate's note as helpful; True when something changed."""
    if not user:
        raise ReactionError("Set your name first (genba config set user_name NAME).")
    with store.write() as w:
        note = w.get("notes", note_id)
        if note is None or note["deleted"]:
            raise ReactionError(f"No note {note_id}.")
        if on and note["author"] == user:
            raise ReactionError("Your own notes cannot be marked 参考になった by you.")
        rid = helpful_id(note_id, user)
        current = w.get("reactions", rid)
        if current is None:
            if not on:
                return False
            w.insert(
                "reactions",
                {
                    "id": rid,
                    "note_id": note_id,
                    "kind": HELPFUL,
                    "user": user,
                    "created_at": now_iso(),
                },
            )
            return True
        if on:
            if not current["deleted"]:
                return False
            return bool(w.update("reactions", rid, {"deleted": 0, "created_at": now_iso()}))
        return w.delete("reactions", rid)


def record_reuse(
    w: Writer, notes: Iterable[tuple[str, str | None]], viewer: str, day: dt.date | None = None
) -> int:
    """Record that ``viewer`` was shown these (note id, author) today; their own notes do not
    count. Returns how many reuse rows were added (at most one per note per viewer per day)."""
    if not viewer:
        return 0
    day_s = (day or dt.date.today()).isoformat()
    rows = []
    for note_id, author in notes:
        if author == viewer:
            continue
        rid = reuse_id(note_id, viewer, day_s)
        if w.get("reactions", rid) is None:
            rows.append(
                {
                    "id": rid,
                    "note_id": note_id,
                    "kind": REUSE,
                    "user": viewer,
                    "created_at": f"{day_s}T{dt.datetime.now(dt.UTC):%H:%M:%S}+00:00",
                }
            )
    if rows:
        w.insert_many("reactions", rows)
    return len(rows)


def helpful_counts(store: Store, note_ids: list[str]) -> dict[str, tuple[int, int]]:
    """note id -> (helpful marks by others, reuse by others) — all time."""
    if not note_ids:
        return {}
    out: dict[str, tuple[int, int]] = {}
    for start in range(0, len(note_ids), 500):
        chunk = note_ids[start : start + 500]
        for r in store.query(
            f"""SELECT r.note_id,
                       count(DISTINCT CASE WHEN r.kind = 'helpful' THEN r.user END),
                       count(DISTINCT CASE WHEN r.kind = 'reuse' THEN r.user END)
                FROM reactions r JOIN notes n ON n.id = r.note_id
                WHERE r.deleted = 0 AND r.user IS NOT NULL
                  AND r.user IS NOT coalesce(n.author, '')
                  AND r.note_id IN ({",".join("?" * len(chunk))})
                GROUP BY r.note_id""",
            chunk,
        ):
            out[r[0]] = (r[1], r[2])
    return out
