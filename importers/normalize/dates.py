"""Dates from daily-report cells, file names and sheet names (Gregorian, 和暦, Excel serials)."""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from functools import lru_cache

from importers.normalize.text import nfkc


class DateParseError(ValueError):
    """A cell that should hold a date does not; the message says why in plain words."""


_MIN_DATE = dt.date(1900, 1, 1)
_MAX_DATE = dt.date(2200, 12, 31)
_MIN_YEAR = 1800  # typed years outside this window are typos, not history
_MAX_YEAR = 2200

# era -> (offset so that offset + era year = Gregorian year, first day of the era)
_ERAS: dict[str, tuple[int, dt.date]] = {
    "明治": (1867, dt.date(1868, 1, 25)),
    "大正": (1911, dt.date(1912, 7, 30)),
    "昭和": (1925, dt.date(1926, 12, 25)),
    "平成": (1988, dt.date(1989, 1, 8)),
    "令和": (2018, dt.date(2019, 5, 1)),
}
_ERA_LETTERS = {"M": "明治", "T": "大正", "S": "昭和", "H": "平成", "R": "令和"}
# The one-character era signs (㋿ ㍻ ㍼ ㍽ ㍾) need no table of their own: NFKC expands them to
# 令和/平成/..., and Unicode guarantees NFKC mappings never change.
_DAYS_IN_MONTH = (0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

_ERA = r"(?P<era>明治|大正|昭和|平成|令和|[MTSHRmtshr])\.?\s*(?P<y>元|\d{1,2})"
# Each entry: (kind, core pattern). Order matters: full dates before year-less ones, and the
# common yyyy/m/d form first because it is what most cells hold.
_CORES: list[tuple[str, str]] = [
    ("ymd", r"(?P<y>\d{4})\s*(?P<s>[/.\-])\s*(?P<m>\d{1,2})\s*(?P=s)\s*(?P<d>\d{1,2})"),
    ("ymd", r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日?"),
    ("era", _ERA + r"\s*(?:年|[/.\-])\s*(?P<m>\d{1,2})\s*(?:月|[/.\-])\s*(?P<d>\d{1,2})\s*日?"),
    # the separator back-reference keeps '10/3-10/5' from reading as 2010-03-10
    ("yy", r"(?P<y>\d{2})(?P<s>[/.\-])(?P<m>\d{1,2})(?P=s)(?P<d>\d{1,2})"),
    ("md", r"(?P<m>\d{1,2})\s*[/.\-]\s*(?P<d>\d{1,2})"),
    ("md", r"(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日?"),
]
_WEEKDAY = (
    r"(?:\s*\(\s*(?:[月火水木金土日](?:曜日?)?|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?)\s*\)"
    r"|\s*[月火水木金土日]曜日?)"
)
_TIME = r"(?:\s*(?:T|\s)\s*\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)"
_FULL = [
    (kind, re.compile(rf"^{core}{_WEEKDAY}?{_TIME}?$", re.IGNORECASE)) for kind, core in _CORES
]
_FULL.append(("ymd", re.compile(r"^(?P<y>(?:19|20|21)\d{2})(?P<m>\d{2})(?P<d>\d{2})$")))
# In free text '1.5万円' or '2.5h' must not become dates, so the year-less prefix drops '.', and
# '4月5件' needs its 日.
_PREFIX = [(kind, re.compile(rf"^{core}(?!\d)")) for kind, core in _CORES[:-2]]
_PREFIX += [
    ("md", re.compile(r"^(?P<m>\d{1,2})\s*[/\-]\s*(?P<d>\d{1,2})(?!\d)")),
    ("md", re.compile(r"^(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")),
]
_ASCII_YMD = re.compile(r"(\d{4})([/\-])(\d{1,2})\2(\d{1,2})")


def _real_date(y: int, m: int, d: int, text: str) -> dt.date | str:
    """The date, or a plain-words reason why y-m-d is impossible."""
    try:
        return dt.date(y, m, d)
    except ValueError:
        pass
    if not 1 <= m <= 12:
        return f"{text} is not a real date (month {m})"
    last = calendar.monthrange(y, m)[1] if 1 <= y <= 9999 else _DAYS_IN_MONTH[m]
    return f"{text} is not a real date (day {d}; {calendar.month_name[m]} {y} has {last} days)"


def _resolve(
    kind: str, g: re.Match[str], text: str, default_year: int | None, fy: int | None
) -> dt.date | str:
    m, d = int(g["m"]), int(g["d"])
    if kind == "md":
        if default_year is not None:
            y = default_year
        elif fy is not None:
            # Japanese fiscal years run April..March
            y = fy if 4 <= m <= 12 else fy + 1
        else:
            return f"{text} has no year (and no default or fiscal year is known)"
        return _real_date(y, m, d, text)
    raw_y = g["y"] or "0"
    if kind == "era":
        era = g["era"] or ""
        era = _ERA_LETTERS.get(era.upper(), era)
        offset, start = _ERAS[era]
        n = 1 if raw_y == "元" else int(raw_y)
        if n < 1:
            return f"{text} is not a real date ({era} year 0)"
        result = _real_date(offset + n, m, d, text)
        # strict on the start only: people keep writing 平成 for a while after an era ends
        if isinstance(result, dt.date) and result < start:
            return f"{text} is before the {era} era began ({start.isoformat()})"
        return result
    y = 2000 + int(raw_y) if kind == "yy" else int(raw_y)
    if not _MIN_YEAR <= y <= _MAX_YEAR:
        return f"{text} is not a plausible date (year {y})"
    return _real_date(y, m, d, text)


@lru_cache(maxsize=16384)
def _parse_text(text: str, default_year: int | None, fy: int | None) -> dt.date | str | None:
    """Cached string parser: a date, None for blank, or an error message."""
    m = _ASCII_YMD.fullmatch(text)
    if m:  # fast path for the form most cells hold
        y = int(m[1])
        if _MIN_YEAR <= y <= _MAX_YEAR:
            return _real_date(y, int(m[3]), int(m[4]), text)
    s = nfkc(text)
    if not s:
        return None
    for kind, rx in _FULL:
        m = rx.match(s)
        if m:
            return _resolve(kind, m, text.strip(), default_year, fy)
    return f"{text.strip()} is not a date I can read"


def _from_serial(value: float, epoch_1904: bool) -> dt.date:
    if math.isnan(value) or math.isinf(value):
        raise DateParseError(f"{value} is not a date serial number")
    n = math.floor(value)  # the fraction is the time of day
    if epoch_1904:
        base = dt.date(1904, 1, 1)
    elif n == 60:
        raise DateParseError("serial 60 is 1900-02-29, a day that does not exist (Excel's bug)")
    else:
        # Excel counts a fake 1900-02-29, so serials after it are one day ahead
        base = dt.date(1899, 12, 31) if n < 60 else dt.date(1899, 12, 30)
    if not 0 <= n <= (_MAX_DATE - base).days:
        raise DateParseError(f"{value} is not a date serial number in 1900..2200")
    result = base + dt.timedelta(days=n)
    if result < _MIN_DATE:
        raise DateParseError(f"{value} is not a date serial number in 1900..2200")
    return result


def parse_date(
    value: object,
    *,
    default_year: int | None = None,
    fiscal_year: int | None = None,
    epoch_1904: bool = False,
) -> dt.date | None:
    """Any date-ish cell value -> date; None for blank; DateParseError otherwise."""
    if value is None:
        return None
    if isinstance(value, str):
        result = _parse_text(value, default_year, fiscal_year)
        if isinstance(result, str):
            raise DateParseError(result)
        return result
    if isinstance(value, dt.datetime):  # before date: datetime is a date subclass
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):  # before int: True would otherwise be serial 1
        raise DateParseError(f"{value} is not a date")
    if isinstance(value, int | float):
        return _from_serial(value, epoch_1904)
    raise DateParseError(f"{value!r} is not a date")


def find_date_prefix(
    text: object, *, default_year: int | None = None, fiscal_year: int | None = None
) -> dt.date | None:
    """The date at the start of free text such as '3/10 再訪', or None. Never raises."""
    if isinstance(text, dt.datetime):
        return text.date()
    if isinstance(text, dt.date):
        return text
    if not isinstance(text, str):
        try:
            return parse_date(text, default_year=default_year, fiscal_year=fiscal_year)
        except DateParseError:
            return None
    return _text_prefix(text, default_year, fiscal_year)


# Cached: a report's 次回 texts repeat ('再訪', '見積提出'), and a date is immutable.
@lru_cache(maxsize=16384)
def _text_prefix(text: str, default_year: int | None, fiscal_year: int | None) -> dt.date | None:
    s = nfkc(text)
    if not s or not (s[0].isdigit() or s[0] in "明大昭平令MTSHRmtshr"):
        return None
    for kind, rx in _PREFIX:
        m = rx.match(s)
        if m:
            result = _resolve(kind, m, m[0], default_year, fiscal_year)
            return result if isinstance(result, dt.date) else None
    return None


# --- years and months from file and sheet names -------------------------------------------

_NAME_ERA = re.compile(r"(明治|大正|昭和|平成|令和)\s*(元|\d{1,2})\s*年(度)?")
# A bare 'R7' is only an era when nothing alphanumeric touches it and it is followed by 年, a
# date continuation ('R7.3') or the end of the name: 'R2' alone also means 'revision 2', and
# 'H1' a first half-year, hence two digits for H.
_NAME_ERA_LETTER = re.compile(
    r"(?<![A-Za-z0-9])(?:R(元|\d{1,2})|H(\d{2}))"
    r"(?=\s*年|[.\-_/]\d{1,2}(?!\d)|(?:\.[A-Za-z]{3,4})?$)"
)
_NAME_YEAR_NEN = re.compile(r"(?<!\d)((?:19|20|21)\d{2})\s*年(度)?")
_NAME_FY = re.compile(
    r"(?<![A-Za-z])FY\s*[-_']?\s*(\d{4}|\d{2})(?!\d)|(?<!\d)((?:19|20|21)\d{2})\s*FY(?![A-Za-z])",
    re.IGNORECASE,
)
_NAME_YEAR_DIGITS = re.compile(
    r"(?<!\d)((?:19|20|21)\d{2})"
    r"(?:[-_./]?(?:0[1-9]|1[0-2])(?:[-_./]?(?:0[1-9]|[12]\d|3[01]))?)?(?!\d)"
)


def _era_year(era: str, n: str) -> int:
    return _ERAS[era][0] + (1 if n == "元" else int(n))


def _fy_match_year(m: re.Match[str]) -> int:
    raw = m[1] or m[2]
    return 2000 + int(raw) if len(raw) == 2 else int(raw)


@lru_cache(maxsize=1024)
def year_from_name(name: str) -> int | None:
    """Year mentioned in a file or sheet name ('業務日報_2025年3月.xlsx' -> 2025), or None."""
    s = nfkc(name)
    m = _NAME_ERA.search(s)
    if m and m[2] != "0":
        return _era_year(m[1], m[2])
    m = _NAME_YEAR_NEN.search(s)
    if m:
        return int(m[1])
    m = _NAME_FY.search(s)
    if m:
        return _fy_match_year(m)
    m = _NAME_ERA_LETTER.search(s)
    if m and (m[1] or m[2]) not in ("0", "00"):
        return _era_year("令和", m[1]) if m[1] else _era_year("平成", m[2])
    m = _NAME_YEAR_DIGITS.search(s)
    if m:
        return int(m[1])
    return None


_FISCAL_ERA = re.compile(r"(明治|大正|昭和|平成|令和|(?<![A-Za-z0-9])[RH])\s*(元|\d{1,2})\s*年度")
_FISCAL_NEN = re.compile(r"(?<!\d)((?:19|20|21)\d{2})\s*年度")


@lru_cache(maxsize=1024)
def fiscal_year_from_name(name: str) -> int | None:
    """Fiscal year when the name says so with 年度 or FY ('令和6年度' -> 2024), else None."""
    s = nfkc(name)
    m = _FISCAL_NEN.search(s)
    if m:
        return int(m[1])
    m = _FISCAL_ERA.search(s)
    if m and m[2] != "0":
        return _era_year(_ERA_LETTERS.get(m[1], m[1]), m[2])
    m = _NAME_FY.search(s)
    if m:
        return _fy_match_year(m)
    return None


_MONTH_WORDS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_SHEET_MONTH_EN = re.compile(
    r"^(?:(?:19|20|21)\d{2}[\s\-_/.]*)?"
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
    r"(?:[\s\-_/.]*(?:19|20|21)?\d{2})?$",
    re.IGNORECASE,
)
# '3月3日' is a day sheet and '1~3月' a quarter, not a month sheet
_SHEET_MONTH_JA = re.compile(r"(?<![\d~])(\d{1,2})\s*月(?!\s*\d)")
_SHEET_MONTH_NUM = re.compile(r"^(?:(?:19|20|21)\d{2}\s*[-_./]?\s*)?(\d{1,2})$")
_SHEET_MD_JA = re.compile(r"(?<!\d)(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_SHEET_MD_SEP = re.compile(
    r"^(?:(?:19|20|21)\d{2}\s*[-./_年]\s*)?(\d{1,2})\s*[-./_]\s*(\d{1,2})" + _WEEKDAY + "?$"
)
_SHEET_MD_DIGITS = re.compile(r"^(?:(?:19|20|21)\d{2})?(\d{2})(\d{2})" + _WEEKDAY + "?$")


def _month(n: str) -> int | None:
    v = int(n)
    return v if 1 <= v <= 12 else None


@lru_cache(maxsize=1024)
def month_from_sheet_name(name: str) -> int | None:
    """Month a sheet name stands for ('4月', '１月', 'Apr', '2025年4月', '4') or None."""
    s = nfkc(name)
    m = _SHEET_MONTH_NUM.match(s)
    if m:
        return _month(m[1])
    m = _SHEET_MONTH_JA.search(s)
    if m:
        return _month(m[1])
    m = _SHEET_MONTH_EN.match(s)
    if m:
        return _MONTH_WORDS[m[1][:3].lower()]
    return None


@lru_cache(maxsize=1024)
def month_day_from_sheet_name(name: str) -> tuple[int, int] | None:
    """(month, day) a daily sheet name stands for ('3月3日', '3.3', '0303', '3-3') or None."""
    s = nfkc(name)
    m = _SHEET_MD_JA.search(s) or _SHEET_MD_SEP.match(s) or _SHEET_MD_DIGITS.match(s)
    if not m:
        return None
    month, day = int(m[1]), int(m[2])
    # any year will do for the day count, as long as it is a leap year: 2/29 sheets exist
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(2000, month)[1]:
        return None
    return month, day
