"""What a mail file says, whatever its format (.eml or Outlook .msg): one ``MailMessage``."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

# Japanese mail declares charsets its bytes do not keep to: Shift_JIS mail carries cp932's ①
# and ～, ISO-2022-JP mail carries NEC and IBM extensions. Each name maps to the codecs tried in
# turn; the last resort is the same bytes read with replacement characters (and a warning).
_CHARSETS: dict[str, tuple[str, ...]] = {
    "shift_jis": ("cp932", "shift_jis_2004"),
    "shift-jis": ("cp932", "shift_jis_2004"),
    "sjis": ("cp932",),
    "x-sjis": ("cp932",),
    "windows-31j": ("cp932",),
    "cp932": ("cp932",),
    "iso-2022-jp": ("iso2022_jp", "iso2022_jp_ext", "iso2022_jp_2", "iso2022_jp_2004"),
    "csiso2022jp": ("iso2022_jp", "iso2022_jp_ext"),
    "euc-jp": ("euc_jp", "euc_jis_2004"),
    "x-euc-jp": ("euc_jp", "euc_jis_2004"),
    "us-ascii": ("utf-8", "cp932"),  # an undeclared 8-bit body is most often one of these
}
_GUESSES = ("utf-8", "cp932", "euc_jp", "iso2022_jp")


def decode_bytes(data: bytes, charset: str | None) -> tuple[str, bool]:
    """(text, clean): the bytes read with the declared charset's codecs, else the usual Japanese
    ones; ``clean`` is False when some bytes could only be replaced."""
    name = (charset or "").strip().strip('"').lower()
    tried = [*_CHARSETS.get(name, (name,) if name else ()), *_GUESSES]
    jis = b"\x1b$" in data  # ISO-2022-JP whatever it says: 7-bit, so UTF-8 would 'read' it
    if jis:
        tried = list(_CHARSETS["iso-2022-jp"])
    for codec in tried:
        try:
            return data.decode(codec), True
        except (UnicodeDecodeError, LookupError):
            continue
    if jis:
        text = windows_iso2022jp(data)
        if text is not None:
            return text, True
    return data.decode(tried[0] if _known(tried[0]) else "utf-8", errors="replace"), False


_ESCAPE = re.compile(rb"\x1b(\$[@B]|\([BJI])")


def windows_iso2022jp(data: bytes) -> str | None:
    """ISO-2022-JP as Outlook and other Windows mailers write it (CP50220: NEC ①, Ⅲ, ㈱ and
    IBM kanji inside ESC $ B), which Python's iso2022 codecs refuse: each JIS pair is moved to
    its Shift_JIS code and the whole read as cp932. None when that fails too."""
    out = bytearray()
    mode = b"(B"
    pos = 0
    for m in [*_ESCAPE.finditer(data), None]:
        end = m.start() if m else len(data)
        chunk = data[pos:end]
        if mode in (b"$B", b"$@"):
            for i in range(0, len(chunk) - 1, 2):
                j1, j2 = chunk[i], chunk[i + 1]
                if not (0x21 <= j1 <= 0x7E and 0x21 <= j2 <= 0x7E):
                    return None
                s1 = ((j1 - 0x21) >> 1) + 0x81
                s1 += 0x40 if s1 > 0x9F else 0
                s2 = j2 + (0x1F if j1 & 1 else 0x7E)
                s2 += 1 if j1 & 1 and s2 >= 0x7F else 0
                out += bytes((s1, s2))
        elif mode == b"(I":  # half-width katakana
            out += bytes(b | 0x80 for b in chunk)
        else:
            out += chunk
        if m:
            mode, pos = m.group(1), m.end()
    try:
        return bytes(out).decode("cp932")
    except UnicodeDecodeError:
        return None


def _known(codec: str) -> bool:
    try:
        "".encode(codec)
        return True
    except LookupError:
        return False


@dataclass
class Address:
    name: str
    email: str  # lower case; '' when the header had a name only


@dataclass
class MailAttachment:
    filename: str
    mime: str
    data: bytes


@dataclass
class MailMessage:
    message_id: str | None = None  # with its angle brackets, as in References
    in_reply_to: str | None = None
    references: list[str] = field(default_factory=list)
    date: dt.datetime | None = None
    date_raw: str = ""
    sender: Address | None = None
    to: list[Address] = field(default_factory=list)
    cc: list[Address] = field(default_factory=list)
    subject: str = ""
    text: str = ""  # the body as text (an HTML-only body already turned into text)
    attachments: list[MailAttachment] = field(default_factory=list)
    problems: list[tuple[str, dict]] = field(default_factory=list)  # (message key, params)

    def natural_key(self) -> str:
        """The same mail as .eml and as .msg, or dropped twice, has one key: its Message-ID,
        else its date, sender and subject."""
        if self.message_id:
            return "mid:" + self.message_id
        when = self.date.astimezone(dt.UTC).isoformat(timespec="minutes") if self.date else ""
        who = self.sender.email if self.sender else ""
        subject = unicodedata.normalize("NFKC", self.subject).strip()
        digest = hashlib.sha256(f"{when}\n{who}\n{subject}".encode()).hexdigest()[:32]
        return "hash:" + digest


_MSGID = re.compile(r"<[^<>\s]+>")


def message_ids(value: str | None) -> list[str]:
    """The Message-IDs in a References or In-Reply-To header, in order."""
    if not value:
        return []
    found = _MSGID.findall(value)
    if not found and value.strip():
        found = [f"<{value.strip().strip('<>')}>"]
    return found
