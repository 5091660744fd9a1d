"""Form layout: a sheet per day, label cells (日付, 氏名, 訪問先 …) with the value to the right or
below, visit blocks repeated down the sheet, a 所感 box at the end."""

from __future__ import annotations

from dataclasses import dataclass

from importers.layout.context import YearContext
from importers.layout.evidence import TITLE
from importers.layout.form_blocks import (
    EXTRA,
    FormRead,
    cell_of,
    keep_written_blocks,
    stray_customer,
)
from importers.layout.headings import parse_heading
from importers.layout.synonyms import Synonyms
from importers.normalize.text import clean_cell
from importers.records import RawVisit
from importers.workbook.sheet import Sheet, cell_ref

SCAN_ROWS = 300
SCAN_COLS = 30
VALUE_REACH = 8  # how far right of a label its value may stand
SHEET_FIELDS = {"occurred_on", "rep"}


@dataclass(frozen=True)
class Label:
    row: int
    col: int
    field: str


def find_labels(sheet: Sheet, synonyms: Synonyms, *, unknown: bool = False) -> list[Label]:
    """The label cells Genba knows; with ``unknown``, also cells written as labels (■競合,
    【同行者】, 「備品：」) that name no field — their values are kept as extra fields."""
    labels = []
    for r, row in enumerate(sheet.rows[:SCAN_ROWS]):
        for c, value in enumerate(row[:SCAN_COLS]):
            field = synonyms.field_of(value)
            if field:
                labels.append(Label(r, c, field))
            elif unknown and _looks_like_label(value) and not _is_value_of(labels, r, c):
                labels.append(Label(r, c, EXTRA))
    return labels


def _is_value_of(labels: list[Label], r: int, c: int) -> bool:
    """A decorated cell just right of a known label is that label's value (【至急】見積依頼)."""
    return any(lb.row == r and lb.field != EXTRA and 0 < c - lb.col <= VALUE_REACH for lb in labels)


def _looks_like_label(value) -> bool:
    if not isinstance(value, str) or not 2 <= len(value.strip()) <= 16:
        return False
    heading = parse_heading(value)
    return heading.decorated and bool(heading.key) and not any(ch.isdigit() for ch in heading.key)


def looks_like_form(labels: list[Label]) -> bool:
    fields = {lb.field for lb in labels} - {EXTRA}
    return "company" in fields and len(fields) >= 2


def form_visits(sheet: Sheet, labels: list[Label], context: YearContext) -> FormRead:
    at = {(lb.row, lb.col) for lb in labels}
    merged_end = {(r0, c0): c1 for (r0, c0), (_r1, c1) in sheet.merged}
    sheet_cells: dict[str, tuple] = {}
    blocks: list[dict[str, tuple]] = []
    pending: dict[str, tuple] = {}  # visit labels written above the first 訪問先
    label_of: dict[str, str] = {}  # a value's cell -> its label as written
    for lb in labels:
        found = _value_of(sheet, lb, at, merged_end)
        if found:
            label_of[found[1]] = clean_cell(sheet.cell(lb.row, lb.col))
        if lb.field == EXTRA:
            if found:
                target = blocks[-1] if blocks else pending
                extra = (clean_cell(sheet.cell(lb.row, lb.col)), found[0], cell_of(found[1]))
                target.setdefault(EXTRA, []).append(extra)
            continue
        if lb.field == "rep" and found and TITLE.search(clean_cell(found[0])):
            # 担当者: 青木課長 — a title or 様 means the customer's person, not our rep
            lb = Label(lb.row, lb.col, "contact")
        if lb.field in SHEET_FIELDS:
            if found and lb.field not in sheet_cells:
                sheet_cells[lb.field] = found
            continue
        if lb.field == "company":
            blocks.append({**pending})
            pending = {}
        target = blocks[-1] if blocks else pending
        if found and lb.field not in target:
            target[lb.field] = found
        elif found and lb.field in ("summary", "insight"):
            # A second 内容 line in the same block continues the first.
            value, ref = target[lb.field]
            target[lb.field] = (f"{value}\n{found[0]}", ref)
    kept, stray, waiting = keep_written_blocks(blocks, label_of)
    kept_on = None if waiting or not stray else stray_customer(kept, stray)
    visits = []
    for block in kept:
        extras = tuple(block.pop(EXTRA, ()))
        cells = {**sheet_cells, **block}
        if "occurred_on" not in cells and context.sheet_day:
            month, day = context.sheet_day
            cells["occurred_on"] = (f"{month}月{day}日", f"{sheet.name}(シート名)")
        ref = (cells.get("company") or next(iter(block.values())))[1]
        visits.append(
            RawVisit(sheet=sheet.name, ref=ref, cells=cells, context=context, extras=extras)
        )
    cells = [(label, value, f"{sheet.name}!{col}") for label, value, col in stray]
    return FormRead(visits, cells, kept_on)


def _value_of(sheet: Sheet, lb: Label, labels_at: set, merged_end: dict) -> tuple | None:
    """The label's value: the next filled cell to its right, else the cell below it."""
    start = merged_end.get((lb.row, lb.col), lb.col) + 1
    for c in range(start, start + VALUE_REACH):
        if (lb.row, c) in labels_at:
            break
        value = sheet.cell(lb.row, c)
        if value not in ("", None):
            return value, cell_ref(sheet.name, lb.row, c)
    below = sheet.cell(lb.row + 1, lb.col)
    if (lb.row + 1, lb.col) not in labels_at and below not in ("", None):
        return below, cell_ref(sheet.name, lb.row + 1, lb.col)
    return None
