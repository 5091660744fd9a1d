"""One entry point for whatever lands in the card folder: dispatch by extension and content."""

from __future__ import annotations

import os
from pathlib import Path

from importers.cards.csv_contacts import parse_contact_csv
from importers.cards.model import CardIssue, CardParseResult
from importers.cards.ocr import ocr_card_image
from importers.cards.vcard import parse_vcards

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


def _too_large(path: Path, size: int, limit: int) -> CardIssue:
    return CardIssue(
        path.name,
        "error",
        "file_too_large",
        f"{path.name}: file too large ({size / MB:.0f} MB, the limit is {limit // MB} MB for this "
        "kind of file); it was not imported. Split the export into smaller files, or check that "
        "this is really a card file.",
    )


def check_card_size(path: Path) -> CardIssue | None:
    """Size check from the file system alone, before anything is read into memory."""
    path = Path(path)
    size = os.stat(path).st_size
    limit = _limit(_kind(path))  # unknown kinds get the text limit; they are rejected anyway
    return _too_large(path, size, limit) if size > limit else None


def parse_card_file(path: Path, data: bytes | None = None) -> CardParseResult:
    """Read a card file (vCard, contact CSV, card image). Never raises for bad input.

    Pass ``data`` when the bytes are already in memory; otherwise the size is checked on disk
    (``check_card_size``) before the file is read.
    """
    path = Path(path)
    result = CardParseResult()
    if data is None:
        try:
            issue = check_card_size(path)
            if issue is not None:
                result.issues.append(issue)
                return result
            data = path.read_bytes()
        except OSError as e:
            result.add(
                path.name,
                "error",
                "unreadable",
                f"{path.name}: the file could not be read ({e.strerror or e}).",
            )
            return result
    kind = _kind(path, data[:64])
    if kind == "unknown" or path.suffix.lower() == ".heic":
        ext = path.suffix.lower() or "(no extension)"
        hint = (
            " HEIC photos are not supported: set the camera to JPEG ('Most Compatible') or export as JPEG."
            if ext in (".heic", ".heif")
            else " Card files can be vCard (.vcf), CSV exports (.csv) or card images (.jpg, .png, .pdf)."
        )
        result.add(
            path.name,
            "error",
            "unsupported_type",
            f"{path.name}: {ext} files are not business cards Genba can read.{hint}",
        )
        return result
    if len(data) > _limit(kind):
        result.issues.append(_too_large(path, len(data), _limit(kind)))
        return result
    if not data.strip():
        result.add(path.name, "error", "empty_file", f"{path.name}: the file is empty.")
        return result
    if kind == "vcard":
        return parse_vcards(data, path.name)
    if kind == "csv":
        return parse_contact_csv(data, path.name)
    return ocr_card_image(data, path.name)
