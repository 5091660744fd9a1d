"""Import one card file (vCard, contact CSV, card image) into the store.

Reading, hashing and the ``sources`` row (kind 'cards') are importers.ingest's, as for every
kind; this module is the cards' reader (``CardReader``): what a card file does to contacts.

Identity: the same e-mail ignoring case, or the same normalised name at the same company, is one
contact. A new contact's id is ``natural_id('contacts', 'email:<e-mail>')``, or
``natural_id('contacts', 'name:<company>:<name>')`` without an e-mail, so two laptops that meet
the same person converge on one row; a card that matches an existing contact by the other rule
goes into that row. A name match whose e-mail contradicts the card's is not the same person
(find_duplicate_contacts still offers it for a manual merge), unless the contradicting e-mail
came from this same file's previous version.

Field updates: an empty field is filled from any card (unless this same file already gave that
value and someone emptied the field since: a rep's edit stays); a non-empty field that differs is
replaced only when this file changed that field since its last import, or when the card was
exchanged later (名刺交換日) than any card seen before for that contact. A value missing from
a card never clears a field, a contact missing from a changed file is not deleted, and OCR only
ever fills empty fields. What each file said per contact is kept in the local ``card_rows``
table to tell these cases apart.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

from importers.cards.detect import check_card_size, parse_card_file
from importers.cards.linking import link_in, name_key
from importers.cards.merge import resolve_company, resolve_contact
from importers.cards.model import CardContact, CardIssue
from importers.cards.readings import (
    company_reading_changes,
    contact_reading_changes,
    new_company_reading,
    new_contact_reading,
)
from importers.ingest import Job, Parsed, Reader, import_source
from importers.issues import Issue
from importers.kinds import CARDS
from importers.messages import issue as make_issue
from importers.messages import place
from importers.normalize.companies import normalize_company
from importers.normalize.text import nfkc
from importers.outcome import Outcome
from importers.photos.blobs import store_blob
from importers.photos.memo import photo_info
from importers.reading import FileBytes
from sync.schema_contract import CONTACT_DETAILS
from sync.store import Store, Writer
from sync.store.ids import natural_id

CARD_FIELDS = CONTACT_DETAILS
# the file itself is not a usable picture: nothing is kept
_BAD_IMAGE = {"not_an_image", "broken_image", "image_too_large"}
# the machine could not read the card (tesseract missing, timed out): try again next scan
_RETRY = {"ocr_unavailable", "ocr_failed"}


class CardReader(Reader):
    """The reader of the 'cards' kind (importers.ingest): parse outside the transaction, apply
    the identity and field-update rules above inside it."""

    def size_problem(self, path: Path) -> Issue | None:
        """From the file system: a 200 MB file is never read."""
        too_large = check_card_size(path, lang=self.lang)
        return card_issue(too_large) if too_large is not None else None

    def parse(self, path: Path, fb: FileBytes, *, profile=None) -> Parsed:
        parsed = parse_card_file(path, fb.data, lang=self.lang)
        issues = [card_issue(i) for i in parsed.issues]
        image = is_card_image(path, fb.data)
        codes = {i.code for i in parsed.errors}
        if not parsed.contacts and parsed.errors and (not image or codes & _BAD_IMAGE):
            return Parsed(None, failure=[card_issue(i) for i in parsed.errors])
        if image:
            store_blob(self.store.data_dir, fb.data)  # idempotent, atomic; before the write
        return Parsed((parsed.contacts, image), issues, keep_hash=not codes & _RETRY)

    def apply(self, w: Writer, job: Job) -> None:
        contacts, image = job.parsed.payload
        out = job.outcome
        apply_contacts(
            w, job.source_id, out, contacts, job.parsed.issues, fill_only=image, lang=self.lang
        )
        if image:
            contact = out.contact_ids[0] if out.contact_ids else None
            out.attachment_id = _attach_card_image(w, job.path, job.fb, contact)
        if out.added or out.updated or out.merged:
            companies = {
                r[0]
                for r in w.conn.execute(
                    "SELECT company_id FROM contacts WHERE company_id IS NOT NULL AND id IN "
                    "(SELECT value FROM json_each(?))",
                    (json.dumps(out.contact_ids),),
                )
            }
            out.linked = link_in(w, companies)


def import_card_file(
    store: Store, path: Path, *, force: bool = False, lang: str | None = None
) -> Outcome:
    """``importers.ingest.import_source`` for one card file (never raises for bad input)."""
    return import_source(store, path, "cards", force=force, lang=lang)


# --------------------------------------------------------------------------- contacts


def apply_contacts(
    w: Writer,
    source_id: str,
    outcome: Outcome,
    contacts: list[CardContact],
    issues: list[Issue],
    *,
    fill_only: bool,
    lang: str | None = None,
) -> None:
    """The cards of one source (a card file, or a mail whose signature is a card) into contacts
    under the identity and field-update rules above, inside the caller's write transaction.

    ``fill_only``: the cards were read by a machine (OCR, a mail signature), so they only fill
    empty fields. What happened is counted on ``outcome`` (added / updated / merged,
    contact_ids); problems a rep should see are appended to ``issues``."""
    previous = {
        r["contact_id"]: json.loads(r["fields"])
        for r in w.conn.execute("SELECT * FROM card_rows WHERE source_id = ?", (source_id,))
    }
    latest = dict(
        w.conn.execute(
            "SELECT contact_id, max(exchanged_on) FROM card_rows WHERE source_id != ? "
            "GROUP BY contact_id",
            (source_id,),
        ).fetchall()
    )
    index = ContactIndex(w)
    said: dict[str, tuple[dict[str, Any], str | None, str]] = {}
    added: set[str] = set()
    updated: set[str] = set()
    merged: set[str] = set()
    for card in contacts:
        company = normalize_company(card.company) if card.company else None
        fields = card_fields(card, ensure_company(w, card.company, card.company_kana))
        contact_id, how = identify(
            w, fields, company.normalized if company else "", previous, index
        )
        if how == "deleted":
            who = card.full_name or card.email
            issues.append(
                make_issue(
                    "info",
                    "contact_deleted" if who else "contact_deleted.anonymous",
                    lang,
                    card.source_ref,
                    place=place(card.source_ref, lang),
                    who=who,
                )
            )
            continue
        if how == "new":
            row = {f: v for f, v in fields.items() if v is not None}
            row.update(id=contact_id, needs_review=int(card.needs_review), source_id=source_id)
            row.update(new_contact_reading(fields))
            w.insert("contacts", row)
            index.add(contact_id, fields)
            added.add(contact_id)
        else:
            current = w.get("contacts", contact_id)
            changes = field_updates(
                current,
                fields,
                previous.get(contact_id),
                card.exchanged_on,
                latest.get(contact_id),
                fill_only=fill_only,
            )
            if changes and card.needs_review:
                changes["needs_review"] = 1
            changes.update(contact_reading_changes(current, fields, changes))
            if current["source_id"] is None:
                changes["source_id"] = source_id
            if w.update("contacts", contact_id, changes) and contact_id not in added:
                updated.add(contact_id)
            index.add(contact_id, {**dict(current), **changes})
            if how == "other" and contact_id not in added and contact_id not in previous:
                merged.add(contact_id)
        before = said.get(contact_id)
        if before is None:
            outcome.contact_ids.append(contact_id)
        if before:  # two cards of one person in one file: the later one's values win
            joined = {**before[0], **{k: v for k, v in fields.items() if v is not None}}
            dates = [d for d in (before[1], _iso(card.exchanged_on)) if d]
            said[contact_id] = (joined, max(dates) if dates else None, card.source_ref)
        else:
            said[contact_id] = (fields, _iso(card.exchanged_on), card.source_ref)
    w.conn.execute("DELETE FROM card_rows WHERE source_id = ?", (source_id,))
    w.conn.executemany(
        "INSERT INTO card_rows (source_id, contact_id, ref, exchanged_on, fields) "
        "VALUES (?, ?, ?, ?, ?)",
        [
            (source_id, cid, ref, day, json.dumps(f, ensure_ascii=False))
            for cid, (f, day, ref) in said.items()
        ],
    )
    outcome.added = len(added)
    outcome.updated = len(updated - merged)
    outcome.merged = len(merged)


def card_fields(card: CardContact, company_id: str | None) -> dict[str, Any]:
    """The contact columns a card sets (None where the card says nothing)."""
    fields: dict[str, Any] = {f: (getattr(card, f, "") or "").strip() or None for f in CARD_FIELDS}
    fields["company_id"] = company_id
    fields["name_normalized"] = name_key(card.full_name) or None
    return fields


def contact_id_for(fields: dict[str, Any], company_normalized: str) -> str:
    """The natural id of a contact: by e-mail, else by company and name (see the module doc)."""
    email = (fields.get("email") or "").strip().lower()
    if email:
        return natural_id("contacts", "email:" + email)
    name = fields.get("name_normalized") or ""
    if name:
        return natural_id("contacts", f"name:{company_normalized}:{name}")
    # neither e-mail nor name (a company with a phone number): key on the numbers
    numbers = ":".join(re.sub(r"\D", "", fields.get(f) or "") for f in ("phone", "mobile", "fax"))
    return natural_id("contacts", f"anon:{company_normalized}:{numbers}")


class ContactIndex:
    """Live contacts by e-mail (ignoring case) and by (company, name), loaded once per file and
    kept current while it is applied: SQLite cannot index ``lower(email)`` without a schema
    change, and a scan per card makes a 5,000-card export quadratic. Entries are hints; every
    hit is checked against the row itself."""

    def __init__(self, w: Writer):
        self.w = w
        self.by_email: dict[str, list[str]] = defaultdict(list)
        self.by_name: dict[tuple[str, str], list[str]] = defaultdict(list)
        # e-mail, or company|name -> (id, e-mail) of a contact deleted in the app
        self.deleted: dict[str, tuple[str, str]] = {}
        for r in w.conn.execute(
            "SELECT id, email, company_id, name_normalized, deleted, merged_into FROM contacts "
            "ORDER BY id"
        ):
            if not r["deleted"]:
                self.add(r["id"], r)
            elif r["merged_into"] is None:
                for key in _keys(r):
                    self.deleted.setdefault(key, (r["id"], (r["email"] or "").strip().lower()))

    def add(self, contact_id: str, row) -> None:
        email = (row["email"] or "").strip().lower()
        if email and contact_id not in self.by_email[email]:
            self.by_email[email].append(contact_id)
        key = (row["company_id"], row["name_normalized"])
        if all(key) and contact_id not in self.by_name[key]:
            self.by_name[key].append(contact_id)

    def with_email(self, email: str):
        for contact_id in self.by_email.get(email, ()):
            row = self.w.get("contacts", contact_id)
            if row and not row["deleted"] and (row["email"] or "").strip().lower() == email:
                yield row

    def with_name(self, company_id: str, name: str):
        for contact_id in self.by_name.get((company_id, name), ()):
            row = self.w.get("contacts", contact_id)
            if (
                row
                and not row["deleted"]
                and (row["company_id"], row["name_normalized"]) == (company_id, name)
            ):
                yield row


def _keys(row) -> list[str]:
    keys = []
    if row["email"] and row["email"].strip():
        keys.append(row["email"].strip().lower())
    if row["company_id"] and row["name_normalized"]:
        keys.append(f"{row['company_id']}|{row['name_normalized']}")
    return keys


def identify(
    w: Writer,
    fields: dict[str, Any],
    company_normalized: str,
    previous: dict[str, dict],
    index: ContactIndex | None = None,
) -> tuple[str, str]:
    """(contact id, how): how is 'new', 'same' (its natural id), 'other' (matched by the other
    rule, or merged into another row) or 'deleted' (deleted in the app: leave it alone)."""
    computed = contact_id_for(fields, company_normalized)
    if w.get("contacts", computed) is not None:
        live = resolve_contact(w.conn, computed)
        if live is None:
            return computed, "deleted"
        return live, "same" if live == computed else "other"
    index = index or ContactIndex(w)
    email = (fields.get("email") or "").strip().lower()
    if email:
        for row in index.with_email(email):
            return row["id"], "other"
    if fields.get("name_normalized") and fields.get("company_id"):
        for row in index.with_name(fields["company_id"], fields["name_normalized"]):
            theirs = (row["email"] or "").strip().lower()
            said_before = ((previous.get(row["id"]) or {}).get("email") or "").strip().lower()
            if not email or not theirs or theirs == said_before:
                return row["id"], "other"
    for key in _keys(fields):  # deleted in the app under another id: not brought back either
        gone, theirs = index.deleted.get(key, ("", ""))
        if gone and (not email or not theirs or theirs == email):
            return gone, "deleted"
    return computed, "new"


def field_updates(
    current,
    fields: dict[str, Any],
    previous: dict[str, Any] | None,
    exchanged_on: dt.date | None,
    latest_exchange: str | None,
    *,
    fill_only: bool = False,
) -> dict[str, Any]:
    """The fields of an existing contact this card changes (the policy in the module doc)."""
    newer = bool(exchanged_on and latest_exchange and exchanged_on.isoformat() > latest_exchange)
    out: dict[str, Any] = {}
    for f in CARD_FIELDS:
        new = fields.get(f)
        if new is None or same_value(f, current[f], new):
            continue
        if _empty(current[f]):
            if previous is not None and same_value(f, previous.get(f), new):
                continue  # this file said so before and the field was emptied since: an edit
            out[f] = new
        elif fill_only:
            continue
        elif previous is not None:
            if not same_value(f, previous.get(f), new):
                out[f] = new  # the file changed this field since its last import
        elif newer:
            out[f] = new
    return out


def same_value(field_name: str, a: Any, b: Any) -> bool:
    if _empty(a) or _empty(b):
        return _empty(a) and _empty(b)
    if field_name == "email":
        return str(a).strip().lower() == str(b).strip().lower()
    return " ".join(nfkc(str(a)).split()) == " ".join(nfkc(str(b)).split())


def ensure_company(w: Writer, text: str | None, kana: str | None = None) -> str | None:
    """The company row a written company name stands for, the same one daily reports use
    (``natural_id('companies', normalized)``), created when missing; merges are followed.
    ``kana``: the card's reading of the company (importers.cards.readings decides its use)."""
    name = normalize_company(text) if text else None
    if name is None:
        return None
    company_id = natural_id("companies", name.normalized)
    if w.get("companies", company_id) is None:
        row = w.conn.execute(
            "SELECT id FROM companies WHERE deleted = 0 AND name_normalized = ? ORDER BY id "
            "LIMIT 1",
            (name.normalized,),
        ).fetchone()
        if row:  # the same name under another id (e.g. created by an older version)
            company_id = row[0]
        else:
            w.insert(
                "companies",
                {
                    "id": company_id,
                    "name": name.display,
                    "name_normalized": name.normalized,
                    **new_company_reading(name.display, kana),
                },
            )
            return company_id
    company_id = resolve_company(w.conn, company_id) or company_id
    current = w.get("companies", company_id)
    if current is not None:
        w.update("companies", company_id, company_reading_changes(current, kana))
    return company_id


# --------------------------------------------------------------------------- card images


def is_card_image(path: Path, data: bytes) -> bool:
    return CARDS.format_of(path, data[:64]) == "image"


def _attach_card_image(w: Writer, path: Path, fb: FileBytes, contact_id: str | None) -> str:
    """The card image as an attachment of its contact (unlinked when OCR found nobody)."""
    info = photo_info(path, fb.data)
    attachment_id = natural_id("attachments", "card:" + fb.sha256)
    row = w.get("attachments", attachment_id)
    if row is None:
        w.insert(
            "attachments",
            {
                "id": attachment_id,
                "sha256": fb.sha256,
                "filename": path.name,
                "mime": info.mime,
                "size": fb.size,
                "entity": "contacts",
                "entity_id": contact_id,
                "taken_on": _iso(info.taken_on),
            },
        )
    elif row["entity_id"] is None and contact_id:
        w.update("attachments", attachment_id, {"entity": "contacts", "entity_id": contact_id})
    return attachment_id


def card_issue(i: CardIssue) -> Issue:
    return Issue(i.severity, i.code, i.message, i.location)


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None
