"""Turn the bytes of a workbook or CSV into Sheets, turning every library failure into words."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from importers.issues import ImportFailed
from importers.workbook.formulas import uncached_formula_cells
from importers.workbook.sheet import Sheet
from importers.workbook.sniff import sniff_format
from importers.workbook.zipguard import check_zip

# A used range can claim a million rows because of one formatted cell far below the data; we stop
# reading after this many blank rows in a row instead of materialising the padding.
BLANK_RUN_LIMIT = 5_000


def load_sheets(data: bytes, filename: str) -> tuple[str, list[Sheet]]:
    """Return (format, sheets) or raise ImportFailed with a message for the rep."""
    fmt = sniff_format(data, Path(filename).suffix)
    if fmt == "csv":
        return fmt, [_load_csv(data, Path(filename).stem)]
    if fmt in ("xlsx", "ods"):
        try:
            check_zip(data)
        except ImportFailed:
            raise
        except Exception:
            raise ImportFailed(
                "truncated",
                "The workbook is damaged or incomplete. Open it in Excel and save it again.",
            ) from None
    return fmt, _load_calamine(data, fmt)


def _load_calamine(data: bytes, fmt: str) -> list[Sheet]:
    from python_calamine import CalamineWorkbook, PasswordError

    try:
        wb = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except PasswordError:
        raise ImportFailed(
            "encrypted",
            "The workbook is password-protected, so Genba cannot read it. Remove the password "
            "or save an unprotected copy in the watched folder.",
        ) from None
    except Exception as exc:
        raise ImportFailed(
            "unreadable",
            f"The workbook cannot be read ({_short(exc)}). Open it in Excel and save it again.",
        ) from None
    uncached = uncached_formula_cells(data) if fmt == "xlsx" else {}
    sheets = []
    for name in wb.sheet_names:
        try:
            cs = wb.get_sheet_by_name(name)
            rows, truncated = _rows(cs)
            merged = list(cs.merged_cell_ranges or [])
        except Exception as exc:
            msg = _short(exc)
            if "entity" in msg.lower() or "doctype" in msg.lower():
                raise ImportFailed(
                    "xml_entities",
                    f"Sheet {name} contains XML entity declarations, which Excel never writes; "
                    "Genba refuses it as unsafe. Open the workbook in Excel and save a fresh copy.",
                ) from None
            raise ImportFailed(
                "unreadable",
                f"Sheet {name} cannot be read ({msg}). Open the workbook in Excel and save it again.",
                location=name,
            ) from None
        sheets.append(Sheet(name, rows, merged, uncached.get(name, set()), truncated_at=truncated))
    return sheets


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


def _load_csv(data: bytes, name: str) -> Sheet:
    text = decode_text(data)
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    return Sheet(name, [list(r) for r in csv.reader(io.StringIO(text), dialect)])


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), else cp932 as Japanese Excel writes it."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp932")
    except UnicodeDecodeError:
        raise ImportFailed(
            "encoding",
            "The CSV file is neither UTF-8 nor Shift_JIS (cp932). Save it from Excel as "
            "'CSV UTF-8 (コンマ区切り)'.",
        ) from None


def _short(exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:200]
