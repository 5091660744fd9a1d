"""Business-card images read on the device with tesseract (Japanese + English).

OCR is only a suggestion: the contact is always ``needs_review``, and e-mail, phone and postal
code are accepted only when they match their pattern (a misread digit is worse than a blank).
"""

from __future__ import annotations

import io
import re
import subprocess

from importers.cards._text import (
    CJK_CHAR,
    TITLE_WORDS,
    clean,
    company_display,
    nfkc,
    person_name,
    split_title,
)
from importers.cards.model import CardContact, CardParseResult
from importers.cards.ocr_engine import (  # noqa: F401 (tesseract_command: its older home)
    OcrUnavailable,
    PdfUnreadable,
    image_text,
    pdf_page_images,
    tesseract_command,
)
from importers.cards.validate import (
    EMAIL_RE,
    PHONE_CANDIDATE_RE,
    POSTAL_RE,
    is_mobile,
    normalize_email,
    normalize_phone,
)
from importers.messages import msg, resolve

MAX_PIXELS = 60_000_000  # a phone photo is ~12-50 MP; beyond this it is not a card photo
MIN_WIDTH = 1600  # small scans are upscaled: tesseract wants ~300 dpi text
_CJK_CLASS = CJK_CHAR.pattern[1:-1]
_CJK_GAP = re.compile(f"(?<=[{_CJK_CLASS}])[ \u3000]+(?=[{_CJK_CLASS}])")
_ADDR_GAP = re.compile(
    f"(?<=[{_CJK_CLASS}])[ \u3000]+(?=[0-9\\-])|(?<=[0-9])[ \u3000]+(?=[{_CJK_CLASS}])"
)
_COMPANY = re.compile(
    r"株式会社|有限会社|合同会社|合資会社|合名会社|一般社団法人|一般財団法人|\((?:株|有)\)|㈱|㈲"
    r"|co\.?,?\s*ltd|inc\.|corporation|corp\.|k\.k\.|llc",
    re.IGNORECASE,
)
_LABEL_FAX = re.compile(r"fax|ファクス|ファックス|(?<![a-z])f(?![a-z])", re.IGNORECASE)
_LABEL_MOBILE = re.compile(r"携帯|mobile|mob|cell|(?<![a-z])m(?![a-z])", re.IGNORECASE)
_LABEL_TEL = re.compile(r"tel|電話|phone|(?<![a-z])t(?![a-z])", re.IGNORECASE)
_PREFECTURE = re.compile(r"(?:東京都|北海道|(?:京都|大阪)府|.{2,3}県)")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_NAME_CJK = re.compile(f"^[{_CJK_CLASS}]{{1,4}}(?: [{_CJK_CLASS}]{{1,4}})?$")
_NAME_LATIN = re.compile(r"^[A-Z][a-z]+ [A-Z][a-zA-Z]+$")


def ocr_card_image(
    data: bytes, filename: str, *, timeout: float = 60, lang: str | None = None
) -> CardParseResult:
    result = CardParseResult(lang=resolve(lang))
    if data[:5] == b"%PDF-" or filename.lower().endswith(".pdf"):
        data_or_none = _pdf_first_page(data, filename, result, timeout)
        if data_or_none is None:
            return result
        data = data_or_none
    img = _open_image(data, filename, result)
    if img is None:
        return result
    try:
        text = image_text(img, timeout)
    except OcrUnavailable as e:
        why = msg(str(e.args[0]), result.lang) if e.args else ""
        result.say(filename, "error", "ocr_unavailable", name=filename, reason=why)
        return result
    except RuntimeError as e:  # pytesseract raises RuntimeError on timeout
        if "timeout" in str(e).lower():
            result.say(
                filename, "error", "ocr_failed.timeout", name=filename, seconds=f"{timeout:g}"
            )
        else:
            result.say(filename, "error", "ocr_failed", name=filename, reason=e)
        return result
    contact = extract_contact(text, filename)
    if contact.is_empty():
        result.say(filename, "warning", "ocr_nothing_found", name=filename)
        return result
    result.contacts.append(contact)
    if contact.full_name:
        result.say(filename, "info", "ocr_needs_review", name=filename, who=contact.full_name)
    else:
        result.say(filename, "info", "ocr_needs_review.anonymous", name=filename)
    return result


def _open_image(data: bytes, filename: str, result: CardParseResult):
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        img = Image.open(io.BytesIO(data))
        w, h = img.size
        if w * h > MAX_PIXELS:
            result.say(
                filename,
                "error",
                "image_too_large",
                name=filename,
                width=w,
                height=h,
                limit=MAX_PIXELS // 1_000_000,
            )
            return None
        img.load()
    except (UnidentifiedImageError, Image.DecompressionBombError):
        result.say(filename, "error", "not_an_image.card", name=filename)
        return None
    except (OSError, ValueError, SyntaxError) as e:
        result.say(filename, "error", "broken_image", name=filename, reason=e)
        return None
    img = ImageOps.exif_transpose(img)
    img = img.convert("L")
    if img.width < MIN_WIDTH:
        scale = MIN_WIDTH / img.width
        img = img.resize((MIN_WIDTH, max(1, round(img.height * scale))), Image.Resampling.LANCZOS)
    return ImageOps.autocontrast(img)


