"""One entry point for whatever lands in the card folder: dispatch by extension and content."""

from __future__ import annotations

import os
from pathlib import Path

from importers.cards.csv_contacts import parse_contact_csv
from importers.cards.model import CardIssue, CardParseResult
from importers.cards.ocr import ocr_card_image
from importers.cards.vcard import parse_vcards
from importers.messages import code_of, msg, resolve

MB = 1024 * 1024
MAX_TEXT_BYTES = 20 * MB  # vCard / CSV: 20 MB is tens of thousands of cards
MAX_IMAGE_BYTES = 30 * MB
VCARD_EXTENSIONS = {".vcf", ".vcard"}
CSV_EXTENSIONS = {".csv", ".tsv"}
IMAGE_EXTENSIONS = {".jpg", ".jpeg", ".png", ".pdf"}
_IMAGE_MAGIC = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"%PDF-")


def _kind(path: Path, head: bytes = b"") -> str:
    """'vcard' | 'csv' | 'image' | 'unknown', from the extension, then the first bytes."""
    ext = path.suffix.lower()
    if ext in VCARD_EXTENSIONS:
        return "vcard"
    if ext in CSV_EXTENSIONS:
        return "csv"
    if ext in IMAGE_EXTENSIONS:
        return "image"
    if head.startswith(_IMAGE_MAGIC):
        return "image"
    if head.lstrip(b"\xef\xbb\xbf \t\r\n")[:11].upper() == b"BEGIN:VCARD":
        return "vcard"
    return "unknown"


def _limit(kind: str) -> int:
    return MAX_IMAGE_BYTES if kind == "image" else MAX_TEXT_BYTES


def _too_large(path: Path, size: int, limit: int, lang: str | None = None) -> CardIssue:
    key = "file_too_large"
    text = msg(key, lang, name=path.name, size_mb=f"{size / MB:.0f}", limit_mb=limit // MB)
    return CardIssue(path.name, "error", code_of(key), text)


def check_card_size(path: Path, *, lang: str | None = None) -> CardIssue | None:
    """Size check from the file system alone, before anything is read into memory."""
    path = Path(path)
    size = os.stat(path).st_size
    limit = _limit(_kind(path))  # unknown kinds get the text limit; they are rejected anyway
    return _too_large(path, size, limit, lang) if size > limit else None


def parse_card_file(
    path: Path, data: bytes | None = None, *, lang: str | None = None
) -> CardParseResult:
    """Read a card file (vCard, contact CSV, card image). Never raises for bad input.

    Pass ``data`` when the bytes are already in memory; otherwise the size is checked on disk
    (``check_card_size``) before the file is read.
    """
    path = Path(path)
    lang = resolve(lang)
    result = CardParseResult(lang=lang)
    if data is None:
        try:
            issue = check_card_size(path, lang=lang)
            if issue is not None:
                result.issues.append(issue)
                return result
            data = path.read_bytes()
        except OSError as e:
            result.say(
                path.name, "error", "unreadable.card", name=path.name, reason=e.strerror or e
            )
            return result
    kind = _kind(path, data[:64])
    if kind == "unknown" or path.suffix.lower() == ".heic":
        ext = path.suffix.lower() or msg("unsupported_type.no_extension", lang)
        key = "unsupported_type.heic" if ext in (".heic", ".heif") else "unsupported_type"
        result.say(path.name, "error", key, name=path.name, ext=ext)
        return result
    if len(data) > _limit(kind):
        result.issues.append(_too_large(path, len(data), _limit(kind), lang))
        return result
    if not data.strip():
        result.say(path.name, "error", "empty_file", name=path.name)
        return result
    if kind == "vcard":
        return parse_vcards(data, path.name, lang=lang)
    if kind == "csv":
        return parse_contact_csv(data, path.name, lang=lang)
    return ocr_card_image(data, path.name, lang=lang)
