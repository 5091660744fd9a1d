import datetime as dt

import pytest

from importers.normalize.text import clean_cell, nfkc


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("abc", "abc"),
        ("  abc  ", "abc"),
        ("", ""),
        ("   ", ""),
        ("１２３", "123"),
        ("ＡＢＣａｂｃ", "ABCabc"),
        ("ｻﾝﾌﾟﾙ", "サンプル"),
        ("ｶﾞｷﾞ", "ガギ"),
        ("（株）", "(株)"),
        ("㈱", "(株)"),
        ("１０：３０", "10:30"),
        ("\u3000全角スペース\u3000", "全角スペース"),
        ("1～3", "1~3"),
        ("1〜3", "1~3"),
        ("1―3", "1-3"),
        ("1−3", "1-3"),
        ("1－3", "1-3"),
        ("1–3", "1-3"),
        ("1—3", "1-3"),
        ("コーヒー", "コーヒー"),  # the long-vowel mark is part of the word
        ("ｺｰﾋｰ", "コーヒー"),
        ("㍻", "平成"),
        ("㋿", "令和"),
    ],
)
def test_nfkc(raw, expected):
    assert nfkc(raw) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, ""),
        ("", ""),
        ("  text  ", "text"),
        ("全角　", "全角"),
        (0, "0"),
        (42, "42"),
        (-7, "-7"),
        (1200000.0, "1200000"),
        (-3.0, "-3"),
        (0.0, "0"),
        (1.5, "1.5"),
        (0.1, "0.1"),
        (1e20, "100000000000000000000"),
        (float("nan"), ""),
        (True, "TRUE"),
        (False, "FALSE"),
        (dt.date(2025, 1, 25), "2025-01-25"),
        (dt.datetime(2025, 1, 25), "2025-01-25"),
        (dt.datetime(2025, 1, 25, 9, 30), "2025-01-25 09:30"),
        (dt.datetime(2025, 1, 25, 9, 30, 15), "2025-01-25 09:30:15"),
        (dt.time(9, 30), "09:30"),
    ],
)
def test_clean_cell(value, expected):
    assert clean_cell(value) == expected


def test_clean_cell_other_objects_use_str():
    class Thing:
        def __str__(self):
            return "  thing "

    assert clean_cell(Thing()) == "thing"