def _pdf_first_page(
    data: bytes, filename: str, result: CardParseResult, timeout: float
) -> bytes | None:
    """A card scanned to PDF: its first page as a picture."""
    try:
        pages = pdf_page_images(data, 1, 1, timeout=timeout)
    except PdfUnreadable as e:
        result.say(
            filename, "info" if e.args[0] == "pdf_not_read" else "error", e.args[0], name=filename
        )
        return None
    except subprocess.TimeoutExpired:
        result.say(filename, "error", "broken_pdf", name=filename)
        return None
    if not pages:
        result.say(filename, "error", "broken_pdf", name=filename)
        return None
    return pages[0]


# --------------------------------------------------------------------------- text -> contact


def _despace(line: str) -> str:
    return _CJK_GAP.sub("", line)


def _address(line: str) -> str:
    """Addresses also lose OCR spaces between kanji and block numbers: '中区 1-2-3'."""
    return _ADDR_GAP.sub("", _despace(line)).strip()


def _name_text(line: str) -> str:
    """Keep one space between family and given name unless every token is a lone character."""
    tokens = line.split()
    if (
        len(tokens) == 2
        and all(len(t) >= 1 for t in tokens)
        and not all(len(t) == 1 for t in tokens)
    ):
        return " ".join(tokens)
    return "".join(tokens)


def ends_with_title(token: str) -> bool:
    """'課長', '営業部長', 'マネージャー': the word is, or ends with, a job title cards print
    (mail signatures are read with the same list: importers.mail.signature)."""
    return any(token.endswith(w) for w in TITLE_WORDS)


def extract_contact(text: str, filename: str) -> CardContact:
    c = CardContact(source_ref=filename, needs_review=True, raw={"ocr_text": text})
    lines = [clean(nfkc(ln)) for ln in text.splitlines()]
    lines = [ln for ln in lines if ln]
    used: set[int] = set()
    for i, line in enumerate(lines):
        compact = line.replace(" ", "")
        m = EMAIL_RE.search(compact)
        if m and not c.email:
            email = normalize_email(m.group(0))
            if email:
                c.email = email
                used.add(i)
                continue
        url = _URL.search(line)
        if url and not c.url:
            c.url = url.group(0)
            used.add(i)
            continue
        if _phones(line, c):
            used.add(i)
            rest = _LABEL_TEL.sub("", PHONE_CANDIDATE_RE.sub("", line))
            if not POSTAL_RE.search(rest):
                continue
        pm = POSTAL_RE.search(line) if ("〒" in line or line.startswith(("T", "〒"))) else None
        if pm and not c.postal_code:
            c.postal_code = f"{pm.group(1)}-{pm.group(2)}"
            rest = _address(line[pm.end() :])
            c.address = rest
            used.add(i)
            if not rest and i + 1 < len(lines):
                c.address = _address(lines[i + 1])
                used.add(i + 1)
            continue
    for i, line in enumerate(lines):
        if i in used:
            continue
        flat = _despace(line)
        display = company_display(flat) if not c.company else None
        if not c.company and (display or _COMPANY.search(flat)):
            c.company = display or flat
            used.add(i)
        elif not c.title and any(w in flat for w in TITLE_WORDS):
            c.title, c.department = split_title(flat)
            used.add(i)
        elif not c.address and _PREFECTURE.match(flat) and re.search(r"\d", flat):
            c.address = _address(line)
            used.add(i)
    for i, line in enumerate(lines):
        if i in used or c.full_name:
            continue
        candidate = _name_text(line)
        if (
            _NAME_CJK.match(candidate) and len(candidate.replace(" ", "")) >= 2
        ) or _NAME_LATIN.match(line):
            c.full_name, title = person_name(candidate)
            c.title = c.title or title
    return c


def _phones(line: str, c: CardContact) -> bool:
    """Assign the phone numbers on a line by their label (TEL / FAX / 携帯); True if any matched."""
    found = False
    for m in PHONE_CANDIDATE_RE.finditer(line):
        number = normalize_phone(m.group(0))
        if number is None:
            continue
        label = line[max(0, m.start() - 8) : m.start()]
        found = True
        if _LABEL_FAX.search(label):
            c.fax = c.fax or number
        elif _LABEL_MOBILE.search(label) or (not _LABEL_TEL.search(label) and is_mobile(number)):
            c.mobile = c.mobile or number
        else:
            c.phone = c.phone or number
    return found
