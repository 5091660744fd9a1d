"""Edits made in the app: through store.write(), so they sync and survive re-imports."""

from __future__ import annotations

import datetime as dt
import mimetypes
from pathlib import Path
from typing import Any

# Fields the activity editor may change (ids, sources and raw texts stay the importer's).
EDITABLE_ACTIVITY_FIELDS = (
    "occurred_on",
    "rep",
    "contact_name",
    "purpose",
    "summary",
    "result",
    "next_action",
    "next_action_due",
    "amount_jpy",
    "probability",
    "insight",
)
NOTE_CATEGORIES = (
    "buyer_preference",
    "negotiation",
    "trouble_lesson",
    "failure_story",
    "competitor",
    "tip",
)


def update_activity(store, activity_id: str, values: dict[str, Any]) -> list[str]:
    bad = set(values) - set(EDITABLE_ACTIVITY_FIELDS)
    if bad:
        raise ValueError(f"not editable: {sorted(bad)}")
    with store.write() as w:
        return w.update("activities", activity_id, values)


def rename_company(store, company_id: str, name: str, name_kana: str | None = None) -> list[str]:
    """The display name and reading; name_normalized (the import's identity key) stays."""
    values: dict[str, Any] = {"name": name.strip()}
    if name_kana is not None:
        values["name_kana"] = name_kana.strip() or None
    with store.write() as w:
        return w.update("companies", company_id, values)


def add_note(
    store,
    *,
    body: str,
    category: str,
    author: str | None,
    visibility: str = "team",
    company_id: str | None = None,
    contact_id: str | None = None,
    activity_id: str | None = None,
) -> str:
    if not body.strip():
        raise ValueError("a note needs some text")
    if category not in NOTE_CATEGORIES:
        raise ValueError(f"unknown category {category!r}")
    if visibility not in ("team", "private"):
        raise ValueError(f"unknown visibility {visibility!r}")
    with store.write() as w:
        return w.insert(
            "notes",
            {
                "company_id": company_id,
                "contact_id": contact_id,
                "activity_id": activity_id,
                "category": category,
                "body": body.strip(),
                "author": author,
                "visibility": visibility,
                "created_at": _now(),
            },
        )


def update_note(store, note_id: str, body: str) -> list[str]:
    with store.write() as w:
        return w.update("notes", note_id, {"body": body.strip()})


def attach_image(
    store, data: bytes, *, filename: str, entity: str, entity_id: str, mime: str | None = None
) -> str:
    """A pasted or dropped picture (a photo of a paper memo): a blob plus an attachments row."""
    from importers.photos.blobs import store_blob

    sha = store_blob(store.data_dir, data)
    mime = mime or mimetypes.guess_type(filename)[0] or "application/octet-stream"
    with store.write() as w:
        return w.insert(
            "attachments",
            {
                "sha256": sha,
                "filename": Path(filename).name,
                "mime": mime,
                "size": len(data),
                "entity": entity,
                "entity_id": entity_id,
                "taken_on": dt.date.today().isoformat(),
            },
        )


def mark_reviewed(store, contact_id: str) -> None:
    with store.write() as w:
        w.update("contacts", contact_id, {"needs_review": 0})


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
