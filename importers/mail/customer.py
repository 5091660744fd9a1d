"""Who a mail is with: the counterpart's address matched to a contact, else its domain to the
one company whose contacts write from it.

Free-mail domains (gmail.com, yahoo.co.jp ...) say nothing of a company, and the rep's own
domain is the rep's company: neither is matched by domain.
"""

from __future__ import annotations

from dataclasses import dataclass

from importers.cards.merge import resolve_company, resolve_contact
from importers.mail.message import Address, MailMessage
from sync.store import Writer

FREE_MAIL = frozenset(
    {
        "gmail.com",
        "googlemail.com",
        "yahoo.co.jp",
        "ymail.ne.jp",
        "yahoo.com",
        "outlook.com",
        "outlook.jp",
        "hotmail.com",
        "hotmail.co.jp",
        "live.jp",
        "icloud.com",
        "me.com",
        "mac.com",
        "docomo.ne.jp",
        "ezweb.ne.jp",
        "au.com",
        "softbank.ne.jp",
        "i.softbank.jp",
        "nifty.com",
        "biglobe.ne.jp",
        "ocn.ne.jp",
    }
)


@dataclass
class Counterpart:
    direction: str  # 'sent' | 'received'
    people: list[Address]  # the other side: the sender of a received mail, else its recipients
    contact_id: str | None = None
    company_id: str | None = None
    name: str = ""  # the person the activity is with, as the mail names them


def counterpart(mail: MailMessage, mine: set[str]) -> Counterpart:
    """Direction and the other side, from the rep's own addresses (``mail_addresses``)."""
    sender = mail.sender.email if mail.sender else ""
    if sender and sender in mine:
        people = [a for a in (*mail.to, *mail.cc) if a.email not in mine]
        return Counterpart("sent", people)
    return Counterpart("received", [mail.sender] if mail.sender else [])


def match(w: Writer, who: Counterpart, mine: set[str]) -> Counterpart:
    """Fill ``contact_id`` / ``company_id`` / ``name`` from the store (the first person who
    matches; To before Cc)."""
    own_domains = {a.rpartition("@")[2] for a in mine}
    for person in who.people:
        if not person.email:
            continue
        row = w.conn.execute(
            "SELECT id, company_id, full_name FROM contacts WHERE deleted = 0 "
            "AND lower(email) = ? ORDER BY id LIMIT 1",
            (person.email,),
        ).fetchone()
        if row is None:  # merged away: follow the merge
            gone = w.conn.execute(
                "SELECT id FROM contacts WHERE lower(email) = ? ORDER BY id LIMIT 1",
                (person.email,),
            ).fetchone()
            live = resolve_contact(w.conn, gone[0]) if gone else None
            row = w.get("contacts", live) if live else None
        if row is not None:
            who.contact_id = row["id"]
            who.company_id = (
                resolve_company(w.conn, row["company_id"]) if row["company_id"] else None
            )
            who.name = row["full_name"] or person.name
            return who
    for person in who.people:
        domain = person.email.rpartition("@")[2]
        if not domain or domain in FREE_MAIL or domain in own_domains:
            continue
        companies = {
            resolve_company(w.conn, r[0]) or r[0]
            for r in w.conn.execute(
                "SELECT company_id FROM contacts WHERE deleted = 0 AND company_id IS NOT NULL "
                "AND lower(email) LIKE ? ESCAPE '\\'",
                ("%@" + domain.replace("%", "\\%").replace("_", "\\_"),),
            )
        }
        if len(companies) == 1:
            who.company_id = companies.pop()
            who.name = person.name
            return who
    who.name = next((p.name or p.email for p in who.people), "")
    return who
