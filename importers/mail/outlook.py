"""An Outlook .msg file (dragged out of Outlook onto a folder) read with extract-msg.

Outlook keeps the transport headers of a received mail; where it does, Message-ID, In-Reply-To
and References come from them, so a mail saved as .msg and as .eml is one activity.
"""

from __future__ import annotations

import email.utils

from importers.mail.eml import addresses, header_text
from importers.mail.html_text import html_to_text
from importers.mail.message import Address, MailAttachment, MailMessage, decode_bytes, message_ids

MAX_ATTACHMENTS = 200


class NotOutlookMail(Exception):
    """The file is not an Outlook message (args[0]: a message key of the catalogue, resources/messages)."""


def parse_msg(data: bytes) -> MailMessage:
    import extract_msg
    from extract_msg.exceptions import ExMsgBaseException

    if not data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):  # the OLE2 signature
        raise NotOutlookMail("mail_not_msg")
    try:
        m = extract_msg.openMsg(data, delayAttachments=False)
        encoding = _ansi_encoding(m)
        if encoding:  # an ANSI .msg of a Japanese Outlook: its strings are cp932, not Latin-9
            m.close()
            m = extract_msg.openMsg(data, delayAttachments=False, overrideEncoding=encoding)
    except (ExMsgBaseException, OSError, ValueError, NotImplementedError, LookupError) as exc:
        raise NotOutlookMail("mail_not_msg") from exc
    try:
        if not isinstance(m, extract_msg.Message):
            raise NotOutlookMail("mail_not_msg.not_mail")  # a contact, task or appointment
        return _mail(m)
    finally:
        m.close()


# The Windows ANSI code page of the locale an ANSI .msg was written in (PR_MESSAGE_LOCALE_ID),
# and of the Internet code page its mail was sent in (PR_INTERNET_CPID): ja-JP, zh-CN, zh-TW, ko.
_LOCALE_CODEPAGE = {1041: "cp932", 2052: "gbk", 1028: "cp950", 3076: "cp950", 1042: "cp949"}
_INTERNET_CODEPAGE = {
    50220: "cp932",  # iso-2022-jp
    50221: "cp932",
    50222: "cp932",
    51932: "cp932",  # euc-jp
    932: "cp932",  # shift_jis
    936: "gbk",
    54936: "gbk",
    950: "cp950",
    949: "cp949",
    51949: "cp949",
}


def _ansi_encoding(m) -> str | None:
    """The code page of an ANSI (non-Unicode) .msg that does not name one (PR_MESSAGE_CODEPAGE):
    extract-msg then reads its strings as ISO-8859-15, which turns 日本語 into 「\x93ú\x96{」.
    Outlook writes such files in the code page of the Windows it ran on; its locale says which."""
    if m.areStringsUnicode or m.props.get("3FFD0003") is not None:
        return None
    for prop, table in (("3FF10003", _LOCALE_CODEPAGE), ("3FDE0003", _INTERNET_CODEPAGE)):
        found = m.props.get(prop)
        if found is not None and table.get(found.value):
            return table[found.value]
    return None


def _text(value) -> str:
    """A MAPI string as text: Outlook's exports leave the C string's NUL on the end."""
    return " ".join(str(value or "").replace("\x00", " ").split())


def _mail(m) -> MailMessage:
    mail = MailMessage()
    header = m.header
    get = (lambda name: header_text(header.get(name, "") or "")) if header is not None else None
    mail.subject = _text(m.subject)
    mail.sender = next(iter(addresses(_text(m.sender))), None)
    for r in m.recipients or ():
        where = _text(r.email).lower()
        # inside an Exchange organisation a recipient is an X.500 path, not an address
        addr = Address(_text(r.name), where if "@" in where and "/" not in where else "")
        if addr.name == addr.email:
            addr.name = ""
        kind = getattr(r.type, "name", "")
        (mail.cc if kind == "CC" else mail.to if kind == "TO" else []).append(addr)
    mail.message_id = next(iter(message_ids(m.messageId or (get and get("Message-ID")))), None)
    mail.in_reply_to = next(iter(message_ids(m.inReplyTo or (get and get("In-Reply-To")))), None)
    mail.references = message_ids(get("References")) if get else []
    # a mail never sent (a draft, a mail saved from Sent before submission) has no submit time:
    # the time Outlook delivered it to the folder is the best day it has
    date = m.date or m.receivedTime
    if date is None and get and get("Date"):
        try:
            date = email.utils.parsedate_to_datetime(get("Date"))
        except (TypeError, ValueError, IndexError):
            date = None
    mail.date = date
    mail.date_raw = date.isoformat() if date else ""
    text = (m.body or "").replace("\x00", "")
    if not text.strip() and m.htmlBody:
        html = m.htmlBody
        mail.text = html_to_text(html if isinstance(html, str) else decode_bytes(html, None)[0])
    else:
        mail.text = text
    for a in list(m.attachments or ())[:MAX_ATTACHMENTS]:
        data = a.data
        if not isinstance(data, bytes):  # an embedded message: kept as its own .msg bytes
            try:
                data = data.exportBytes()
            except Exception:  # extract-msg raises many types for odd embedded items
                mail.problems.append(("mail_attachment_unreadable", {"name": a.longFilename}))
                continue
        name = a.longFilename or a.shortFilename or f"attachment-{len(mail.attachments) + 1}"
        mime = a.mimetype or "application/octet-stream"
        mail.attachments.append(MailAttachment(name, mime, data))
    if len(m.attachments or ()) > MAX_ATTACHMENTS:
        mail.problems.append(("mail_too_many_parts", {"limit": MAX_ATTACHMENTS}))
    return mail
