"""The per-team checksum both ends compute over the team's current winners (PowerSync-style
checkpoints): a laptop that reads a different sum re-downloads the team.

The sum (modulo 2**64) of a 64-bit BLAKE2b hash of (entity, row_id, field, hlc, site, value) per
field winner. A sum, not a hash of a sorted list: the order rows are read in does not matter,
so each side can stream its rows. The value is in the hash because a value edited behind the
store's back keeps its clock; it is hashed in a type-less normal form because SQLite's column
affinity stores the server's ``true`` as 1, ``3.0`` as 3 and ``"12"`` in an INTEGER column as 12.

What never leaves a laptop is left out on both sides: the fields of a note whose winning
visibility is private, and the rows of attachments of such a note (or of a note the team no
longer has: a teammate's laptop deletes a withdrawn note but keeps its attachment rows).
"""

from __future__ import annotations

from collections.abc import Iterable
from hashlib import blake2b
from typing import Any

from sync.schema_contract import PRIVATE_VISIBILITY

MASK = 2**64 - 1


def value_text(value: Any) -> str:
    """A value in a form both SQLite (with its affinities) and JSON agree on."""
    if value is None:
        return "\x00"
    if type(value) is bool:
        return "1" if value else "0"
    if type(value) is float:
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def field_hash(entity: str, row_id: str, field: str, hlc: str, site: str, value: Any) -> int:
    text = "\x1f".join((entity, row_id, field, hlc, site, value_text(value)))
    return int.from_bytes(blake2b(text.encode("utf-8"), digest_size=8).digest(), "little")


def left_out(
    private_notes: set[str], known_notes: set[str], note_attachments: dict[str, Any]
) -> tuple[set[str], set[str]]:
    """(note ids, attachment ids) whose fields the checksum leaves out."""
    hidden = {a for a, n in note_attachments.items() if n in private_notes or n not in known_notes}
    return private_notes, hidden


def team_checksum(
    rows: Iterable[tuple[str, str, str, str, str, Any]],
    notes_out: set[str],
    attachments_out: set[str],
) -> int:
    """The checksum of (entity, row_id, field, hlc, site, value) rows, minus what is left out.

    ``field_hash`` inlined: this runs over every field of the team at every sync."""
    total = 0
    join, from_bytes = "\x1f".join, int.from_bytes
    for e, r, f, h, s, v in rows:
        if (e == "notes" and r in notes_out) or (e == "attachments" and r in attachments_out):
            continue
        text = join((e, r, f, h, s, v if type(v) is str else value_text(v)))
        total += from_bytes(blake2b(text.encode("utf-8"), digest_size=8).digest(), "little")
    return total & MASK


def server_checksum(rows: list[tuple[str, str, str, str, str, Any]], skip=None) -> int:
    """The checksum of the server's winners (what is left out is read from the winners), without
    the ``skip`` fields (a laptop's refused changes: it holds values the server never had)."""
    private, known, owner, kinds = set(), set(), {}, {}
    for e, r, f, _h, _s, v in rows:
        if e == "notes":
            known.add(r)
            if f == "visibility" and v == PRIVATE_VISIBILITY:
                private.add(r)
        elif e == "attachments" and f == "entity_id":
            owner[r] = v
        elif e == "attachments" and f == "entity":
            kinds[r] = v
    attached = {a: n for a, n in owner.items() if kinds.get(a) == "notes"}
    if skip:
        rows = [row for row in rows if (row[0], row[1], row[2]) not in skip]
    return team_checksum(rows, *left_out(private, known, attached))
