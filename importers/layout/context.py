"""Where a year-less date such as 4/2 gets its year: the sheet name, the file name, the fiscal
year (年度 starts in April, so in 「2024年度」 the sheets 1月–3月 are 2025), else the file's date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from importers.normalize.dates import (
    fiscal_year_from_name,
    month_day_from_sheet_name,
    month_from_sheet_name,
    year_from_name,
)


@dataclass(frozen=True)
class YearContext:
    default_year: int | None
    fiscal_year: int | None
    sheet_month: int | None
    sheet_day: tuple[int, int] | None
    guessed_from: dt.date | None  # the file's date, used only when nothing names a year

    def year_for_month(self, month: int) -> int | None:
        if self.default_year:
            return self.default_year
        if self.fiscal_year:
            return self.fiscal_year + 1 if month <= 3 else self.fiscal_year
        if self.guessed_from:
            # A report is written after the visit: a month later than the file's own date
            # belongs to the previous year (a January file holding December's sheet).
            year = self.guessed_from.year
            return year - 1 if month > self.guessed_from.month + 1 else year
        return None

    def parse_kwargs(self) -> dict:
        """Keyword arguments for parse_date: a sheet month pins the year under fiscal years."""
        if self.default_year:
            return {"default_year": self.default_year}
        if self.fiscal_year:
            return {"fiscal_year": self.fiscal_year}
        if self.guessed_from:
            return {"default_year": self.guessed_from.year}
        return {}


def year_context(sheet_name: str, file_name: str, file_date: dt.date | None) -> YearContext:
    sheet_year = year_from_name(sheet_name)
    fiscal = fiscal_year_from_name(sheet_name) or fiscal_year_from_name(file_name)
    file_year = None if fiscal else year_from_name(file_name)
    default = sheet_year if sheet_year and not fiscal_year_from_name(sheet_name) else None
    default = default or file_year
    month_day = month_day_from_sheet_name(sheet_name)
    month = month_from_sheet_name(sheet_name) or (month_day[0] if month_day else None)
    if default is None and fiscal and month:
        default = fiscal + 1 if month <= 3 else fiscal
    return YearContext(
        default_year=default,
        fiscal_year=fiscal,
        sheet_month=month,
        sheet_day=month_day,
        guessed_from=None if (default or fiscal) else file_date,
    )
