"""One entry point for whatever lands in the card folder: dispatch by extension and content."""

from __future__ import annotations

import os
from pathlib import Path

from importers.cards.csv_contacts import parse_contact_csv
from importers.cards.model import CardIssue, CardParseResult
from importers.cards.ocr import ocr_card_image
from importers.cards.vcard import parse_vcards
from importers.kinds import CARDS, MB
from importers.messages import code_of, msg, resolve


def _kind(path: Path, head: bytes = b"") -> str:
    """'vcard' | 'csv' | 'image' | 'heif' | 'unknown' (the registry's formats of a card file)."""
    return CARDS.format_of(path, head) or "unknown"


def _limit(kind: str) -> int:
    return CARDS.limits.get(kind, CARDS.limits["vcard"])


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
    if kind in ("unknown", "heif"):
        ext = path.suffix.lower() or msg("unsupported_type.no_extension", lang)
        key = (
            "unsupported_type.heic"
            if kind == "heif" or ext in (".heic", ".heif")
            else ("unsupported_type")
        )
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
