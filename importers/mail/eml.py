"""An .eml file (RFC 5322, any mail client) read with the standard library's ``email`` package.

Headers are decoded here rather than by ``policy.default`` alone: Japanese mail often declares a
charset its bytes break (Shift_JIS carrying cp932 characters) or sends raw 8-bit headers, and
``importers.mail.message.decode_bytes`` reads those. Parts are walked without recursion and only
so deep and so many: a mail bomb gives a warning and what could be read, never a crash.
"""

from __future__ import annotations

import email
import email.policy
import email.utils
from email.header import decode_header
from email.message import Message

from importers.mail.html_text import html_to_text
from importers.mail.message import (
    Address,
    MailAttachment,
    MailMessage,
    decode_bytes,
    message_ids,
)

MAX_DEPTH = 20  # real mail nests 3-5 levels (mixed > alternative > related)
MAX_PARTS = 500


def parse_eml(data: bytes) -> MailMessage:
    """The mail in ``data``; raises RecursionError for a nesting the parser itself cannot take."""
    msg = email.message_from_bytes(data, policy=email.policy.default)
    mail = MailMessage()
    raw = {
        k.lower(): v for k, v in reversed(list(msg.raw_items()))
    }  # the first of each header wins
    mail.subject = " ".join(header_text(raw.get("subject", "")).split())
    mail.sender = next(iter(addresses(raw.get("from", ""))), None)
    mail.to = addresses(raw.get("to", ""))
    mail.cc = addresses(raw.get("cc", ""))
    mail.message_id = next(iter(message_ids(header_text(raw.get("message-id", "")))), None)
    mail.in_reply_to = next(iter(message_ids(header_text(raw.get("in-reply-to", "")))), None)
    mail.references = message_ids(header_text(raw.get("references", "")))
    mail.date_raw = header_text(raw.get("date", "")).strip()
    if mail.date_raw:
        try:
            mail.date = email.utils.parsedate_to_datetime(mail.date_raw)
        except (TypeError, ValueError, IndexError):
            mail.problems.append(("mail_bad_date", {"value": mail.date_raw}))
    _read_parts(msg, mail)
    return mail


def header_text(value: str) -> str:
    """A raw header value as text: encoded words decoded, raw 8-bit bytes read as Japanese."""
    if not value:
        return ""
    value = str(value)
    if any("\udc80" <= c <= "\udcff" for c in value) or "\x1b$" in value:
        # raw 8-bit bytes (surrogate-escaped), or raw JIS that old mailers put in headers
        value = decode_bytes(value.encode("ascii", "surrogateescape"), None)[0]
    value = " ".join(value.split())  # unfold; decode_header stops at folded encoded words
    out = []
    for chunk, charset in decode_header(value):
        out.append(decode_bytes(chunk, charset)[0] if isinstance(chunk, bytes) else chunk)
    return "".join(out)


def addresses(value: str) -> list[Address]:
    found = []
    for name, addr in email.utils.getaddresses([header_text(value)]):
        if addr or name:
            addr = addr.strip().lower() if "@" in addr else ""
            found.append(Address(" ".join(name.split()), addr))
    return found


def _read_parts(msg: Message, mail: MailMessage) -> None:
    plain: list[str] = []
    html: list[str] = []
    stack: list[tuple[Message, int]] = [(msg, 0)]
    seen = 0
    while stack:
        part, depth = stack.pop()
        seen += 1
        if seen > MAX_PARTS:
            mail.problems.append(("mail_too_many_parts", {"limit": MAX_PARTS}))
            return
        if part.get_content_type() == "message/rfc822":  # a forwarded mail stays one attachment
            inner = part.get_payload()
            inner = inner[0] if isinstance(inner, list) and inner else inner
            data = inner.as_bytes() if isinstance(inner, Message) else b""
            mail.attachments.append(MailAttachment("forwarded.eml", "message/rfc822", data))
            continue
        if part.is_multipart():
            if depth >= MAX_DEPTH:
                mail.problems.append(("mail_too_deep", {"limit": MAX_DEPTH}))
                continue
            children = part.get_payload()
            if isinstance(children, list):
                stack.extend((c, depth + 1) for c in reversed(children))
            continue
        ctype = part.get_content_type()
        filename = part.get_filename()
        disposition = (part.get_content_disposition() or "").lower()
        payload = part.get_payload(decode=True) or b""
        if filename or disposition == "attachment" or not ctype.startswith("text/"):
            if payload or filename:
                name = header_text(filename or "") or f"attachment-{len(mail.attachments) + 1}"
                mail.attachments.append(MailAttachment(name, ctype, payload))
            continue
        text, clean = decode_bytes(payload, part.get_content_charset())
        if not clean:
            mail.problems.append(("mail_bad_charset", {"charset": part.get_content_charset()}))
        (html if ctype == "text/html" else plain).append(text)
    # multipart/alternative carries the same words twice: the plain text, else the HTML
    mail.text = "\n\n".join(plain) if plain else "\n\n".join(html_to_text(h) for h in html)
