"""Turn the bytes of a workbook or CSV into Sheets, turning every library failure into words."""

from __future__ import annotations

import csv
import io
import logging
import re
from collections.abc import Iterator
from pathlib import Path

from importers.issues import ImportFailed
from importers.messages import fail
from importers.workbook.formulas import uncached_formula_cells
from importers.workbook.legacy_xls import load_with_xlrd
from importers.workbook.sheet import Sheet
from importers.workbook.sniff import sniff_format
from importers.workbook.zipguard import check_zip

log = logging.getLogger(__name__)

# A used range can claim a million rows because of one formatted cell far below the data; we stop
# reading after this many blank rows in a row instead of materialising the padding.
BLANK_RUN_LIMIT = 5_000


def load_sheets(
    data: bytes, filename: str, *, lang: str | None = None, lazy: bool = False
) -> tuple[str, list[Sheet] | Iterator[Sheet]]:
    """Return (format, sheets) or raise ImportFailed with a message for the rep.

    ``lazy`` yields one sheet at a time (a sheet that cannot be read raises while iterating), so
    an import holds one sheet's cells in memory, not the whole workbook's."""
    fmt = sniff_format(data, Path(filename).suffix, lang=lang)
    if fmt == "csv":
        return fmt, [_load_csv(data, Path(filename).stem, lang)]
    if fmt == "biff":  # Excel 2.1–4.0: calamine does not read these
        return "xls", load_with_xlrd(data, lang)
    if fmt in ("xlsx", "ods"):
        try:
            check_zip(data, lang=lang)
        except ImportFailed:
            raise
        except Exception:
            raise fail("truncated", lang) from None
    sheets = _load_calamine(data, fmt, lang)
    return fmt, sheets if lazy else list(sheets)


def _load_calamine(data: bytes, fmt: str, lang: str | None = None) -> Iterator[Sheet]:
    from python_calamine import CalamineWorkbook, PasswordError

    try:
        wb = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except PasswordError:
        raise fail("encrypted", lang) from None
    except Exception as exc:
        if fmt == "xls":  # an encrypted or unusual .xls: xlrd tells which, or reads it
            yield from load_with_xlrd(data, lang)
            return
        if fmt == "ods" and _ods_claims_too_many_cells(data):
            raise fail("unreadable.too_many_cells", lang) from None
        raise _unreadable(exc, lang) from None
    uncached = uncached_formula_cells(data) if fmt == "xlsx" else {}
    for name in wb.sheet_names:
        try:
            cs = wb.get_sheet_by_name(name)
            rows, truncated = _rows(cs)
            merged = list(cs.merged_cell_ranges or [])
        except Exception as exc:
            msg = _short(exc)
            if "entity" in msg.lower() or "doctype" in msg.lower():
                raise fail("xml_entities.sheet", lang, sheet=name) from None
            if "limit" in msg.lower():
                raise fail("unreadable.too_many_cells", lang, location=name, sheet=name) from None
            raise fail("unreadable.sheet", lang, location=name, sheet=name, reason=msg) from None
        yield Sheet(name, rows, merged, uncached.get(name, set()), truncated_at=truncated)


def _rows(cs) -> tuple[list[list], int | None]:
    if cs.height <= BLANK_RUN_LIMIT * 4:
        return cs.to_python(skip_empty_area=False), None
    rows: list[list] = []
    blank_run = 0
    for row in cs.iter_rows():
        if any(v != "" for v in row):
            blank_run = 0
        else:
            blank_run += 1
            if blank_run >= BLANK_RUN_LIMIT:
                del rows[len(rows) - blank_run + 1 :]
                return rows, len(rows)
        rows.append(row)
    return rows, None


def _load_csv(data: bytes, name: str, lang: str | None = None) -> Sheet:
    text = decode_text(data, lang=lang)
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    # newline="": CR-only (Excel for Mac), LF and CRLF line ends all end a row, and a line end
    # inside quotes stays part of its cell.
    try:
        return Sheet(name, [list(r) for r in csv.reader(io.StringIO(text, newline=""), dialect)])
    except csv.Error:
        raise fail("unreadable.csv", lang) from None


def decode_text(data: bytes, *, lang: str | None = None) -> str:
    """UTF-8 (with or without BOM), UTF-16 (Excel's 「Unicode テキスト」), else cp932 as
    Japanese Excel writes it."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    utf16 = _utf16(data)
    if utf16:
        return data.decode(utf16, errors="replace").lstrip("\ufeff")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp932")
    except UnicodeDecodeError:
        raise fail("encoding", lang) from None


def _utf16(data: bytes) -> str | None:
    """'utf-16' with a BOM, 'utf-16-le'/'utf-16-be' when every other byte of text is NUL."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    head = data[:2048]
    if len(head) >= 4 and len(head) % 2 == 0:
        even, odd = head[0::2], head[1::2]
        if odd.count(0) > 0.4 * len(odd) and even.count(0) == 0:
            return "utf-16-le"
        if even.count(0) > 0.4 * len(even) and odd.count(0) == 0:
            return "utf-16-be"
    return None


_REPEATED = re.compile(rb'number-(?:rows|columns)-repeated="(\d{6,})"')


def _ods_claims_too_many_cells(data: bytes) -> bool:
    """An .ods whose rows or columns repeat millions of times (calamine then only says it cannot
    detect the format)."""
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)).open("content.xml") as fh:
            head = fh.read(4 * 1024 * 1024)
    except (KeyError, zipfile.BadZipFile, OSError):
        return False
    return any(int(n) > 1_000_000 for n in _REPEATED.findall(head))


def _unreadable(exc: Exception, lang: str | None):
    """calamine's English error, as the rep's words (the library's text only in English)."""
    text = _short(exc)
    log.info("calamine could not read a workbook: %s", text)
    if "limit" in text.lower():
        return fail("unreadable.too_many_cells", lang, sheet="?")
    return fail("unreadable.workbook", lang, reason=text)


def _short(exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:200]
