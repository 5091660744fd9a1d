import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from importers.normalize.dates import (
    DateParseError,
    find_date_prefix,
    fiscal_year_from_name,
    month_day_from_sheet_name,
    month_from_sheet_name,
    parse_date,
    year_from_name,
)

D = dt.date


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2025/1/25", D(2025, 1, 25)),
        ("2025/01/25", D(2025, 1, 25)),
        ("2025-01-25", D(2025, 1, 25)),
        ("2025.1.25", D(2025, 1, 25)),
        ("2025 / 1 / 25", D(2025, 1, 25)),
        ("２０２５／１／２５", D(2025, 1, 25)),
        ("２０２５－０１－２５", D(2025, 1, 25)),
        ("2025/1/25(土)", D(2025, 1, 25)),
        ("2025/1/25（土）", D(2025, 1, 25)),
        ("2025/1/25 (土)", D(2025, 1, 25)),
        ("2025/1/25(土曜日)", D(2025, 1, 25)),
        ("2025/1/25(土曜)", D(2025, 1, 25)),
        ("2025/1/25 土曜日", D(2025, 1, 25)),
        ("2025/1/25(Sat)", D(2025, 1, 25)),
        ("2025年1月25日", D(2025, 1, 25)),
        ("2025年01月25日", D(2025, 1, 25)),
        ("２０２５年１月２５日", D(2025, 1, 25)),
        ("2025年1月25日(土)", D(2025, 1, 25)),
        ("2025年1月25日（土）", D(2025, 1, 25)),
        ("2025年 1月 25日", D(2025, 1, 25)),
        ("2025-01-25 10:30", D(2025, 1, 25)),
        ("2025-01-25 00:00:00", D(2025, 1, 25)),
        ("2025-01-25T10:30:00", D(2025, 1, 25)),
        ("20250125", D(2025, 1, 25)),
        ("  2025/1/25  ", D(2025, 1, 25)),
        # 和暦
        ("令和7年1月25日", D(2025, 1, 25)),
        ("令和７年１月２５日", D(2025, 1, 25)),
        ("令和元年5月1日", D(2019, 5, 1)),
        ("令和 7 年 1 月 25 日", D(2025, 1, 25)),
        ("令和7年1月25日(土)", D(2025, 1, 25)),
        ("R7.1.25", D(2025, 1, 25)),
        ("R07/01/25", D(2025, 1, 25)),
        ("R7/1/25", D(2025, 1, 25)),
        ("R7-1-25", D(2025, 1, 25)),
        ("r7.1.25", D(2025, 1, 25)),
        ("Ｒ７．１．２５", D(2025, 1, 25)),
        ("R.7.1.25", D(2025, 1, 25)),
        ("R1.5.1", D(2019, 5, 1)),
        ("R元.5.1", D(2019, 5, 1)),
        ("R7年1月25日", D(2025, 1, 25)),
        ("H31.4.30", D(2019, 4, 30)),
        ("h31.4.30", D(2019, 4, 30)),
        ("平成31年4月30日", D(2019, 4, 30)),
        ("平成元年1月8日", D(1989, 1, 8)),
        ("昭和64年1月7日", D(1989, 1, 7)),
        ("S64.1.7", D(1989, 1, 7)),
        ("昭和45年3月15日", D(1970, 3, 15)),
        ("大正15年12月24日", D(1926, 12, 24)),
        ("T1.7.30", D(1912, 7, 30)),
        ("明治45年7月29日", D(1912, 7, 29)),
        ("㋿7年1月25日", D(2025, 1, 25)),  # the single-character era sign
        ("㍻31年4月30日", D(2019, 4, 30)),
        ("㍼64年1月7日", D(1989, 1, 7)),
        # lenient past an era's end: people keep writing the old era for a while
        ("平成31年5月1日", D(2019, 5, 1)),
        ("平成32年1月1日", D(2020, 1, 1)),
        ("H32.1.1", D(2020, 1, 1)),
        ("昭和65年1月1日", D(1990, 1, 1)),
        # two-digit years
        ("25/1/25", D(2025, 1, 25)),
        ("25-01-25", D(2025, 1, 25)),
        ("99/12/31", D(2099, 12, 31)),
        ("00/1/1", D(2000, 1, 1)),
        # leap day
        ("2024/2/29", D(2024, 2, 29)),
        ("2000/2/29", D(2000, 2, 29)),
    ],
)
def test_parse_date_strings(raw, expected):
    assert parse_date(raw) == expected


