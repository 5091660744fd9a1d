"""Import one mail file (.eml or Outlook .msg) as an activity of kind 'mail'.

The activity's id comes from the mail (its Message-ID, else date + sender + subject), so the
same mail dropped twice, or saved as .msg and as .eml, is one activity. Its fields:
purpose = the subject, summary = the body without quoted history and signature, direction from
the rep's own addresses (setting ``mail_addresses``), company and contact from the other side's
address (importers.mail.customer), thread_id = the Message-ID of the thread's first mail.
A received mail's signature becomes a contact suggestion under the card rules (needs_review,
filling only what is empty: importers.cards.apply). Attachments are content-addressed blobs with
an ``attachments`` row on the activity. Re-importing fills only empty fields: what the rep edited
in the app stays.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from importers.cards.apply import apply_contacts
from importers.ingest import Job, Parsed, Reader
from importers.mail.body import split_body
from importers.mail.customer import counterpart, match
from importers.mail.eml import parse_eml
from importers.mail.message import MailMessage
from importers.mail.outlook import NotOutlookMail, parse_msg
from importers.mail.signature import signature_card
from importers.messages import issue
from importers.outcome import Outcome, Status
from importers.photos.blobs import store_blob
from importers.reading import FileBytes
from importers.settings import Settings
from sync.store import Writer
from sync.store.ids import natural_id

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_ATTACHMENT = 25 * 1024 * 1024  # what Outlook and Gmail send at most


class MailReader(Reader):
    """The reader of the 'mail' kind (importers.ingest)."""

    def __init__(self, importer):
        self.store = importer.store
        self.lang = importer.lang
        self.options = importer.options
        self._read_settings()

    def _read_settings(self) -> None:
        """The rep's addresses and name, read for every file: one import process serves the app
        all day, and the rep may set ``mail_addresses`` in the meantime."""
        settings = _settings(self.store.data_dir)
        mine = self.options.get("mail_addresses") or settings.mail_addresses
        self.mine = {a.strip().lower() for a in mine if a and "@" in a}
        self.rep = self.options.get("rep") or settings.user_name

    def parse(self, path: Path, fb: FileBytes, *, profile=None) -> Parsed:
        name = path.name
        self._read_settings()
        try:
            is_msg = fb.data.startswith(OLE2) or path.suffix.lower() == ".msg"
            mail = parse_msg(fb.data) if is_msg else parse_eml(fb.data)
        except NotOutlookMail as e:
            return Parsed(None, failure=[issue("error", e.args[0], self.lang, name, name=name)])
        except RecursionError:
            return Parsed(
                None, failure=[issue("error", "mail_too_nested", self.lang, name, name=name)]
            )
        if not (mail.sender or mail.subject or mail.date or mail.message_id):
            return Parsed(
                None, failure=[issue("error", "mail_not_mail", self.lang, name, name=name)]
            )
        issues = [issue("warning", k, self.lang, name, name=name, **p) for k, p in mail.problems]
        kept = []
        for a in mail.attachments:
            if len(a.data) > MAX_ATTACHMENT:
                mb = f"{len(a.data) / 1024 / 1024:.0f}"
                params = dict(name=name, attachment=a.filename, size_mb=mb, max_mb=25)
                issues.append(
                    issue("warning", "mail_attachment_too_large", self.lang, name, **params)
                )
                continue
            kept.append((a, store_blob(self.store.data_dir, a.data)))  # before the write
        if mail.date is None:
            day = dt.date.fromtimestamp(fb.mtime)
            issues.append(issue("info", "mail_no_date", self.lang, name, name=name, day=day))
        if not self.mine:
            issues.append(issue("info", "mail_no_own_address", self.lang, name, name=name))
        return Parsed((mail, split_body(mail.text), kept), issues)

    def apply(self, w: Writer, job: Job) -> None:
        mail, body, kept = job.parsed.payload
        out, name, issues = job.outcome, job.path.name, job.parsed.issues
        activity_id = natural_id("activities", "mail:" + mail.natural_key())
        current = w.get("activities", activity_id)
        if current is not None and current["deleted"]:
            issues.append(issue("info", "mail_deleted", self.lang, name, name=name))
            return
        who = counterpart(mail, self.mine)
        # without the rep's own addresses a sent mail looks received: its signature would be
        # the rep's own, so no suggestion is made until mail_addresses is set
        if who.direction == "received" and body.signature and self.mine:
            _signature_contact(w, job, mail, body.signature, self.lang)
        who = match(w, who, self.mine)
        if who.company_id is None and who.people:
            shown = ", ".join(p.email or p.name for p in who.people[:3])
            issues.append(
                issue("info", "mail_customer_not_found", self.lang, name, name=name, who=shown)
            )
        # the rep's own day: a server may stamp a mail of 00:30 JST with the UTC day before
        day = mail.date.astimezone().date() if mail.date else dt.date.fromtimestamp(job.fb.mtime)
        row = {
            "kind": "mail",
            "direction": who.direction,
            "occurred_on": day.isoformat(),
            "occurred_on_raw": mail.date_raw or None,
            "rep": self.rep,
            "company_id": who.company_id,
            "company_name_raw": None,
            "contact_id": who.contact_id,
            "contact_name": who.name or None,
            "purpose": mail.subject or None,
            "summary": body.text or None,
            "thread_id": _thread(w, mail),
            "source_id": job.source_id,
            "source_ref": mail.message_id,
        }
        if current is None:
            w.insert(
                "activities", {"id": activity_id, **{k: v for k, v in row.items() if v is not None}}
            )
            out.added = 1
        else:
            fill = {k: v for k, v in row.items() if v is not None and current[k] in (None, "")}
            if w.update("activities", activity_id, fill):
                out.updated = 1
            if current["source_id"] not in (None, job.source_id) and job.existing is None:
                issues.append(issue("info", "mail_already_imported", self.lang, name, name=name))
                out.status = Status.DUPLICATE if not fill else out.status
        for a, sha in kept:
            att_id = natural_id("attachments", f"mail:{activity_id}:{sha}")
            if w.get("attachments", att_id) is None:
                w.insert(
                    "attachments",
                    {
                        "id": att_id,
                        "sha256": sha,
                        "filename": a.filename,
                        "mime": a.mime,
                        "size": len(a.data),
                        "entity": "activities",
                        "entity_id": activity_id,
                        "taken_on": day.isoformat(),
                    },
                )
        out.entity, out.entity_id = "activities", activity_id


def _thread(w: Writer, mail: MailMessage) -> str | None:
    """The Message-ID of the thread's first mail: the first of References (RFC 5322 keeps the
    root there), else the parent's thread, else the parent, else this mail itself."""
    if mail.references:
        return mail.references[0]
    if mail.in_reply_to:
        row = w.conn.execute(
            "SELECT thread_id FROM activities WHERE kind = 'mail' AND source_ref = ? LIMIT 1",
            (mail.in_reply_to,),
        ).fetchone()
        return (row[0] if row and row[0] else None) or mail.in_reply_to
    return mail.message_id


def _signature_contact(w: Writer, job: Job, mail: MailMessage, signature: str, lang) -> None:
    """The signature as a business card: a contact suggestion, never overwriting (card rules)."""
    card = signature_card(signature, job.path.name)
    if mail.sender and mail.sender.email and not card.email:
        card.email = mail.sender.email
    if mail.sender and mail.sender.name and not card.full_name and card.company:
        card.full_name = mail.sender.name
    if not (card.company or card.full_name):
        return
    card.exchanged_on = mail.date.date() if mail.date else None
    scratch = Outcome(job.path, "cards", Status.IMPORTED)
    apply_contacts(w, job.source_id, scratch, [card], job.parsed.issues, fill_only=True, lang=lang)
    if scratch.added or scratch.updated or scratch.merged:
        who = card.full_name or card.email
        job.parsed.issues.append(
            issue(
                "info", "mail_signature_contact", lang, job.path.name, name=job.path.name, who=who
            )
        )


def _settings(data_dir: Path) -> Settings:
    try:
        from importers.managed_settings import ManagedConfig

        return ManagedConfig(Path(data_dir)).settings()
    except (OSError, ValueError):
        return Settings()
