"""Import one photo of a paper memo: a content-addressed blob plus an ``attachments`` row.

Where it is linked (the day comes from EXIF, else the file name; the customer from the file name,
see importers.photos.memo):
- the customer had an activity that day -> entity 'activities', that activity;
- else the customer is known -> entity 'companies', that company;
- else entity 'day', entity_id the ISO date (NULL when no date is known).
The customer is the company whose normalised name equals the file-name hint, else the only
company whose normalised name contains it. A photo imported before the report of its day can be
moved onto the activity later with ``relink_photos``.

Reading, hashing and the ``sources`` row (kind 'photos') are importers.ingest's, as for every
kind; ``PhotoReader`` is this kind's reader.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
from collections.abc import Iterable
from pathlib import Path

from importers.cards.merge import resolve_company
from importers.ingest import Job, Parsed, Reader, import_source
from importers.issues import Issue
from importers.kinds import HEIF_BRANDS, PHOTOS
from importers.messages import issue as make_issue
from importers.normalize.companies import normalize_company
from importers.outcome import Outcome
from importers.photos.memo import PhotoInfo, customer_hint, photo_info
from importers.reading import FileBytes
from sync.store import Store, Writer
from sync.store.ids import natural_id

MAX_PHOTO_BYTES = PHOTOS.limits["image"]


class PhotoReader(Reader):
    """The reader of the 'photos' kind (importers.ingest)."""

    def parse(self, path: Path, fb: FileBytes, *, profile=None) -> Parsed:
        # Here, not at the top: a report import loads this module for relink_photos_in, and the
        # memo reader brings the card OCR modules with it (~10 ms of start-up it never uses).
        from importers.photos.blobs import store_blob
        from importers.photos.memo_text import read_memo_text

        problem = picture_problem(path, fb.data, lang=self.lang)
        if problem is not None:
            return Parsed(None, failure=[problem])
        read = read_memo_text(fb.data, path.name, lang=self.lang)
        info = dataclasses.replace(photo_info(path, fb.data), ocr_text=read.text)
        store_blob(self.store.data_dir, fb.data)  # idempotent, atomic; before the write
        return Parsed(info, [read.problem] if read.problem else [], keep_hash=not read.retry)

    def apply(self, w: Writer, job: Job) -> None:
        info: PhotoInfo = job.parsed.payload
        fb, out, existing = job.fb, job.outcome, job.existing
        entity, entity_id = place_photo(w, info, job.path.name, job.parsed.issues, lang=self.lang)
        attachment_id = natural_id("attachments", "photo:" + fb.sha256)
        row = {
            "sha256": fb.sha256,
            "filename": job.path.name,
            "mime": info.mime,
            "size": fb.size,
            "entity": entity,
            "entity_id": entity_id,
            "taken_on": info.taken_on.isoformat() if info.taken_on else None,
        }
        current = w.get("attachments", attachment_id)
        if info.ocr_text and (current is None or not current["ocr_text"]):
            row["ocr_text"] = info.ocr_text  # a suggestion: never over what the rep corrected
        if current is None:
            w.insert("attachments", {"id": attachment_id, **row})
            out.added = 1
        elif w.update("attachments", attachment_id, row):
            out.updated = 1
        locked = any(i.code == "memo_text_pdf_password" for i in job.parsed.issues)
        if existing is not None and existing["sha256"] not in (None, fb.sha256) and not locked:
            # A version saved with a password cannot be read: the one before (its text, the
            # rep's corrections of it) stays beside it.
            _retire_old_version(w, existing["sha256"], job.source_id)
        out.attachment_id, out.entity, out.entity_id = attachment_id, entity, entity_id


def import_photo_file(
    store: Store, path: Path, *, force: bool = False, lang: str | None = None
) -> Outcome:
    """``importers.ingest.import_source`` for one memo photo (never raises for bad input)."""
    return import_source(store, path, "photos", force=force, lang=lang)


def picture_problem(path: Path, data: bytes, *, lang: str | None = None) -> Issue | None:
    """None for a readable JPEG/PNG (or a PDF scan); else the error issue that says why not."""
    name = path.name
    if data[4:12] in HEIF_BRANDS:
        return make_issue("error", "unsupported_type.heic_photo", lang, name, name=name)
    if data.startswith(b"%PDF-"):
        return None
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as img:
            img.verify()
        return None
    except Exception:  # PIL raises many types for non-images and damaged files
        damaged = data[:3] == b"\xff\xd8\xff"
        key = "not_an_image.damaged_photo" if damaged else "not_an_image.photo"
        return make_issue("error", key, lang, name, name=name)


def place_photo(
    w: Writer,
    info: PhotoInfo,
    filename: str,
    issues: list[Issue] | None = None,
    *,
    lang: str | None = None,
) -> tuple[str, str | None]:
    """(entity, entity_id) for a photo: the customer's activity that day, the customer, or the
    day (see the module doc)."""
    day = info.taken_on.isoformat() if info.taken_on else None
    company_id = find_company(w, info.customer_hint) if info.customer_hint else None
    if company_id is None:
        if info.customer_hint and issues is not None:
            issues.append(
                make_issue(
                    "info",
                    "customer_not_found" if day else "customer_not_found.no_day",
                    lang,
                    filename,
                    name=filename,
                    hint=info.customer_hint,
                    day=day,
                )
            )
        return "day", day
    if day:
        row = w.conn.execute(
            "SELECT id FROM activities WHERE deleted = 0 AND company_id = ? AND occurred_on = ? "
            "ORDER BY source_ref, id LIMIT 1",
            (company_id, day),
        ).fetchone()
        if row:
            return "activities", row[0]
    return "companies", company_id


def find_company(w: Writer, hint: str) -> str | None:
    """The live company a file-name word names: equal normalised name, else the only company
    whose normalised name contains it (two characters at least)."""
    name = normalize_company(hint)
    if name is None:
        return None
    natural = natural_id("companies", name.normalized)
    if w.get("companies", natural) is not None and (live := resolve_company(w.conn, natural)):
        return live
    rows = w.conn.execute(
        "SELECT id, name_normalized FROM companies WHERE deleted = 0 "
        "AND instr(name_normalized, ?) > 0 ORDER BY id",
        (name.normalized,),
    ).fetchall()
    equal = [r["id"] for r in rows if r["name_normalized"] == name.normalized]
    if equal:
        return equal[0]
    if len(rows) == 1 and len(name.normalized) >= 2:
        return rows[0]["id"]
    return None


def relink_photos(store: Store, company_ids: Iterable[str] | None = None) -> int:
    """Move photos linked to a customer or a day onto the customer's activity of that day, now
    that a report has brought it (call after a report import). Returns how many moved."""
    with store.write() as w:
        return relink_photos_in(w, company_ids)


def relink_photos_in(w: Writer, company_ids: Iterable[str] | None = None) -> int:
    """``relink_photos`` inside a write transaction the caller already holds."""
    sql = (
        "SELECT id, filename, entity, entity_id, taken_on FROM attachments WHERE deleted = 0 "
        "AND taken_on IS NOT NULL AND entity IN ('companies', 'day')"
    )
    params: list[str] = []
    if company_ids is not None:
        sql += " AND (entity = 'day' OR entity_id IN (SELECT value FROM json_each(?)))"
        params.append(json.dumps(sorted(c for c in company_ids if c)))
    moved = 0
    for a in w.conn.execute(sql, params).fetchall():
        if a["entity"] == "companies":
            live = resolve_company(w.conn, a["entity_id"]) or a["entity_id"]
            row = w.conn.execute(
                "SELECT id FROM activities WHERE deleted = 0 AND company_id = ? AND "
                "occurred_on = ? ORDER BY source_ref, id LIMIT 1",
                (live, a["taken_on"]),
            ).fetchone()
            target = ("activities", row[0]) if row else ("companies", a["entity_id"])
        else:  # a day: the file name may name a customer that exists by now
            hint = customer_hint(a["filename"] or "")
            info = PhotoInfo("", "", 0, _date(a["taken_on"]), hint)
            target = place_photo(w, info, a["filename"] or "")
        if target != (a["entity"], a["entity_id"]) and target[0] != "day":
            w.update("attachments", a["id"], {"entity": target[0], "entity_id": target[1]})
            moved += 1
    return moved


def _retire_old_version(w: Writer, old_sha: str, source_id: str) -> None:
    """The photo at this path was replaced: its old version's attachment is tombstoned, unless
    another photo file still holds that content."""
    still = w.conn.execute(
        "SELECT 1 FROM sources WHERE kind IN ('photos', 'copy') AND sha256 = ? AND id != ? LIMIT 1",
        (old_sha, source_id),
    ).fetchone()
    old_id = natural_id("attachments", "photo:" + old_sha)
    if not still and w.get("attachments", old_id) is not None:
        w.delete("attachments", old_id)


def _date(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None
