"""The file-name pattern the mapping wizard offers matches next month's file of the template,
and never every workbook of the folder."""

import pytest

from importers.profiles import Profile, suggested_match

CASES = [
    ("訪問記録_2025年10月.xlsx", "訪問記録_*.xlsx", "訪問記録_2025年11月.xlsx"),
    ("営業日報_2025-06-03.xlsx", "営業日報_*.xlsx", "営業日報_2025-06-04.xlsx"),
    ("2025年度_営業日報_山本.xlsm", "*_営業日報_山本.xlsm", "2026年度_営業日報_山本.xlsm"),
    ("週報 第12週.xlsx", "週報 第*週.xlsx", "週報 第13週.xlsx"),
    ("日報(山本)R7.4.xlsx", "日報(山本)R*.xlsx", "日報(山本)R7.5.xlsx"),
    ("営業日報_２０２５年６月.xlsx", "営業日報_*.xlsx", "営業日報_2025年7月.xlsx"),
]


@pytest.mark.parametrize(("name", "pattern", "next_month"), CASES)
def test_the_changing_part_becomes_a_star(name, pattern, next_month):
    assert suggested_match(name) == pattern
    profile = Profile(name="x", match=[pattern])
    assert profile.matches(name) and profile.matches(next_month)
    assert not profile.matches("請求書_2025年10月.xlsx")


def test_a_name_of_only_numbers_or_no_numbers_is_kept_as_it_is():
    assert suggested_match("20250603.xlsx") == "20250603.xlsx"  # not "*.xlsx": every workbook
    assert suggested_match("営業日報.xlsx") == "営業日報.xlsx"


def test_brackets_in_a_name_are_literal():
    pattern = suggested_match("日報[山本]_2025年4月.xlsx")
    profile = Profile(name="x", match=[pattern])
    assert profile.matches("日報[山本]_2025年5月.xlsx") and not profile.matches(
        "日報山_2025年5月.xlsx"
    )
