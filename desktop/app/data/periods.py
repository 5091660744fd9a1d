"""The quick date ranges of the Activities filter, by the Japanese fiscal year (April start)."""

from __future__ import annotations

import datetime as dt

# In the order the filter offers them; "all" and "custom" have no range of their own.
PERIODS = ("all", "month", "last_month", "fy", "last_fy", "30", "90", "custom")
FISCAL_START_MONTH = 4


def fiscal_year_start(day: dt.date) -> dt.date:
    year = day.year if day.month >= FISCAL_START_MONTH else day.year - 1
    return dt.date(year, FISCAL_START_MONTH, 1)


def period_range(key: str, today: dt.date) -> tuple[dt.date | None, dt.date | None]:
    """(since, until), both included; None where the range is open."""
    if key == "month":
        return today.replace(day=1), today
    if key == "last_month":
        end = today.replace(day=1) - dt.timedelta(days=1)
        return end.replace(day=1), end
    if key == "fy":  # 今期: this fiscal year so far
        return fiscal_year_start(today), today
    if key == "last_fy":  # 昨年度: the whole previous fiscal year
        start = fiscal_year_start(today)
        return start.replace(year=start.year - 1), start - dt.timedelta(days=1)
    if key in ("30", "90"):
        return today - dt.timedelta(days=int(key)), today
    return None, None


def parse_typed_date(text: str, today: dt.date) -> dt.date | None:
    """A date as a rep types it (2025/06/01, 2025-06-01, 2025年6月1日, R7.6.1, 6/1 for this
    year); None for blank. Raises importers' DateParseError with the reason otherwise."""
    from importers.normalize.dates import parse_date

    text = text.strip()
    return parse_date(text, default_year=today.year) if text else None
