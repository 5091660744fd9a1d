"""The printed text on a memo photo or a whiteboard, read on the laptop with tesseract (Japanese
and English, as the card OCR does), kept beside the photo as a suggestion (``attachments.
ocr_text``) the rep can correct, and found by search (desktop.knowledge.index).

Tesseract reads print and neat block writing; it does not read handwriting, so a photo of a
handwritten memo usually gets no text (said as an info, the photo is kept). A memo saved as PDF
gives its own text, or, scanned, its first pages read the same way (importers.photos.memo_pdf).
A correction the rep made is never replaced by a later reading.
"""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass

from importers.cards.ocr import MAX_PIXELS
from importers.cards.ocr_engine import OcrUnavailable, image_text
from importers.issues import Issue
from importers.messages import issue, msg
from importers.photos.memo_pdf import MAX_PAGES, scanned_pages, text_layer
from sync.store import Store

MIN_WIDTH = 1600  # tesseract wants ~300 dpi text: small photos are scaled up
MAX_WIDTH = 3200  # a 48 MP phone photo is scaled down: no more text, four times the time
MIN_CHARACTERS = 4  # fewer letters than this is noise on a picture, not text
TEXT_LAYER_PAGES = 100  # a PDF's own text is cheap to take: far more pages than OCR reads
_CJK = r"\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f々〆ー"
_CJK_GAP = re.compile(f"(?<=[{_CJK}])[ \u3000]+(?=[{_CJK}])")


@dataclass
class MemoText:
    text: str | None  # None: nothing read
    problem: Issue | None = None
    retry: bool = False  # OCR could not run here: read the photo again next time


def read_memo_text(
    data: bytes, filename: str, *, timeout: float = 120, lang=None, max_pdf_pages: int = MAX_PAGES
) -> MemoText:
    """The text printed on the photo ``data``, or on the pages of a PDF memo (never raises for
    a bad picture or PDF)."""
    from PIL import Image, UnidentifiedImageError

    if data.startswith(b"%PDF-"):
        return _read_pdf(data, filename, timeout=timeout, lang=lang, max_pages=max_pdf_pages)
    try:
        img = Image.open(io.BytesIO(data))
        if img.width * img.height > MAX_PIXELS:
            return MemoText(
                None, issue("info", "memo_text_too_large", lang, filename, name=filename)
            )
        img.load()
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, ValueError, SyntaxError):
        return MemoText(
            None, issue("warning", "memo_text_unreadable", lang, filename, name=filename)
        )
    img = _prepare(img)
    try:
        raw = image_text(img, timeout)
    except OcrUnavailable as e:
        why = msg(str(e.args[0]), lang) if e.args else ""
        problem = issue(
            "warning", "memo_text_unavailable", lang, filename, name=filename, reason=why
        )
        return MemoText(None, problem, retry=True)
    except RuntimeError as e:  # pytesseract raises RuntimeError on its timeout
        problem = issue("warning", "memo_text_failed", lang, filename, name=filename, reason=e)
        return MemoText(None, problem, retry=True)
    text = clean_text(raw)
    if not _enough(text):
        return MemoText(None)  # a photo of a part or a handwritten memo: nothing to tell
    return MemoText(text, issue("info", "memo_text_read", lang, filename, name=filename))


def _prepare(img):
    """A photo or a scanned page as tesseract reads it best: upright, grey, full contrast,
    ~300 dpi text (scaled up or down)."""
    from PIL import Image, ImageOps

    img = ImageOps.autocontrast(ImageOps.exif_transpose(img).convert("L"))
    if img.width < MIN_WIDTH or img.width > MAX_WIDTH:
        width = MIN_WIDTH if img.width < MIN_WIDTH else MAX_WIDTH
        height = max(1, round(img.height * width / img.width))
        img = img.resize((width, height), Image.Resampling.LANCZOS)
    return img


def _read_pdf(data: bytes, filename: str, *, timeout: float, lang, max_pages: int) -> MemoText:
    """A PDF memo: its text layer, else its scanned pages through tesseract (memo_pdf)."""
    layer = clean_text(text_layer(data, pages=TEXT_LAYER_PAGES, timeout=timeout) or "")
    if _enough(layer):
        return MemoText(layer, issue("info", "memo_text_pdf_text", lang, filename, name=filename))
    texts, problem, retry = scanned_pages(
        data, filename, prepare=_prepare, timeout=timeout, lang=lang, max_pages=max_pages
    )
    text = clean_text("\n".join(texts))
    if not _enough(text):
        return MemoText(None, problem, retry=retry)  # a blank scan, or nothing OCR could read
    read = issue("info", "memo_text_read.pdf", lang, filename, name=filename, pages=len(texts))
    return MemoText(text, problem or read, retry=retry)


def _enough(text: str) -> bool:
    return sum(c.isalnum() for c in text) >= MIN_CHARACTERS


def clean_text(raw: str) -> str:
    """Tesseract's output as a rep would type it: NFKC, no spaces between Japanese characters,
    no empty or punctuation-only lines."""
    lines = []
    for line in unicodedata.normalize("NFKC", raw).splitlines():
        line = _CJK_GAP.sub("", " ".join(line.split()))
        if sum(c.isalnum() for c in line) >= 1:
            lines.append(line)
    return "\n".join(lines)


def correct_memo_text(store: Store, attachment_id: str, text: str | None) -> bool:
    """The rep's own reading of a photo (None or '' clears it). True when it changed."""
    value = (text or "").strip() or None
    with store.write() as w:
        row = w.get("attachments", attachment_id)
        if row is None or row["deleted"]:
            raise KeyError(f"no photo {attachment_id!r}")
        return bool(w.update("attachments", attachment_id, {"ocr_text": value}))
