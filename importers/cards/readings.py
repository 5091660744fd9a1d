"""Which reading (よみ) a company or contact row gets, and from where.

Every reading carries its source (``name_kana_source`` / ``full_name_kana_source``): 'card' when
a file said it (vCard SOUND / X-PHONETIC / SORT-AS, a フリガナ column), 'derived' when
importers.normalize.readings worked it out, 'manual' when a rep typed it. The rules:

* a derived reading only ever fills an empty one;
* a card's reading replaces a derived one, never one set by hand (or of unknown origin: NULL
  beside a reading means an older Genba or a teammate set it);
* between two cards, the card importer's usual policy decides (importers.cards.apply).
"""

from __future__ import annotations

from typing import Any

from importers.normalize.readings import company_reading, person_reading
from sync.store import Writer


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def new_company_reading(name: str, card_kana: str | None = None) -> dict[str, Any]:
    """The reading columns of a company row about to be inserted."""
    if not _empty(card_kana):
        return {"name_kana": card_kana.strip(), "name_kana_source": "card"}
    derived = company_reading(name)
    return {"name_kana": derived, "name_kana_source": "derived"} if derived else {}


def company_reading_changes(row, card_kana: str | None) -> dict[str, Any]:
    """What a card with this company reading changes on an existing company row."""
    if not _empty(card_kana):
        if _empty(row["name_kana"]) or row["name_kana_source"] == "derived":
            if row["name_kana"] == card_kana.strip() and row["name_kana_source"] == "card":
                return {}
            return {"name_kana": card_kana.strip(), "name_kana_source": "card"}
        return {}
    if _empty(row["name_kana"]):
        derived = company_reading(row["name"] or "")
        if derived:
            return {"name_kana": derived, "name_kana_source": "derived"}
    return {}


def new_contact_reading(fields: dict[str, Any]) -> dict[str, Any]:
    """The reading columns of a contact row about to be inserted from a card's fields."""
    if not _empty(fields.get("full_name_kana")):
        return {"full_name_kana_source": "card"}
    derived = person_reading(fields.get("full_name"))
    return {"full_name_kana": derived, "full_name_kana_source": "derived"} if derived else {}


def contact_reading_changes(
    current, fields: dict[str, Any], changes: dict[str, Any]
) -> dict[str, Any]:
    """Adjust a card's ``changes`` to an existing contact for the reading rules above."""
    out: dict[str, Any] = {}
    card_kana = fields.get("full_name_kana")
    if "full_name_kana" in changes:
        out["full_name_kana_source"] = "card"
    elif not _empty(card_kana) and current["full_name_kana_source"] == "derived":
        if current["full_name_kana"] != card_kana:
            out["full_name_kana"] = card_kana
        out["full_name_kana_source"] = "card"
    elif _empty(current["full_name_kana"]) or (
        "full_name" in changes and current["full_name_kana_source"] == "derived"
    ):  # no reading yet, or a derived one of the name the card has just changed
        derived = person_reading(changes.get("full_name") or current["full_name"])
        if derived and derived != current["full_name_kana"]:
            out.update(full_name_kana=derived, full_name_kana_source="derived")
    return out


def fill_readings(w: Writer) -> int:
    """Derive the readings still missing on live companies and contacts (rows created by daily
    reports, older versions, teammates). Returns how many rows got one."""
    done = 0
    for r in w.conn.execute(
        "SELECT id, name FROM companies WHERE deleted = 0 AND name IS NOT NULL "
        "AND coalesce(name_kana, '') = ''"
    ).fetchall():
        derived = company_reading(r["name"])
        if derived:
            w.update("companies", r["id"], {"name_kana": derived, "name_kana_source": "derived"})
            done += 1
    for r in w.conn.execute(
        "SELECT id, full_name FROM contacts WHERE deleted = 0 AND full_name IS NOT NULL "
        "AND coalesce(full_name_kana, '') = ''"
    ).fetchall():
        derived = person_reading(r["full_name"])
        if derived:
            w.update(
                "contacts",
                r["id"],
                {"full_name_kana": derived, "full_name_kana_source": "derived"},
            )
            done += 1
    return done
