"""What the server decides for itself in a push, whatever the body says.

- Replica ids belong to the user who first pushed them: another user's changes under that id are
  refused (a teammate cannot swallow a rep's future edits by forging their change ids).
- A change id the team already holds with different content is a collision: the pushing database
  is a restored or copied one, told so with 409 ``replica_collision`` (nothing is stored).
- Authorship (``notes.author``, ``reactions.user``) is the token's user.
- A note whose visibility wins as private is withdrawn: its shared fields and their history are
  dropped, and teammates pull only the withdrawal.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, select, update

from sync.schema_contract import PRIVATE_VISIBILITY
from sync.server.db import changes, replicas, winners
from sync.server.errors import ApiError
from sync.server.users import User
from sync.server.validate import reject

AUTHOR_FIELDS = {("notes", "author"), ("reactions", "user")}


def stamp_authors(batch: list[dict[str, Any]], user: User) -> list[dict[str, Any]]:
    """Set authorship fields to the token's user; return what was rewritten (change id, value)."""
    stamped = []
    for i, c in enumerate(batch):
        if (c["entity"], c["field"]) in AUTHOR_FIELDS and c.get("value") != user.name:
            batch[i] = {**c, "value": user.name}
            stamped.append({"change_id": c["change_id"], "value": user.name})
    return stamped


def bind_replicas(conn, insert, user: User, batch: list[dict[str, Any]]):
    """(changes of replicas this user owns, refusals); new replica ids are bound to the user."""
    sites = {c["site"] for c in batch}
    now = datetime.now(UTC).isoformat(timespec="seconds")
    conn.execute(
        insert(replicas).on_conflict_do_nothing(),
        [
            {
                "replica_id": s,
                "user_id": user.id,
                "team_id": user.team_id,
                "last_seq": 0,
                "created_at": now,
            }
            for s in sorted(sites)
        ],
    )
    # A change id '<replica>.<seq>' names its replica too: one of another user's replicas would
    # be taken for that replica's change and swallow it, whatever the change's site says.
    prefixes = {c["change_id"].rpartition(".")[0] for c in batch} - {""}
    owners = dict(
        conn.execute(
            select(replicas.c.replica_id, replicas.c.user_id).where(
                replicas.c.replica_id.in_(sorted(sites | prefixes))
            )
        ).all()
    )
    foreign = {s for s in sites if owners.get(s) != user.id}
    foreign |= {p for p in prefixes if owners.get(p, user.id) != user.id}

    def forged(c) -> bool:
        return c["site"] in foreign or c["change_id"].rpartition(".")[0] in foreign

    if not foreign:
        return batch, []
    kept = [c for c in batch if not forged(c)]
    refused = [reject(c, "replica_of_another_user") for c in batch if forged(c)]
    return kept, refused


def record_last_seq(conn, batch: list[dict[str, Any]]) -> None:
    """Remember, per replica, the greatest '<replica>.<seq>' held and its clock."""
    last: dict[str, tuple[int, str]] = {}
    seen: set[str] = set()
    # A laptop's batch is in seq order: the last change of each replica is its greatest.
    for c in reversed(batch):
        site = c["site"]
        if site in seen:
            continue
        seen.add(site)
        replica, dot, seq = c["change_id"].rpartition(".")
        if dot and replica == site and seq.isdigit():
            last[replica] = (int(seq), c["hlc"])
    for replica, (n, hlc) in last.items():
        conn.execute(
            update(replicas)
            .where(replicas.c.replica_id == replica, replicas.c.last_seq < n)
            .values(last_seq=n, last_hlc=hlc)
        )


def check_collisions(conn, team_id: int, batch: list[dict[str, Any]]) -> None:
    """Refuse the push when a change id the team holds carries different content."""
    mine = {c["change_id"]: c for c in batch}
    ids = list(mine)
    for start in range(0, len(ids), 500):
        rows = conn.execute(
            select(
                changes.c.change_id,
                changes.c.entity,
                changes.c.row_id,
                changes.c.field,
                changes.c.hlc,
                changes.c.site,
                changes.c.value,
            ).where(changes.c.team_id == team_id, changes.c.change_id.in_(ids[start : start + 500]))
        ).all()
        for cid, entity, row_id, field, hlc, site, value in rows:
            held = None if value is None else json.loads(value)
            if not same_change((entity, row_id, field, hlc, site), held, mine[cid]):
                raise replica_collision(cid)


def same_change(stored: tuple, value: Any, pushed: dict[str, Any]) -> bool:
    """Whether a change the server holds under a change id — (entity, row_id, field, hlc, site)
    and its decoded value — is the pushed one: a replay, not a copied database's other edit."""
    keys = (pushed["entity"], pushed["row_id"], pushed["field"], pushed["hlc"], pushed["site"])
    return stored == keys and value == pushed.get("value")


def replica_collision(change_id: str) -> ApiError:
    return ApiError(
        409,
        "replica_collision",
        "This database reuses change ids the server already holds with other "
        "content: it is a restored or copied genba.db. It takes a new replica id.",
        change_id=change_id,
    )


def withdraw_private(conn, team_id: int, batch: list[dict[str, Any]]) -> list[dict[str, str]]:
    """Drop every shared trace of notes whose visibility now wins as private; refuse the
    batch's other changes to them (the client keeps those)."""
    rows = {c["row_id"] for c in batch if c["entity"] == "notes"}
    if not rows:
        return []
    query = winning(team_id, "notes", "visibility", [PRIVATE_VISIBILITY], rows=rows)
    private = set(conn.execute(query).scalars())
    if not private:
        return []
    drop_fields(conn, team_id, "notes", private, keep=("visibility",))
    return [
        reject(c, "private_note")
        for c in batch
        if c["entity"] == "notes" and c["row_id"] in private and c["field"] != "visibility"
    ]


# -- the shared shape of what the server withdraws (private notes here, their attachments in
# sync.server.private_attachments): find rows by a winning value, drop their other fields


def winning(team_id: int, entity: str, field: str, values, *, rows=None, column=None):
    """A select of the team's ``entity`` rows (their ids, or ``column`` of winners) whose
    winning ``field`` is one of ``values``; only among ``rows`` when given."""
    query = select(winners.c.row_id if column is None else column).where(
        winners.c.team_id == team_id,
        winners.c.entity == entity,
        winners.c.field == field,
        # as the winners table holds values: JSON text
        winners.c.value.in_(sorted(json.dumps(v, ensure_ascii=False) for v in values)),
    )
    return query if rows is None else query.where(winners.c.row_id.in_(sorted(rows)))


def drop_fields(conn, team_id: int, entity: str, row_ids, *, keep: tuple[str, ...]) -> None:
    """Delete these rows' winning values and change log, but for the fields in ``keep`` (what
    teammates still pull: a withdrawal, a link)."""
    ids = sorted(row_ids)
    for table in (winners, changes):
        conn.execute(
            delete(table).where(
                table.c.team_id == team_id,
                table.c.entity == entity,
                table.c.row_id.in_(ids),
                table.c.field.not_in(keep),
            )
        )
