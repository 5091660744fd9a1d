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
        # a reading typed by the rep: never replaced by a derived one (importers.cards.readings)
        values["name_kana_source"] = "manual" if values["name_kana"] else None
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


# What the card check may correct: a card's details about the person ("company" is the name as
# written; it is turned into company_id below). Bookkeeping and identity keys stay the importer's.
CORRECTABLE_CARD_FIELDS = (
    "full_name",
    "full_name_kana",
    "full_name_latin",
    "company",
    "department",
    "title",
    "email",
    "phone",
    "mobile",
    "fax",
    "postal_code",
    "address",
    "url",
)


def correct_card(store, contact_id: str, values: dict[str, Any]) -> list[str]:
    """Save a rep's corrections of a card to check and mark it checked; returns the fields
    written. ``values`` holds only what the rep changed (empty: just mark it checked).

    Like every app edit this is a plain Writer.update, so it syncs and survives re-imports: the
    card importer diffs a file against what that file said last time (``card_rows``), and OCR
    only ever fills empty fields. ``company`` goes through the card importer's own rule
    (``ensure_company``): the existing customer of that name, else a new one."""
    from importers.cards.apply import ensure_company
    from importers.cards.linking import link_in, name_key

    bad = set(values) - set(CORRECTABLE_CARD_FIELDS)
    if bad:
        raise ValueError(f"not correctable: {sorted(bad)}")
    changes = {f: _card_value(f, v) for f, v in values.items() if f != "company"}
    if "full_name" in changes:
        # the matching key follows the name, so the next card or 面談者 of this person finds it
        changes["name_normalized"] = name_key(changes["full_name"]) or None
    if "full_name_kana" in changes:  # typed by the rep: a derived reading never replaces it
        changes["full_name_kana_source"] = "manual" if changes["full_name_kana"] else None
    with store.write() as w:
        current = w.get("contacts", contact_id)
        if current is None or current["deleted"]:
            raise KeyError(f"no live contact {contact_id}")
        if not changes.get("full_name", current["full_name"]):
            raise ValueError("a contact needs a name")
        if "company" in values:
            text = (values["company"] or "").strip()
            changes["company_id"] = ensure_company(w, text) if text else None
        changes["needs_review"] = 0
        written = w.update("contacts", contact_id, changes)
        company_id = changes.get("company_id", current["company_id"])
        if company_id and {"name_normalized", "company_id"} & set(written):
            link_in(w, [company_id])  # a 面談者 the misread name or company missed now links
    return written


def _card_value(field: str, value: Any) -> str | None:
    """The value to store: stripped, None when empty; a patterned field in its canonical form
    when it fits the pattern, else as typed (as the card importer keeps a vCard's)."""
    from importers.cards.validate import normalize_email, normalize_phone, normalize_postal_code

    text = str(value or "").strip()
    if not text:
        return None
    check = {
        "email": normalize_email,
        "phone": normalize_phone,
        "mobile": normalize_phone,
        "fax": normalize_phone,
        "postal_code": normalize_postal_code,
    }.get(field)
    return (check(text) if check else None) or text