@pytest.mark.parametrize("blank", [None, "", "   ", "\u3000", "\t\n"])
def test_blank_is_none(blank):
    assert parse_date(blank) is None


def test_date_and_datetime_pass_through():
    assert parse_date(D(2025, 1, 25)) == D(2025, 1, 25)
    assert parse_date(dt.datetime(2025, 1, 25, 13, 45)) == D(2025, 1, 25)
    assert type(parse_date(dt.datetime(2025, 1, 25, 13, 45))) is dt.date


@pytest.mark.parametrize(
    ("serial", "expected"),
    [
        (1, D(1900, 1, 1)),
        (2, D(1900, 1, 2)),
        (59, D(1900, 2, 28)),
        (61, D(1900, 3, 1)),
        (45682, D(2025, 1, 25)),
        (45682.0, D(2025, 1, 25)),
        (45682.75, D(2025, 1, 25)),  # the fraction is the time of day
        (36526, D(2000, 1, 1)),
        (43586, D(2019, 5, 1)),
        (109574, D(2199, 12, 31)),
        (109939, D(2200, 12, 31)),
    ],
)
def test_excel_serials_1900(serial, expected):
    assert parse_date(serial) == expected


@pytest.mark.parametrize(
    ("serial", "expected"),
    [
        (0, D(1904, 1, 1)),
        (1, D(1904, 1, 2)),
        (44220, D(2025, 1, 25)),
        (44220.5, D(2025, 1, 25)),
    ],
)
def test_excel_serials_1904(serial, expected):
    assert parse_date(serial, epoch_1904=True) == expected


@pytest.mark.parametrize(
    "serial", [60, 0, -1, -45682, 0.5, 109940, 10**9, 20250125, float("nan"), float("inf")]
)
def test_bad_serials(serial):
    with pytest.raises(DateParseError):
        parse_date(serial)


def test_bad_serials_1904():
    with pytest.raises(DateParseError):
        parse_date(-1, epoch_1904=True)
    with pytest.raises(DateParseError):
        parse_date(10**7, epoch_1904=True)


def test_serial_60_message_explains():
    with pytest.raises(DateParseError, match="1900-02-29"):
        parse_date(60)


@pytest.mark.parametrize(
    ("raw", "kwargs", "expected"),
    [
        ("1/25", {"default_year": 2025}, D(2025, 1, 25)),
        ("1月25日", {"default_year": 2025}, D(2025, 1, 25)),
        ("１月２５日", {"default_year": 2025}, D(2025, 1, 25)),
        ("1/25(土)", {"default_year": 2025}, D(2025, 1, 25)),
        ("1月25日(土)", {"default_year": 2025}, D(2025, 1, 25)),
        ("1.25", {"default_year": 2025}, D(2025, 1, 25)),
        ("12-3", {"default_year": 2025}, D(2025, 12, 3)),
        # fiscal year: April..December belong to it, January..March to the next calendar year
        ("4/1", {"fiscal_year": 2024}, D(2024, 4, 1)),
        ("12/31", {"fiscal_year": 2024}, D(2024, 12, 31)),
        ("1/25", {"fiscal_year": 2024}, D(2025, 1, 25)),
        ("3/31", {"fiscal_year": 2024}, D(2025, 3, 31)),
        ("2/29", {"fiscal_year": 2023}, D(2024, 2, 29)),
        # default_year wins over fiscal_year
        ("1/25", {"default_year": 2030, "fiscal_year": 2024}, D(2030, 1, 25)),
        # a full date ignores both
        ("2025/1/25", {"default_year": 1999, "fiscal_year": 1999}, D(2025, 1, 25)),
    ],
)
def test_yearless(raw, kwargs, expected):
    assert parse_date(raw, **kwargs) == expected


