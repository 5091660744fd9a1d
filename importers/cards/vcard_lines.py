"""vCard lines as bytes: unfolding, quoted-printable, per-value charsets, the property record.

Japanese phones write vCard 2.1 with a CHARSET per property (Shift_JIS) and quoted-printable soft
line breaks, so lines are split and unfolded as bytes and each value is decoded on its own. A
value with 8-bit bytes and no CHARSET is tried as UTF-8, then cp932, then SINGLE_BYTE_GUESSES;
the guess is recorded on the property so the file can say so once.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from importers.cards._text import clean

_STRUCTURED = {"N", "ADR", "ORG", "SOUND", "X-IRMC-N", "GENDER"}
_ENCODINGS = {"QUOTED-PRINTABLE", "QP", "BASE64", "B", "8BIT", "7BIT"}
_CHARSET_ALIASES = {
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "sjis": "cp932",
    "x-sjis": "cp932",
    "ms_kanji": "cp932",
    "windows-31j": "cp932",
    "cp932": "cp932",
    "iso-2022-jp": "iso2022_jp",
    "euc-jp": "euc_jp",
    "utf-8": "utf-8",
    "utf8": "utf-8",
}
_HEX = b"0123456789ABCDEFabcdef"
# Tried, in order, for a value with 8-bit bytes and no CHARSET (after UTF-8 and cp932).
SINGLE_BYTE_GUESSES = ("cp1252", "iso8859_15", "cp1250", "latin_1")
_PRIVATE_USE = re.compile(r"[\ue000-\uf8ff]")
# one kanji or half-width kana between Latin letters: Latin-1 bytes misread as cp932 ('Ménard');
# 'ABC精工' is a real name
_MISREAD = re.compile(r"[A-Za-z][\u3400-\u9fff\uff61-\uff9f][A-Za-z]")


@dataclass
class _Prop:
    name: str  # upper case, without group
    params: dict[str, list[str]] = field(default_factory=dict)  # upper-case keys
    types: set[str] = field(default_factory=set)  # upper-case TYPE values, incl. bare 2.1 ones
    parts: list[str] = field(default_factory=list)  # components (one for unstructured props)
    raw: str = ""  # the decoded value before splitting / unescaping
    problem: str = ""  # '' | 'qp' | 'charset'
    guessed: str = ""  # the code page guessed for 8-bit bytes without a CHARSET

    @property
    def text(self) -> str:
        return clean(
            ";".join(p for p in self.parts if p)
            if self.name in _STRUCTURED
            else self.parts[0]
            if self.parts
            else ""
        )

    def part(self, i: int) -> str:
        return clean(self.parts[i]) if i < len(self.parts) else ""


# --------------------------------------------------------------------------- low-level decoding


def utf16_to_utf8(data: bytes) -> bytes:
    """UTF-16 (with a BOM, or recognisable by its NUL bytes) re-encoded as UTF-8; other bytes
    unchanged."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace").encode("utf-8")
    head = data[:400]
    if len(head) >= 4 and head.count(0) >= len(head) // 4:
        codec = "utf-16-le" if head[1::2].count(0) > head[0::2].count(0) else "utf-16-be"
        return data.decode(codec, errors="replace").encode("utf-8")
    return data


