"""What a synced field may hold: one check shared by the server (per pushed change) and the client
(per pulled value), so one bad value is refused or quarantined alone and never stops a sync.

``problem(entity, row_id, field, value)`` returns None for a value the local store can hold, else
a short code (``PROBLEMS`` has the reason in words). Local columns are SQLite INTEGER or TEXT;
SQLite integers are 64-bit, and ``deleted``/``needs_review`` are NOT NULL flags.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from sync.schema_contract import INTEGER_FIELDS, SYNCED_FIELDS

MAX_ROW_ID = 200
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
FLAGS = frozenset({"deleted", "needs_review"})
SHA256 = re.compile(r"[0-9a-f]{64}")
# A row id is printed in exported workbooks and file names: no control characters, no spaces.
ROW_ID = re.compile(rf"[^\x00-\x20\x7f-\x9f]{{1,{MAX_ROW_ID}}}")

# (entity, field) pairs: one hash lookup per change (a push or a pull carries thousands).
ALLOWED = frozenset((e, f) for e, fields in SYNCED_FIELDS.items() for f in fields)
TEXT_PLAIN = frozenset((e, f) for e, f in ALLOWED if f not in INTEGER_FIELDS and f != "sha256")


@lru_cache(maxsize=65536)
def _row_id_ok(row_id: str) -> bool:
    return ROW_ID.fullmatch(row_id) is not None


PROBLEMS = {
    "unknown_field": "this version of Genba does not know the field",
    "bad_row_id": "the row id is empty, too long or has control characters",
    "wrong_type": "the value has the wrong type for the field",
    "out_of_range": "the number is outside the range the field can hold",
    "null_flag": "the field may not be empty",
    "nul_character": "the text contains a NUL character",
    "too_long": "the text is longer than the server allows",
    "bad_sha256": "an attachment's sha256 is not 64 hexadecimal digits",
    "not_json": "the value is damaged in the server's database (not JSON)",
}


def problem(
    entity: str, row_id: Any, field: str, value: Any, *, max_chars: int | None = None
) -> str | None:
    """None when the value may be stored, else a code of ``PROBLEMS``."""
    key = (entity, field)
    if type(row_id) is not str or not _row_id_ok(row_id):
        return "unknown_field" if key not in ALLOWED else "bad_row_id"
    if type(value) is str and key in TEXT_PLAIN:  # the common case, first
        if "\x00" in value:
            return "nul_character"
        if max_chars is not None and len(value) > max_chars:
            return "too_long"
        return None
    if key not in ALLOWED:
        return "unknown_field"
    if value is None:
        return "null_flag" if field in FLAGS else None
    kind = type(value)
    if field in INTEGER_FIELDS:
        if kind is bool:
            value = int(value)
        elif kind is not int:
            return "wrong_type"
        if not INT64_MIN <= value <= INT64_MAX:
            return "out_of_range"
        if field in FLAGS and value not in (0, 1):
            return "out_of_range"
        if field == "size" and value < 0:
            return "out_of_range"
        return None
    if kind is not str:
        return "wrong_type"
    if "\x00" in value:
        return "nul_character"
    if max_chars is not None and len(value) > max_chars:
        return "too_long"
    if field == "sha256" and not SHA256.fullmatch(value):
        return "bad_sha256"
    return None


def strip_nul(value: Any) -> Any:
    """Text without NUL characters (PostgreSQL cannot store them; nobody typed one)."""
    if type(value) is str and "\x00" in value:
        return value.replace("\x00", "")
    return value