def test_yearless_without_context_is_an_error():
    with pytest.raises(DateParseError, match="no year"):
        parse_date("1/25")


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("2025/13/45", r"2025/13/45 is not a real date \(month 13\)"),
        ("2025/2/30", "day 30"),
        ("2025/2/29", "day 29"),
        ("2025/4/31", "day 31"),
        ("2025/0/10", "month 0"),
        ("2025/1/0", "day 0"),
        ("2025年13月1日", "month 13"),
        ("令和1年4月1日", "before the 令和 era"),
        ("令和元年4月30日", "before the 令和 era"),
        ("平成1年1月7日", "before the 平成 era"),
        ("R0.1.1", "year 0"),
        ("3/10 再訪", "not a date"),
        ("来週", "not a date"),
        ("garbage", "not a date"),
        ("2025/1/25 再訪", "not a date"),
        ("0025/1/1", "year 25"),
        ("9999/1/1", "year 9999"),
        ("2025/1", "not a date"),
        ("2025", "not a date"),
        ("20251345", "month 13"),
        ("12345678901234567890", "not a date"),
        ("Q1", "not a date"),
    ],
)
def test_parse_date_errors(raw, reason):
    with pytest.raises(DateParseError, match=reason):
        parse_date(raw)


@pytest.mark.parametrize("value", [True, False, object(), dt.time(10, 0), [2025, 1, 25]])
def test_other_types_are_errors(value):
    with pytest.raises(DateParseError):
        parse_date(value)


def test_date_error_is_value_error():
    assert issubclass(DateParseError, ValueError)


def test_errors_are_not_cached_away():
    for _ in range(3):
        with pytest.raises(DateParseError):
            parse_date("2025/2/30")


@given(st.dates(min_value=D(1900, 1, 1), max_value=D(2200, 12, 31)))
def test_round_trip_formats(d):
    assert parse_date(f"{d.year}/{d.month}/{d.day}") == d
    assert parse_date(d.isoformat()) == d
    assert parse_date(f"{d.year}年{d.month}月{d.day}日") == d


@given(st.dates(min_value=D(1900, 3, 1), max_value=D(2200, 12, 31)))
def test_round_trip_serials(d):
    serial_1900 = (d - D(1899, 12, 30)).days
    assert parse_date(serial_1900) == d
    assert parse_date(float(serial_1900) + 0.99) == d
    if d.year >= 1904:
        assert parse_date((d - D(1904, 1, 1)).days, epoch_1904=True) == d


@given(st.text(max_size=30))
def test_text_only_raises_date_parse_error(s):
    try:
        result = parse_date(s, default_year=2025)
    except DateParseError:
        return
    assert result is None or isinstance(result, D)


# --- find_date_prefix ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3/10 再訪", D(2025, 3, 10)),
        ("3/10再訪", D(2025, 3, 10)),
        ("３／１０ 再訪", D(2025, 3, 10)),
        ("4月5日までに見積提出", D(2025, 4, 5)),
        ("4月5日(土) 訪問", D(2025, 4, 5)),
        ("3/10(月) 再訪", D(2025, 3, 10)),
        ("2025/3/10 再訪", D(2025, 3, 10)),
        ("2026/1/8 打合せ", D(2026, 1, 8)),
        ("2025年3月10日 再訪", D(2025, 3, 10)),
        ("R7.3.10 再訪", D(2025, 3, 10)),
        ("令和7年3月10日に再訪", D(2025, 3, 10)),
        ("10/3-10/5 展示会", D(2025, 10, 3)),
        ("3/10", D(2025, 3, 10)),
        ("  3/10 再訪", D(2025, 3, 10)),
        ("来週", None),
        ("再訪 3/10", None),  # only at the start
        ("", None),
        ("   ", None),
        ("1.5万円で提案", None),  # a decimal is not a date
        ("4月中に連絡", None),
        ("4月5件", None),
        ("3/100個発注", None),
        ("13/45 再訪", None),  # impossible: None, not an exception
        ("2/30 再訪", None),
        ("未定", None),
    ],
)
def test_find_date_prefix(text, expected):
    assert find_date_prefix(text, default_year=2025) == expected


def test_find_date_prefix_uses_fiscal_year():
    assert find_date_prefix("1/10 再訪", fiscal_year=2024) == D(2025, 1, 10)
    assert find_date_prefix("5/10 再訪", fiscal_year=2024) == D(2024, 5, 10)


def test_find_date_prefix_without_year_is_none():
    assert find_date_prefix("3/10 再訪") is None
    assert find_date_prefix("2025/3/10 再訪") == D(2025, 3, 10)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        (45682, D(2025, 1, 25)),
        (60, None),
        (True, None),
        (D(2025, 1, 25), D(2025, 1, 25)),
        (dt.datetime(2025, 1, 25, 9, 0), D(2025, 1, 25)),
        (object(), None),
    ],
)
def test_find_date_prefix_non_text(value, expected):
    assert find_date_prefix(value) == expected


