"""Writing workbooks people open in Excel: safe text, widths, print setup, atomic replace.

* Text is always a text cell: a rep's 「=SUM(A1)」, 「+81-52-…」, 「-1」 or 「@cmd」 is written as a
  string (data type 's') with Excel's quote prefix (the apostrophe), never as a formula.
* A workbook is written to a temporary file in the target's folder and then moved over the
  target (``os.replace``). When the target is open in Excel (Windows refuses the replace with
  PermissionError), the workbook is written beside it with a time stamp instead, and we say so.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

FORMULA_PREFIXES = ("=", "+", "-", "@")
MAX_CELL_CHARS = 32_767
HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")  # a column the lead types into
TITLE_FONT = Font(bold=True, size=14)
THIN = Side(style="thin", color="BFBFBF")
HEADER_BORDER = Border(bottom=THIN)
DATE_FORMAT = "yyyy/mm/dd"
YEN_FORMAT = '"¥"#,##0'
WIDTH_SAMPLE = 500  # rows looked at to size columns
PAPER_A4 = 9  # the SpreadsheetML paperSize code


@dataclass
class ExportResult:
    path_written: Path
    locked_fallback: bool = False
    message: str = ""
    rows: int = 0


def clean_text(value: str) -> str:
    value = ILLEGAL_CHARACTERS_RE.sub("", value)
    return value[:MAX_CELL_CHARS]


def text_cell(ws, value: str, **style) -> WriteOnlyCell:
    """A text cell that Excel and LibreOffice never evaluate."""
    cell = WriteOnlyCell(ws, value=clean_text(value))
    cell.data_type = "s"  # openpyxl would make '=…' a formula
    if value.startswith(FORMULA_PREFIXES):
        cell.quotePrefix = True  # and Excel keeps it text when the cell is edited
    for k, v in style.items():
        setattr(cell, k, v)
    return cell


def value_cell(ws, value: Any, number_format: str | None = None, **style):
    """A cell for any value: text stays text, dates get a date format."""
    if isinstance(value, str):
        if value.startswith(FORMULA_PREFIXES) or ILLEGAL_CHARACTERS_RE.search(value) or style:
            return text_cell(ws, value, **style)
        return value[:MAX_CELL_CHARS]
    if number_format or style:
        cell = WriteOnlyCell(ws, value=value)
        if number_format:
            cell.number_format = number_format
        for k, v in style.items():
            setattr(cell, k, v)
        return cell
    return value


def iso_date(value: str | None) -> dt.date | str | None:
    """An ISO date string -> date (Excel shows and sorts it as a date); anything else as is."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return value


def date_cell(ws, value: str | None):
    d = iso_date(value)
    if isinstance(d, dt.date):
        return value_cell(ws, d, DATE_FORMAT)
    return value_cell(ws, d)


def display_width(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, dt.date):
        return 10
    if isinstance(value, int | float):
        return len(f"{value:,}") + 1
    text = str(value)
    first = text.split("\n", 1)[0]
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in first[:200])


def column_widths(
    headers: Sequence[str], rows: Iterable[Sequence[Any]], caps: dict[int, int] | None = None
) -> list[float]:
    widths = [display_width(h) + 4 for h in headers]  # room for the filter button
    for i, row in enumerate(rows):
        if i >= WIDTH_SAMPLE:
            break
        for c, v in enumerate(row):
            if c < len(widths):
                widths[c] = max(widths[c], display_width(v) + 2)
    caps = caps or {}
    return [min(w, caps.get(c, 40)) for c, w in enumerate(widths)]


def setup_table_sheet(
    ws,
    headers: Sequence[str],
    widths: Sequence[float],
    n_rows: int,
    *,
    hidden: Iterable[int] = (),
    input_columns: Iterable[int] = (),
) -> None:
    """Before any row is written: widths, hidden columns, frozen header, filter, print setup;
    then the header row itself."""
    hidden = set(hidden)
    for c, w in enumerate(widths, start=1):
        dim = ws.column_dimensions[get_column_letter(c)]
        dim.width = w
        if c - 1 in hidden:
            dim.hidden = True
    ws.freeze_panes = "A2"
    last = get_column_letter(len(headers))
    ws.auto_filter.ref = f"A1:{last}{max(n_rows + 1, 2)}"
    print_setup(ws, title_rows="1:1")
    inputs = set(input_columns)
    ws.append(
        [
            text_cell(
                ws,
                h,
                font=Font(bold=True, color="000000") if c in inputs else HEADER_FONT,
                fill=INPUT_FILL if c in inputs else HEADER_FILL,
                border=HEADER_BORDER,
                alignment=Alignment(vertical="center"),
            )
            for c, h in enumerate(headers)
        ]
    )


def print_setup(ws, *, title_rows: str | None = None) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = PAPER_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.gridLines = False
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5
    if title_rows:
        ws.print_title_rows = title_rows


def save_atomic(wb, out_path: Path | str, *, now: dt.datetime | None = None) -> ExportResult:
    """Save to a temporary file beside the target, then replace the target; when the target is
    locked (open in Excel), keep it and write a time-stamped file beside it instead."""
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.stem}.{secrets.token_hex(4)}.tmp")
    try:
        wb.save(tmp)
        try:
            os.replace(tmp, out)
            return ExportResult(out, False, f"{out} に書き出しました。")
        except PermissionError:
            stamped = stamped_path(out, now)
            os.replace(tmp, stamped)
            return ExportResult(
                stamped,
                True,
                f"{out.name} は開かれているため(ロック中)、{stamped.name} に書き出しました。"
                f" / {out.name} is open (locked); wrote {stamped} instead.",
            )
    finally:
        if tmp.exists():
            try:
                tmp.unlink()
            except OSError:
                pass


def stamped_path(out: Path, now: dt.datetime | None = None) -> Path:
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M")
    candidate = out.with_name(f"{out.stem}_{stamp}{out.suffix}")
    n = 2
    while candidate.exists():
        candidate = out.with_name(f"{out.stem}_{stamp}-{n}{out.suffix}")
        n += 1
    return candidate
