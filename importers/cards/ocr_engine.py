"""The OCR engine every importer shares: tesseract (Japanese + English) on a picture, and
poppler's pdftoppm to turn PDF pages into pictures for it.

Cards read their images with it (importers.cards.ocr), memo photos and scanned PDFs with the
same functions (importers.photos.memo_text), so where tesseract is found, which languages it
needs and how a timeout is told stay the same everywhere.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class OcrUnavailable(Exception):
    """OCR cannot run on this machine; args[0] is the reason's message key (ocr_unavailable.*)."""


class PdfUnreadable(Exception):
    """pdftoppm is missing (args[0] 'pdf_not_read'), the PDF needs a password to open (args[0]
    'pdf_password') or pdftoppm refused it otherwise (args[0] 'broken_pdf')."""


# What poppler's tools print (in English, whatever the locale) for a PDF whose user password
# is not empty. A PDF with only an owner password (no printing, no copying) opens without one,
# and poppler reads it: that is not a problem.
_NEEDS_PASSWORD = b"Incorrect password"


def tesseract_command() -> str | None:
    """Where tesseract is: $GENBA_TESSERACT, else PATH, else where its Windows installers put it
    (IT rarely adds it to PATH on reps' laptops)."""
    env = os.environ.get("GENBA_TESSERACT")
    if env:
        return env
    found = shutil.which("tesseract")
    if found:
        return found
    for base in (os.environ.get("PROGRAMFILES"), os.environ.get("LOCALAPPDATA")):
        if base:
            for sub in ("Tesseract-OCR", os.path.join("Programs", "Tesseract-OCR")):
                candidate = os.path.join(base, sub, "tesseract.exe")
                if os.path.isfile(candidate):
                    return candidate
    return None


def image_text(img, timeout: float) -> str:
    """The text tesseract reads on the PIL image ``img`` (jpn+eng).

    Raises OcrUnavailable when tesseract or its Japanese data is missing, and RuntimeError
    (pytesseract's) when it ran longer than ``timeout`` seconds."""
    try:
        import pytesseract
    except ImportError as e:  # pragma: no cover - a declared dependency
        raise OcrUnavailable("ocr_unavailable.no_pytesseract") from e
    cmd = tesseract_command()
    if cmd:
        pytesseract.pytesseract.tesseract_cmd = cmd
    try:
        langs = pytesseract.get_languages(config="")
    except pytesseract.TesseractNotFoundError as e:
        raise OcrUnavailable("ocr_unavailable.no_tesseract") from e
    if "jpn" not in langs:
        raise OcrUnavailable("ocr_unavailable.no_jpn")
    lang = "jpn+eng" if "eng" in langs else "jpn"
    return pytesseract.image_to_string(img, lang=lang, timeout=timeout)


def pdf_page_images(
    data: bytes, first: int, last: int, *, timeout: float, dpi: int = 300
) -> list[bytes]:
    """Pages ``first``..``last`` (1-based, inclusive) of a PDF as PNG bytes, in page order.

    Raises PdfUnreadable when pdftoppm is not installed, the file needs a password to open or
    it cannot be read otherwise, and
    subprocess.TimeoutExpired when rendering takes longer than ``timeout`` seconds."""
    exe = shutil.which("pdftoppm")
    if exe is None:
        raise PdfUnreadable("pdf_not_read")
    with pdf_on_disk(data) as src:
        tmp = src.parent
        args = [exe, "-f", str(first), "-l", str(last), "-r", str(dpi), "-png"]
        try:
            subprocess.run(
                [*args, str(src), str(tmp / "page")],
                check=True,
                capture_output=True,
                timeout=timeout,
            )
        except subprocess.TimeoutExpired:
            raise  # the caller says how long it waited
        except subprocess.CalledProcessError as e:
            if _NEEDS_PASSWORD in (e.stderr or b""):
                raise PdfUnreadable("pdf_password") from e
            raise PdfUnreadable("broken_pdf") from e
        except (subprocess.SubprocessError, OSError) as e:
            raise PdfUnreadable("broken_pdf") from e
        # page-1.png, page-01.png ...: pdftoppm pads the number to the page count's width
        pages = sorted(tmp.glob("page*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
        return [p.read_bytes() for p in pages]


def pdf_page_count(data: bytes, *, timeout: float = 30) -> int | None:
    """How many pages a PDF has (poppler's pdfinfo), or None when it cannot tell."""
    out = poppler_output("pdfinfo", [], data, timeout=timeout)
    if out is None:
        return None
    for line in out.splitlines():
        if line.startswith("Pages:"):
            try:
                return int(line.split(":", 1)[1])
            except ValueError:
                return None
    return None


@contextmanager
def pdf_on_disk(data: bytes) -> Iterator[Path]:
    """The PDF's bytes as a file in a private temporary folder (poppler's tools read files)."""
    with tempfile.TemporaryDirectory(prefix="genba-pdf-") as tmp:
        src = Path(tmp) / "in.pdf"
        src.write_bytes(data)
        yield src


def poppler_output(
    tool: str, args: list[str], data: bytes, *, timeout: float, after: tuple[str, ...] = ()
) -> str | None:
    """What poppler's ``tool`` prints for the PDF (``args`` before the file name, ``after``
    it); None when the tool is missing, fails or runs out of time."""
    exe = shutil.which(tool)
    if exe is None:
        return None
    with pdf_on_disk(data) as src:
        try:
            done = subprocess.run(
                [exe, *args, str(src), *after], check=True, capture_output=True, timeout=timeout
            )
        except (subprocess.SubprocessError, OSError):
            return None
    return done.stdout.decode("utf-8", "replace")