@given(st.text(max_size=30))
def test_find_date_prefix_never_raises(s):
    result = find_date_prefix(s, fiscal_year=2024)
    assert result is None or isinstance(result, D)


# --- names ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("2025年3月", 2025),
        ("業務日報_2025年3月.xlsx", 2025),
        ("２０２５年３月", 2025),
        ("令和7年度", 2025),
        ("令和元年度", 2019),
        ("㋿7年度 日報", 2025),
        ("平成30年度", 2018),
        ("R7", 2025),
        ("R7年度_日報.xlsx", 2025),
        ("日報_R7.xlsx", 2025),
        ("日報 R7.3.xlsx", 2025),
        ("H30.4", 2018),
        ("2024年度_営業日報.xlsx", 2024),
        ("FY2024", 2024),
        ("FY2024_日報.xlsx", 2024),
        ("fy24", 2024),
        ("2024FY", 2024),
        ("202503", 2025),
        ("2025-03", 2025),
        ("日報_202503.xlsx", 2025),
        ("日報20250303.xlsx", 2025),
        ("2025.xlsx", 2025),
        ("営業日報.xlsx", None),
        ("", None),
        ("Sheet1", None),
        ("見積_R2_改.xlsx", None),  # 'R2' here is a revision, not 令和2年
        ("PR7.xlsx", None),
        ("H1_売上.xlsx", None),  # a half-year, not 平成元年
        ("Rev2", None),
        ("12025", None),
        ("1234", None),
    ],
)
def test_year_from_name(name, expected):
    assert year_from_name(name) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("2024年度", 2024),
        ("2024年度_営業日報.xlsx", 2024),
        ("２０２４年度", 2024),
        ("令和6年度", 2024),
        ("令和元年度", 2019),
        ("R6年度", 2024),
        ("FY2024", 2024),
        ("fy2024", 2024),
        ("FY24", 2024),
        ("2024FY", 2024),
        ("営業日報_FY2024.xlsx", 2024),
        ("2025年3月", None),
        ("業務日報_2025年3月.xlsx", None),
        ("202503", None),
        ("R7", None),
        ("", None),
    ],
)
def test_fiscal_year_from_name(name, expected):
    assert fiscal_year_from_name(name) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("4月", 4),
        ("１月", 1),
        ("12月", 12),
        (" 4月 ", 4),
        ("4月度", 4),
        ("4月分", 4),
        ("2025年4月", 4),
        ("2025年04月", 4),
        ("令和7年4月", 4),
        ("4", 4),
        ("04", 4),
        ("１２", 12),
        ("Apr", 4),
        ("April", 4),
        ("apr", 4),
        ("APR.", 4),
        ("Sept", 9),
        ("Sep", 9),
        ("May 2025", 5),
        ("2025-Apr", 4),
        ("2025-04", 4),
        ("2025.4", 4),
        ("202504", 4),
        ("13", None),
        ("0", None),
        ("13月", None),
        ("3月3日", None),  # a day sheet
        ("1～3月", None),  # a quarter
        ("Sheet1", None),
        ("集計", None),
        ("Aprilfool", None),
        ("", None),
    ],
)
def test_month_from_sheet_name(name, expected):
    assert month_from_sheet_name(name) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("3月3日", (3, 3)),
        ("３月３日", (3, 3)),
        ("3月3日(月)", (3, 3)),
        ("2025年3月3日", (3, 3)),
        ("12月31日", (12, 31)),
        ("3.3", (3, 3)),
        ("3-3", (3, 3)),
        ("3_3", (3, 3)),
        ("3/3", (3, 3)),
        ("0303", (3, 3)),
        ("1231", (12, 31)),
        ("20250303", (3, 3)),
        ("2025-03-03", (3, 3)),
        ("3.3(月)", (3, 3)),
        ("2/29", (2, 29)),
        ("2/30", None),
        ("4/31", None),
        ("13/1", None),
        ("0000", None),
        ("4月", None),
        ("Sheet1", None),
        ("2025", None),
        ("", None),
    ],
)
def test_month_day_from_sheet_name(name, expected):
    assert month_day_from_sheet_name(name) == expected
