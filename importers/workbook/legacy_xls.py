"""Old .xls files calamine cannot open: Excel 2.1–4.0 (BIFF2/3/4, a bare record stream with no
OLE container) and .xls quirks, read with xlrd, which knows every BIFF version. xlrd also tells an
encrypted .xls (a FILEPASS record) from a damaged one, which calamine reading from memory does not.
"""

from __future__ import annotations

import io

from importers.messages import fail
from importers.workbook.sheet import Sheet

# A bare BIFF stream starts with a BOF record: 0x0009 (BIFF2), 0x0209 (BIFF3), 0x0409 (BIFF4).
BIFF_BOF = (b"\x09\x00", b"\x09\x02", b"\x09\x04")


def is_bare_biff(data: bytes) -> bool:
    return len(data) >= 8 and data[:2] in BIFF_BOF and data[2:4] in (b"\x04\x00", b"\x06\x00")


def load_with_xlrd(data: bytes, lang: str | None) -> list[Sheet]:
    """Every sheet as plain values (dates as datetimes); ImportFailed in the rep's words."""
    import xlrd

    try:
        book = xlrd.open_workbook(file_contents=data, logfile=io.StringIO(), on_demand=False)
    except xlrd.XLRDError as exc:
        if "encrypt" in str(exc).lower():
            raise fail("encrypted", lang) from None
        raise fail("unreadable.workbook", lang, reason=str(exc)[:200]) from None
    except Exception as exc:  # xlrd raises assorted errors on damaged streams
        raise fail("unreadable.workbook", lang, reason=type(exc).__name__) from None
    sheets = []
    for sh in book.sheets():
        rows = []
        for r in range(sh.nrows):
            rows.append([_value(sh.cell(r, c), book.datemode) for c in range(sh.ncols)])
        merged = [((r0, c0), (r1 - 1, c1 - 1)) for r0, r1, c0, c1 in sh.merged_cells]
        sheets.append(Sheet(sh.name, rows, merged))
    return sheets


def _value(cell, datemode: int):
    import xlrd

    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            return xlrd.xldate_as_datetime(cell.value, datemode)
        except (xlrd.xldate.XLDateError, ValueError, OverflowError):
            return cell.value
    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
        return ""
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return bool(cell.value)
    if cell.ctype == xlrd.XL_CELL_NUMBER and float(cell.value).is_integer():
        return int(cell.value)
    return cell.value