def decode_file_bytes(data: bytes) -> tuple[str, str]:
    """Whole-file encoding: UTF-8 (BOM or not) if it decodes, else cp932. Returns (codec, bom-less)."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8", data[3:].decode("utf-8", errors="replace")
    try:
        return "utf-8", data.decode("utf-8")
    except UnicodeDecodeError:
        return "cp932", data.decode("cp932", errors="replace")


def qp_decode(value: bytes) -> tuple[bytes, bool]:
    """Quoted-printable decode that never raises: returns (bytes, broken).

    Valid ``=XX`` escapes are decoded, a soft line break ``=`` at the end is dropped, and a broken
    escape (``=8``, ``=ZZ``) is skipped and reported through ``broken``.
    """
    out = bytearray()
    broken = False
    i, n = 0, len(value)
    while i < n:
        c = value[i]
        if c != 0x3D:  # '='
            out.append(c)
            i += 1
            continue
        pair = value[i + 1 : i + 3]
        if len(pair) == 2 and pair[0] in _HEX and pair[1] in _HEX:
            out.append(int(pair, 16))
            i += 3
        elif i + 1 >= n or value[i + 1 :].strip() == b"":  # trailing '=': soft break
            i = n
        else:
            # '=8', '=ZZ': a damaged escape. Its two characters were meant as hex, not text:
            # drop them (letters and digits only) so they do not show up in the name.
            broken = True
            i += 1
            for _ in range(2):
                if i < n and chr(value[i]).isalnum():
                    i += 1
    return bytes(out), broken


def _codec(charset: str | None, default: str) -> str:
    if not charset:
        return default
    name = _CHARSET_ALIASES.get(charset.strip().lower())
    if name:
        return name
    try:
        return codecs.lookup(charset.strip()).name
    except LookupError:
        return default


def _split_unquoted(s: str, sep: str) -> list[str]:
    out, buf, quoted = [], [], False
    for ch in s:
        if ch == '"':
            quoted = not quoted
            buf.append(ch)
        elif ch == sep and not quoted:
            out.append("".join(buf))
            buf = []
        else:
            buf.append(ch)
    out.append("".join(buf))
    return out


def _split_value(s: str) -> list[str]:
    """Split a structured value on unescaped ';' and unescape each component."""
    parts, buf, i = [], [], 0
    while i < len(s):
        ch = s[i]
        if ch == "\\" and i + 1 < len(s):
            buf.append(s[i : i + 2])
            i += 2
            continue
        if ch == ";":
            parts.append(unescape("".join(buf)))
            buf = []
        else:
            buf.append(ch)
        i += 1
    parts.append(unescape("".join(buf)))
    return parts


def unescape(s: str) -> str:
    return re.sub(r"\\([\\;,:nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), s)


def _is_qp_header(line: bytes) -> bool:
    head = line.split(b":", 1)[0].upper()
    return b"QUOTED-PRINTABLE" in head


def logical_lines(data: bytes) -> list[bytes]:
    """Split into lines and undo both kinds of folding, at the byte level.

    * RFC folding: a line starting with a space or tab continues the previous one (the CRLF and
      that one whitespace character are removed);
    * quoted-printable soft line breaks: a QP property whose line ends with '=' continues on the
      next line.
    CR and LF never occur inside Shift_JIS or UTF-8 multi-byte characters, so this is safe before
    the values are decoded.
    """
    out: list[bytes] = []
    qp_open = False
    for line in re.split(rb"\r\n|\r|\n", data):
        if qp_open and out:
            out[-1] = out[-1][:-1] + line
            qp_open = out[-1].endswith(b"=") and _is_qp_header(out[-1])
            continue
        if line[:1] in (b" ", b"\t") and out:
            out[-1] += line[1:]
        elif line.strip():
            out.append(line)
        else:
            continue
        qp_open = out[-1].endswith(b"=") and _is_qp_header(out[-1])
    return out


def _parse_line(line: bytes, file_codec: str, version: str) -> _Prop | None:
    # ':' (0x3A) cannot be a Shift_JIS trail byte, so the first unquoted one ends the name part
    quoted, colon = False, -1
    for i, b in enumerate(line):
        if b == 0x22:
            quoted = not quoted
        elif b == 0x3A and not quoted:
            colon = i
            break
    if colon < 0:
        return None
    head = line[:colon].decode(file_codec, errors="replace")
    value_bytes = line[colon + 1 :]
    pieces = _split_unquoted(head, ";")
    name = pieces[0].strip().upper()
    if "." in name:  # 'item1.EMAIL'
        name = name.rsplit(".", 1)[1]
    prop = _Prop(name)
    for p in pieces[1:]:
        p = p.strip()
        if not p:
            continue
        if "=" in p:
            key, val = p.split("=", 1)
            key = key.strip().upper()
            vals = [v.strip().strip('"') for v in _split_unquoted(val, ",")]
        elif p.upper() in _ENCODINGS:
            key, vals = "ENCODING", [p]
        else:
            key, vals = "TYPE", [p]
        prop.params.setdefault(key, []).extend(vals)
        if key == "TYPE":
            prop.types.update(v.upper() for v in vals if v)
    encoding = (prop.params.get("ENCODING") or [""])[0].upper()
    if encoding in ("BASE64", "B"):
        return prop  # photos, sounds: not text
    charset = (prop.params.get("CHARSET") or [""])[0]
    if encoding in ("QUOTED-PRINTABLE", "QP"):
        value_bytes, broken = qp_decode(value_bytes)
        if broken:
            prop.problem = "qp"
        codec = _codec(charset, "utf-8")
    else:
        codec = _codec(charset, file_codec)
    text, prop.guessed = _decode_value(value_bytes, codec, charset)
    if "\ufffd" in text:
        prop.problem = prop.problem or "charset"
        text = text.replace("\ufffd", "")
    prop.raw = text
    if name in _STRUCTURED:
        prop.parts = _split_value(text)
    else:
        prop.parts = [unescape(text)]
    return prop


def _decode_value(b: bytes, codec: str, charset: str) -> tuple[str, str]:
    """(text, guessed code page or ''). A declared charset is trusted; without one, 8-bit
    bytes are tried as UTF-8, cp932, then SINGLE_BYTE_GUESSES."""
    if charset or b.isascii():
        try:
            return b.decode(codec), ""
        except UnicodeDecodeError:
            return b.decode(codec, errors="replace"), ""
    try:
        return b.decode("utf-8"), ""
    except UnicodeDecodeError:
        pass
    try:
        text = b.decode("cp932")
        if not _PRIVATE_USE.search(text) and not _MISREAD.search(text):
            return text, "cp932"
    except UnicodeDecodeError:
        pass
    for guess in SINGLE_BYTE_GUESSES:
        try:
            return b.decode(guess), guess
        except UnicodeDecodeError:
            continue
    return b.decode("latin_1"), "latin_1"  # pragma: no cover - latin_1 decodes any byte
