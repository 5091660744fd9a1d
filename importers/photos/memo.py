"""Photos of paper memos: what day they belong to and which customer the file name names."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

_EXIF_IFD = 0x8769
_DATE_TIME_ORIGINAL = 36867
_DATE_TIME_DIGITIZED = 36868
_MAGIC = (
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"%PDF-", "application/pdf"),
    (b"GIF8", "image/gif"),
)
_EXT_MIME = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".pdf": "application/pdf",
}
# a date in a file name: 20250312, 2025-03-12, 2025_03_12, 2025.03.12, 2025年3月12日
_NAME_DATE = re.compile(
    r"(?<!\d)(20\d{2}|19\d{2})(?:([-_.])(\d{1,2})\2(\d{1,2})|(\d{2})(\d{2})|年(\d{1,2})月(\d{1,2})日?)(?!\d)"
)
_PREFIX = re.compile(
    r"^(?:IMG|DSC|DSCN|DSCF|PXL|MVIMG|PANO|Screenshot|スクリーンショット|Photo|写真|画像|scan|スキャン)$",
    re.IGNORECASE,
)
_GENERIC = re.compile(
    r"^(?:.*(?:メモ|memo|議事録|打ち?合わ?せ|打合せ|会議|ノート|note|写真|photo|名刺|scan|スキャン|コピー|copy).*"
    r"|\d+|\(\d+\)|[a-z]{0,5}\d+[a-z]?|jpe?g|png)$",
    re.IGNORECASE,
)
_SPLIT = re.compile(r"[\s_\-.,()（）\[\]【】]+")


@dataclass(frozen=True)
class PhotoInfo:
    sha256: str
    mime: str
    size: int
    taken_on: dt.date | None
    customer_hint: str | None
    ocr_text: str | None = None  # the printed text read on it (importers.photos.memo_text)


def photo_info(path: Path, data: bytes) -> PhotoInfo:
    path = Path(path)
    mime = next((m for magic, m in _MAGIC if data.startswith(magic)), None)
    mime = mime or _EXT_MIME.get(path.suffix.lower(), "application/octet-stream")
    taken = exif_date(data) if mime.startswith("image/") else None
    return PhotoInfo(
        sha256=hashlib.sha256(data).hexdigest(),
        mime=mime,
        size=len(data),
        taken_on=taken or date_from_name(path.name),
        customer_hint=customer_hint(path.name),
    )


def exif_date(data: bytes) -> dt.date | None:
    """EXIF DateTimeOriginal (else DateTimeDigitized) as a date; None when absent or unreadable."""
    try:
        from PIL import Image

        with Image.open(io.BytesIO(data)) as img:
            exif = img.getexif()
            ifd = exif.get_ifd(_EXIF_IFD)
            raw = ifd.get(_DATE_TIME_ORIGINAL) or ifd.get(_DATE_TIME_DIGITIZED)
    except Exception:  # not an image, broken EXIF: fall back to the file name
        return None
    if not raw:
        return None
    m = re.match(r"\s*(\d{4})[:\-/](\d{2})[:\-/](\d{2})", str(raw))
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:  # '0000:00:00 00:00:00' from cameras without a clock
        return None


def _name_date_match(stem: str) -> tuple[dt.date, re.Match[str]] | None:
    for m in _NAME_DATE.finditer(stem):
        y = int(m.group(1))
        month = m.group(3) or m.group(5) or m.group(7)
        day = m.group(4) or m.group(6) or m.group(8)
        try:
            return dt.date(y, int(month), int(day)), m
        except ValueError:
            continue
    return None


def date_from_name(name: str) -> dt.date | None:
    """'20250312_サンプル精工.jpg', 'IMG_20250312_101500.jpg', 'memo 2025-03-12.png' -> 2025-03-12."""
    found = _name_date_match(unicodedata.normalize("NFKC", Path(name).stem))
    return found[0] if found else None


def customer_hint(name: str) -> str | None:
    """The file-name words that are not a date, a camera prefix or a word like メモ:
    '20250312_サンプル精工_打合せメモ.jpg' -> 'サンプル精工'."""
    stem = unicodedata.normalize("NFKC", Path(name).stem)
    found = _name_date_match(stem)
    if found:
        m = found[1]
        stem = stem[: m.start()] + " " + stem[m.end() :]
    for token in _SPLIT.split(stem):
        token = token.strip()
        if not token or _PREFIX.match(token) or _GENERIC.match(token):
            continue
        return token
    return None
