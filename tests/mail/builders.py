"""Mail files written with the standard library's email package, in each Japanese encoding."""

from __future__ import annotations

import base64
import datetime as dt
import email.quoprimime
import quopri
from email.message import EmailMessage
from email.policy import compat32
from email.utils import format_datetime, formataddr, make_msgid

JST = dt.timezone(dt.timedelta(hours=9))
ME = "sato@genba-kiko.co.jp"

BODY = (
    "佐藤様\n\n"
    "いつもお世話になっております。山田製作所の田村です。\n"
    "シャフトの見積、来週金曜日までにお願いできますでしょうか。\n\n"
    "━━━━━━━━━━━━━━━━━━━━\n"
    "株式会社山田製作所 購買部\n"
    "課長 田村 一郎\n"
    "〒460-0008 愛知県名古屋市中区栄1-2-3\n"
    "TEL: 052-123-4567  FAX: 052-123-4568\n"
    "携帯: 090-1234-5678\n"
    "E-mail: tamura@yamada-ss.co.jp\n"
    "━━━━━━━━━━━━━━━━━━━━\n"
    "\n"
    "-----Original Message-----\n"
    "From: 佐藤 <sato@genba-kiko.co.jp>\n"
    "Sent: Monday, May 13, 2024 9:00 AM\n"
    "> 先日はありがとうございました。\n"
)


def japanese_mail(
    charset: str,
    *,
    cte: str = "base64",
    subject: str = "シャフト見積のお願い",
    body: str = BODY,
    sender=("田村 一郎", "tamura@yamada-ss.co.jp"),
    to=("佐藤 健", ME),
    when=dt.datetime(2024, 5, 14, 10, 30, tzinfo=JST),
    msgid: str | None = None,
    in_reply_to: str | None = None,
    references: str | None = None,
) -> bytes:
    """A mail whose body, subject and names are in ``charset`` (Shift_JIS is cp932 on the wire,
    as Windows mailers write it), transfer-encoded ``cte`` ('base64', 'quoted-printable', '7bit'
    for ISO-2022-JP, '8bit')."""
    from email.message import Message

    wire = {"shift_jis": "cp932", "iso-2022-jp": "windows-iso-2022-jp"}.get(charset, charset)
    raw = _encode(body, wire)
    h = "Q" if cte == "quoted-printable" else "B"
    m = Message()
    m["Subject"] = _word(subject, charset, wire, h)
    m["From"] = f"{_word(sender[0], charset, wire, h)} <{sender[1]}>"
    m["To"] = f"{_word(to[0], charset, wire, h)} <{to[1]}>"
    m["Date"] = format_datetime(when)
    m["Message-ID"] = msgid or make_msgid(domain="yamada-ss.co.jp")
    if in_reply_to:
        m["In-Reply-To"] = in_reply_to
    if references:
        m["References"] = references
    m["MIME-Version"] = "1.0"
    m["Content-Type"] = f'text/plain; charset="{charset}"'
    m["Content-Transfer-Encoding"] = cte
    if cte == "base64":
        m.set_payload(base64.encodebytes(raw).decode("ascii"))
    elif cte == "quoted-printable":
        m.set_payload(quopri.encodestring(raw).decode("ascii"))
    else:  # 7bit ISO-2022-JP, or raw 8-bit bytes
        m.set_payload(raw.decode("ascii", "surrogateescape"))
    head, _, _ = m.as_bytes(policy=compat32).partition(b"\n\n")
    return head + b"\n\n" + raw if cte in ("7bit", "8bit") else m.as_bytes(policy=compat32)


def _word(text: str, charset: str, wire: str, h: str) -> str:
    """An RFC 2047 encoded word of ``text`` in ``charset`` (bytes written with ``wire``)."""
    raw = _encode(text, wire)
    if h == "B":
        return f"=?{charset}?B?{base64.b64encode(raw).decode()}?="
    return email.quoprimime.header_encode(raw, charset)


def html_only_mail(msgid: str) -> bytes:
    m = EmailMessage()
    m["Subject"] = "納期のご連絡"
    m["From"] = formataddr(("田村 一郎", "tamura@yamada-ss.co.jp"))
    m["To"] = ME
    m["Date"] = format_datetime(dt.datetime(2024, 5, 20, 9, 0, tzinfo=JST))
    m["Message-ID"] = msgid
    m.set_content(
        "<html><head><style>p{color:red}</style></head><body>"
        "<p>佐藤様</p><p>納期は<b>6月10日</b>でお願いします。</p>"
        '<div class="gmail_quote"><p>前回のメール</p><blockquote>古い話</blockquote></div>'
        "</body></html>",
        subtype="html",
        charset="utf-8",
    )
    return m.as_bytes()


def _encode(text: str, wire: str) -> bytes:
    return windows_iso2022jp(text) if wire == "windows-iso-2022-jp" else text.encode(wire)


def windows_iso2022jp(text: str) -> bytes:
    """ISO-2022-JP as Outlook writes it (CP50220): cp932's characters, NEC ① ㈱ Ⅲ included, as JIS
    pairs inside ESC $ B (Python's own codec refuses those)."""
    out = bytearray()
    mode = b"(B"
    for ch in text:
        b = ch.encode("cp932")
        if len(b) == 1:
            kana = 0xA1 <= b[0] <= 0xDF  # half-width katakana: ESC ( I, 7-bit
            want = b"(I" if kana else b"(B"
            if mode != want:
                out += b"\x1b" + want
                mode = want
            out += bytes((b[0] - 0x80,)) if kana else b
            continue
        s1, s2 = b
        s1 -= 0x40 if s1 >= 0xE0 else 0
        j1 = (s1 - 0x81) * 2 + 0x21
        if s2 >= 0x9F:
            j1, j2 = j1 + 1, s2 - 0x7E
        else:
            j2 = s2 - 0x1F - (1 if s2 >= 0x80 else 0)
        if mode != b"$B":
            out += b"\x1b$B"
            mode = b"$B"
        out += bytes((j1, j2))
    if mode != b"(B":
        out += b"\x1b(B"
    return bytes(out)
