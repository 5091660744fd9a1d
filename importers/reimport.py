"""The re-import rules: diff what the file says now against what it said last time.

Rows are matched between the last import and this one by a sequence diff over row fingerprints,
so inserting a row shifts nothing; a changed row is paired with its most similar old row, and only
the fields the file changed are written — an edit made in the app to a field the file did not
change survives (design rule 5), while a later edit of that cell in Excel wins.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from importers.records import ActivityRecord, StoredRow
from importers.staging import GENERATION

# Pairing inside a changed block compares every old row with every new row; beyond this many
# comparisons we pair by position instead (a re-sorted sheet, not an edit).
MAX_PAIRING_WORK = 40_000

# What a file said, row by row (``source_rows.fields``), is stored as a JSON array of the values
# of these fields, in this order: a JSON object repeated every key name on every row (half of its
# 14 MB for a 20,000-row file) and the source id, which the row's own column already holds. A row
# with any other field is stored as a JSON object of all its fields, as every row was before;
# both forms read back to the same dict. Only ever append to this tuple: the arrays already
# stored are read with it (one shorter than the tuple lacks the fields added since, None).
ROW_FIELDS = (
    "source_ref",
    "occurred_on_raw",
    "occurred_on",
    "rep",
    "company_name_raw",
    "contact_name",
    "contact_title",
    "purpose",
    "summary",
    "result",
    "next_action",
    "insight",
    "deal_title",
    "next_action_due_raw",
    "next_action_due",
    "amount_raw",
    "amount_jpy",
    "probability_raw",
    "probability",
    "extras",
    "company_id",
)
_ROW_KEYS = frozenset((*ROW_FIELDS, "source_id"))
# json.dumps(…, ensure_ascii=False) builds an encoder per call: one for every row of the file
_ENCODE = json.JSONEncoder(ensure_ascii=False).encode


# What a parsed row holds itself, in the order a daily report's rows have them (importers.visit);
# the import adds its customer, last.
OWN_FIELDS = ROW_FIELDS[:-1]


def encode_fields(fields: dict[str, Any]) -> str:
    """A row's fields as ``source_rows`` stores them (``OldRow`` reads them back); its
    ``source_id`` is the one of the source_rows row."""
    if fields.keys() <= _ROW_KEYS:
        return _ENCODE(list(map(fields.get, ROW_FIELDS)))
    return _ENCODE(fields)


def source_head(names: tuple[str, ...], values) -> str | None:
    """The start of what ``encode_fields`` stores for a parsed row holding these fields, all
    but its customer (known once the import resolves it: ``with_company``); None for a row with
    other fields. A worker process encodes it while the import writes other rows."""
    if names != OWN_FIELDS:
        return None
    return _ENCODE(list(values))[:-1]


def with_company(head: str, company_id: str | None) -> str:
    return f"{head}, {_ENCODE(company_id)}]"


def source_text(row: StoredRow) -> str:
    """``encode_fields`` of a parsed row and its customer: from what its worker encoded when
    it did (``source_head``), without decoding the row."""
    if row.head is not None:
        return with_company(row.head, row.company_id)
    return decode_and_encode(row)[1]


def decode_and_encode(row: StoredRow) -> tuple[dict[str, Any], str]:
    """A parsed row's ``fields``, and them as ``encode_fields`` stores them, from one decoding
    of the row: its values are already in the order of ROW_FIELDS (one dict lookup per field
    less, on every row of the file)."""
    fields, values = row.fields_and_values()
    if row.head is not None:  # encoded by the worker that read it, but its customer
        return fields, with_company(row.head, row.company_id)
    if row.names == OWN_FIELDS:
        return fields, _ENCODE([*values, row.company_id])
    return fields, encode_fields(fields)


class OldRow:
    """A row of the file's last import; its fields are decoded when asked for (a re-import of a
    200,000-row file would otherwise hold every old row as a dict beside every new one)."""

    __slots__ = ("_json", "activity_id", "fingerprint", "position", "sheet", "source_id")

    def __init__(
        self,
        position: int,
        sheet: str,
        fingerprint: str,
        activity_id: str,
        fields,
        source_id: str | None = None,
    ):
        self.position, self.sheet, self.fingerprint = position, sheet, fingerprint
        self.activity_id = activity_id
        self.source_id = source_id
        self._json = fields if isinstance(fields, str) else json.dumps(fields, ensure_ascii=False)

    @property
    def fields(self) -> dict[str, Any]:
        """Every field the row had, whichever form it was stored in: an array (``encode_fields``)
        gets back its source id, and None for fields added to ROW_FIELDS since it was stored."""
        decoded = json.loads(self._json)
        if type(decoded) is dict:  # stored by an earlier build, or with fields of its own
            return decoded
        # (longer than ROW_FIELDS: stored by a newer build; its fields are unknown to this one)
        fields = dict(zip(ROW_FIELDS, decoded, strict=False))
        for name in ROW_FIELDS[len(decoded) :]:
            fields[name] = None
        fields["source_id"] = self.source_id
        return fields


@dataclass
class Plan:
    unchanged: list[tuple[OldRow, ActivityRecord | StoredRow]]
    updated: list[tuple[OldRow, ActivityRecord | StoredRow, dict[str, Any]]]  # what changed
    inserted: list[ActivityRecord | StoredRow]
    deleted: list[OldRow]


def load_old_rows(conn, source_id: str) -> list[OldRow]:
    """What the file said at its last import: the generation of source_rows its sources row
    points at (importers.staging writes the next one beside it)."""
    base = conn.execute("SELECT rows_base FROM sources WHERE id = ?", (source_id,)).fetchone()
    base = base[0] if base else 0
    rows = conn.execute(
        "SELECT position, sheet, fingerprint, activity_id, fields FROM source_rows "
        "WHERE source_id = ? AND position >= ? AND position < ? ORDER BY position",
        (source_id, base, base + GENERATION),
    )
    return [OldRow(r[0] - base, r[1], r[2], r[3], r[4], source_id) for r in rows]


def plan_reimport(old: list[OldRow], new: list[ActivityRecord | StoredRow]) -> Plan:
    plan = Plan([], [], [], [])
    matcher = SequenceMatcher(
        None, [o.fingerprint for o in old], [n.fingerprint for n in new], autojunk=False
    )
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            plan.unchanged.extend(zip(old[i1:i2], new[j1:j2], strict=True))
        elif tag == "delete":
            plan.deleted.extend(old[i1:i2])
        elif tag == "insert":
            plan.inserted.extend(new[j1:j2])
        else:
            _pair_block(old[i1:i2], new[j1:j2], plan)
    return plan


def changed_fields(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in after.items() if before.get(k) != v}


def _pair_block(old: list[OldRow], new: list, plan: Plan) -> None:
    pairs: list[tuple[int, int]] = []
    if len(old) * len(new) > MAX_PAIRING_WORK:
        pairs = [(k, k) for k in range(min(len(old), len(new)))]
    else:
        old_fields = [o.fields for o in old]  # decoded once for the whole block
        new_fields = [n.fields for n in new]
        scored = sorted(
            (
                (-_similarity(o, n), i, j)
                for i, o in enumerate(old_fields)
                for j, n in enumerate(new_fields)
            ),
        )
        used_old, used_new = set(), set()
        for neg_score, i, j in scored:
            if -neg_score <= 0:
                break
            if i in used_old or j in used_new:
                continue
            used_old.add(i)
            used_new.add(j)
            pairs.append((i, j))
    paired_old = {i for i, _ in pairs}
    paired_new = {j for _, j in pairs}
    for i, j in pairs:
        plan.updated.append((old[i], new[j], changed_fields(old[i].fields, new[j].fields)))
    plan.deleted.extend(o for i, o in enumerate(old) if i not in paired_old)
    plan.inserted.extend(n for j, n in enumerate(new) if j not in paired_new)


def _similarity(a: dict[str, Any], b: dict[str, Any]) -> int:
    """How many written fields two versions of a row share (where they stand does not count)."""
    return sum(1 for k, v in a.items() if v is not None and k != "source_ref" and b.get(k) == v)
