"""An activity's extra fields: what the rep wrote in columns Genba could not place.

Stored as JSON on ``activities.extras`` — ``[{"heading": "競合", "value": "A社", "column": "H"}]``
(the cell is that column on the activity's row, ``source_ref``) — and shown, searched and
exported as 「見出し: 値」 lines.
"""

from __future__ import annotations

import json


def parse_extras(raw: str | None) -> list[dict[str, str]]:
    """The extras of an activity; [] for none or for a value that is not a list of fields."""
    if not raw:
        return []
    try:
        items = json.loads(raw)
    except (TypeError, ValueError):
        return []
    if not isinstance(items, list):
        return []
    return [
        {k: str(i.get(k) or "") for k in ("heading", "value", "column")}
        for i in items
        if isinstance(i, dict) and i.get("value") not in (None, "")
    ]


def extras_text(raw: str | None) -> str:
    """「見出し: 値」, one line per extra field (a column without heading is named by its letter)."""
    lines = []
    for item in parse_extras(raw):
        heading = item["heading"] or f"{item['column']}列"
        lines.append(f"{heading}: {item['value']}")
    return "\n".join(lines)
