"""The server's own check that a private note's attachments never reach the team (the laptop
never sends them; this is the second line, for a buggy or hostile client).

Within a push, after the merge (so the batch's own visibility and attachment fields count):
- an attachment whose winning ``entity`` is ``notes`` and whose ``entity_id`` is a note whose
  visibility wins as private is dropped (its winners and change log) but for its link to the
  note (``entity``, ``entity_id``: as a withdrawn note keeps its visibility, so later changes to
  it are refused too), and the batch's changes to it are refused with ``private_attachment``
  (the client keeps them);
- when a note turns private, its attachments go the same way;
- a blob no shared attachment of the team references any more is deleted, so it can no longer be
  downloaded.
What the server cannot know: a private note it has never seen (its laptop sent nothing of it).
An attachment row pointing at such a note is held, not served, until the note's rows arrive
(``sync.server.orphan_attachments``), and then goes through the checks above.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import delete, select

from sync.schema_contract import PRIVATE_VISIBILITY
from sync.server.db import blobs, winners
from sync.server.guard import drop_fields, winning
from sync.server.validate import reject

# What stays of a hidden attachment: which note it belongs to (no content, no file name).
LINK = ("entity", "entity_id")


def _fields(conn, team_id: int, entity: str, field: str, rows) -> dict[str, Any]:
    rows = sorted(rows)
    out: dict[str, Any] = {}
    for start in range(0, len(rows), 500):
        for r, v in conn.execute(
            select(winners.c.row_id, winners.c.value).where(
                winners.c.team_id == team_id,
                winners.c.entity == entity,
                winners.c.field == field,
                winners.c.row_id.in_(rows[start : start + 500]),
            )
        ):
            try:
                out[r] = None if v is None else json.loads(v)
            except ValueError:  # a damaged value (see service._splicable): not a note id
                continue
    return out


def _attachments_of(conn, team_id: int, notes: set[str]) -> set[str]:
    """Attachment ids whose winning entity_id is one of ``notes`` (and entity is notes)."""
    if not notes:
        return set()
    ids = set(conn.execute(winning(team_id, "attachments", "entity_id", notes)).scalars())
    kinds = _fields(conn, team_id, "attachments", "entity", ids)
    return {a for a in ids if kinds.get(a) == "notes"}


def _private(conn, team_id: int, notes: set[str]) -> set[str]:
    vis = _fields(conn, team_id, "notes", "visibility", notes)
    return {n for n, v in vis.items() if v == PRIVATE_VISIBILITY}


def refuse(conn, team_id: int, batch: list[dict[str, Any]]) -> list[dict[str, str]]:
    """Drop the attachments of private notes this batch touches; refuse its changes to them."""
    touched = {c["row_id"] for c in batch if c["entity"] == "attachments"}
    notes = {c["row_id"] for c in batch if c["entity"] == "notes" and c["field"] == "visibility"}
    if not touched and not notes:
        return []
    owner = _fields(conn, team_id, "attachments", "entity_id", touched)
    kinds = _fields(conn, team_id, "attachments", "entity", touched)
    candidates = {a for a in touched if kinds.get(a) == "notes" and isinstance(owner.get(a), str)}
    private = _private(conn, team_id, {owner[a] for a in candidates} | notes)
    if not private:
        return []
    hidden = {a for a in candidates if owner[a] in private}
    hidden |= _attachments_of(conn, team_id, private & notes)
    if not hidden:
        return []
    _drop(conn, team_id, hidden)
    return [
        reject(c, "private_attachment")
        for c in batch
        if c["entity"] == "attachments" and c["row_id"] in hidden and c["field"] not in LINK
    ]


def _drop(conn, team_id: int, hidden: set[str]) -> None:
    shas = set(_fields(conn, team_id, "attachments", "sha256", hidden).values()) - {None}
    drop_fields(conn, team_id, "attachments", hidden, keep=LINK)
    shas = {s for s in shas if isinstance(s, str)}
    if not shas:
        return
    used = winning(team_id, "attachments", "sha256", shas, column=winners.c.value)
    still = set(conn.execute(used).scalars())
    gone = [s for s in shas if json.dumps(s, ensure_ascii=False) not in still]
    if gone:
        conn.execute(delete(blobs).where(blobs.c.team_id == team_id, blobs.c.sha256.in_(gone)))
