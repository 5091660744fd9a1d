"""The text of a memo saved as PDF: its text layer when it has one (a PDF printed from a
program), else its pages read with tesseract (a scan from a copier or a phone's scanner app).

Scans are read page by page within limits, so a 200-page scan never holds up the import: at most
``MAX_PAGES`` pages and ``timeout`` seconds in all. What is beyond a limit is said (which pages
were read), the PDF itself is always kept, and the text read so far is stored.
"""

from __future__ import annotations

import io
import subprocess
import time

from importers.cards.ocr_engine import (
    OcrUnavailable,
    PdfUnreadable,
    image_text,
    pdf_page_count,
    pdf_page_images,
    poppler_output,
)
from importers.issues import Issue
from importers.messages import issue, msg

MAX_PAGES = 10  # a memo or a meeting's handout; a longer scan is a document, read in part
DPI = 300  # tesseract reads Japanese print best at about 300 dpi


def text_layer(data: bytes, *, pages: int, timeout: float) -> str | None:
    """The text poppler's pdftotext finds in the first ``pages`` pages (None: it cannot run)."""
    args = ["-l", str(pages), "-enc", "UTF-8", "-layout"]
    return poppler_output("pdftotext", args, data, timeout=timeout, after=("-",))  # to stdout


def scanned_pages(
    data: bytes, filename: str, *, prepare, timeout: float, lang, max_pages: int = MAX_PAGES
) -> tuple[list[str], Issue | None, bool]:
    """The tesseract text of each page read (in order), the problem to tell, and whether to try
    again next time (OCR missing on this machine). ``prepare`` turns a page into the picture
    tesseract gets (memo_text's scaling and contrast)."""
    from PIL import Image

    total = pdf_page_count(data) or 1  # pdfinfo reads only the page tree: not timed
    deadline = time.monotonic() + timeout
    texts: list[str] = []
    for page in range(1, min(total, max_pages) + 1):
        left = deadline - time.monotonic()
        if left <= 0:
            return texts, _timeout(filename, len(texts), total, timeout, lang), False
        try:
            (png,) = pdf_page_images(data, page, page, timeout=left, dpi=DPI) or [b""]
            img = prepare(Image.open(io.BytesIO(png)))
            texts.append(image_text(img, max(1.0, deadline - time.monotonic())))
        except PdfUnreadable as e:
            if e.args[0] == "pdf_not_read":  # poppler missing: read once it is installed
                why = msg("memo_text.no_poppler", lang)
                said = issue(
                    "warning", "memo_text_unavailable", lang, filename, name=filename, reason=why
                )
                return texts, said, True
            # a password the rep has to take off: not tried again until the file is saved anew
            key = (
                "memo_text_pdf_password"
                if e.args[0] == "pdf_password"
                else "memo_text_pdf_unreadable"
            )
            said = issue("warning", key, lang, filename, name=filename)
            return texts, said, False
        except OcrUnavailable as e:
            why = msg(str(e.args[0]), lang) if e.args else ""
            said = issue(
                "warning", "memo_text_unavailable", lang, filename, name=filename, reason=why
            )
            return texts, said, True
        except (subprocess.TimeoutExpired, RuntimeError) as e:  # pytesseract: RuntimeError
            if isinstance(e, RuntimeError) and "timeout" not in str(e).lower():
                said = issue("warning", "memo_text_failed", lang, filename, name=filename, reason=e)
                return texts, said, True
            return texts, _timeout(filename, len(texts), total, timeout, lang), False
        except (OSError, ValueError):  # a page poppler wrote but Pillow cannot open
            said = issue("warning", "memo_text_pdf_unreadable", lang, filename, name=filename)
            return texts, said, False
    if total > max_pages:
        said = issue(
            "info",
            "memo_text_pdf_pages",
            lang,
            filename,
            name=filename,
            pages=total,
            read=max_pages,
        )
        return texts, said, False
    return texts, None, False


def _timeout(filename: str, read: int, total: int, seconds: float, lang) -> Issue:
    return issue(
        "warning",
        "memo_text_pdf_timeout",
        lang,
        filename,
        name=filename,
        read=read,
        pages=total,
        seconds=f"{seconds:g}",
    )
