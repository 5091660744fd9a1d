"""A sheet as plain Python: rows of cell values, merged ranges, and cells we must flag."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Sheet:
    name: str
    rows: list[list[Any]]
    # ((first_row, first_col), (last_row, last_col)), 0-based inclusive, as calamine gives them
    merged: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)
    # cells holding a formula Excel never calculated: their value is unknown, not empty
    uncached_formulas: set[tuple[int, int]] = field(default_factory=set)
    truncated_at: int | None = None  # rows after this were blank padding and were not read

    def cell(self, row: int, col: int) -> Any:
        if 0 <= row < len(self.rows):
            r = self.rows[row]
            if 0 <= col < len(r):
                return r[col]
        return None


def column_letter(col: int) -> str:
    """0 -> 'A', 27 -> 'AB'."""
    letters = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def cell_ref(sheet: str, row: int, col: int) -> str:
    """'4月!B7' from 0-based row and column."""
    return f"{sheet}!{column_letter(col)}{row + 1}"


def column_index(letters: str) -> int:
    """'A' -> 0, 'AB' -> 27."""
    n = 0
    for ch in letters.upper():
        n = n * 26 + (ord(ch) - 64)
    return n - 1
