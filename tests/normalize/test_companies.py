import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from importers.normalize.companies import CompanyName, normalize_company


@pytest.mark.parametrize(
    "raw",
    [
        "株式会社サンプル精工",
        "(株)サンプル精工",
        "（株）サンプル精工",
        "㈱サンプル精工",
        "サンプル精工㈱",
        "サンプル精工(株)",
        "サンプル精工 株式会社",
        "サンプル精工　株式会社",
        "株式会社 サンプル精工",
        "（株）サンプル精工 御中",
        "（株）サンプル精工御中",
        "ｻﾝﾌﾟﾙ精工(株)",
        "ｻﾝﾌﾟﾙ精工㈱",
        "サンプル精工㈱様",
        "サンプル精工株式会社 殿",
        "  サンプル精工  ",
        "サンプル 精工",
        "( 株 )サンプル精工",
    ],
)
def test_sample_seiko_variants(raw):
    company = normalize_company(raw)
    assert company is not None
    assert company.normalized == "サンプル精工"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("見本化成株式会社", "見本化成"),
        ("見本化成(株)", "見本化成"),
        ("有限会社見本商事", "見本商事"),
        ("(有)見本商事", "見本商事"),
        ("㈲見本商事", "見本商事"),
        ("見本商事㈲", "見本商事"),
        ("合同会社見本", "見本"),
        ("見本(同)", "見本"),
        ("合資会社見本", "見本"),
        ("合名会社見本", "見本"),
        ("ABC Co., Ltd.", "abc"),
        ("ABC Co.,Ltd.", "abc"),
        ("ABC CO.,LTD", "abc"),
        ("ABC Co Ltd", "abc"),
        ("ABC Inc.", "abc"),
        ("ABC Inc", "abc"),
        ("ABC, Inc.", "abc"),
        ("ABC K.K.", "abc"),
        ("ABC Corporation", "abc"),
        ("ABC Ltd.", "abc"),
        ("ＡＢＣ株式会社", "abc"),
        ("Abc Trading Co., Ltd.", "abctrading"),
        ("Zinc", "zinc"),  # 'inc' inside a word stays
        ("Tesco", "tesco"),
        ("サンプル精工 名古屋工場", "サンプル精工名古屋工場"),
        ("株式会社サンプル精工　名古屋工場", "サンプル精工名古屋工場"),
        ("サンプル精工株式会社 名古屋工場", "サンプル精工名古屋工場"),
    ],
)
def test_normalized(raw, expected):
    company = normalize_company(raw)
    assert company is not None
    assert company.normalized == expected


@pytest.mark.parametrize(
    ("raw", "display"),
    [
        ("株式会社サンプル精工", "株式会社サンプル精工"),
        ("（株）サンプル精工 御中", "(株)サンプル精工"),
        ("㈱サンプル精工", "(株)サンプル精工"),
        ("ｻﾝﾌﾟﾙ精工(株)", "サンプル精工(株)"),
        ("サンプル精工　　株式会社", "サンプル精工 株式会社"),
        ("  ＡＢＣ Co., Ltd.  ", "ABC Co., Ltd."),
        ("サンプル精工㈱様", "サンプル精工(株)"),
    ],
)
def test_display(raw, display):
    company = normalize_company(raw)
    assert company is not None
    assert company.display == display


@pytest.mark.parametrize(
    "raw",
    [None, "", "   ", "\u3000", "-", "―", "ー", "--", "なし", "無し", "N/A", "株式会社", "㈱"],
)
def test_nothing(raw):
    assert normalize_company(raw) is None


def test_frozen_and_hashable():
    company = normalize_company("㈱サンプル精工")
    assert company == CompanyName(display="(株)サンプル精工", normalized="サンプル精工")
    assert hash(company) == hash(normalize_company("㈱サンプル精工"))
    with pytest.raises(dataclasses.FrozenInstanceError):
        company.normalized = "x"  # type: ignore[misc]


def test_different_companies_stay_different():
    assert normalize_company("サンプル精工").normalized != normalize_company("見本化成").normalized


@given(st.text(max_size=30))
def test_never_raises_and_key_has_no_spaces(s):
    company = normalize_company(s)
    if company is not None:
        assert company.normalized
        assert not any(ch.isspace() for ch in company.normalized)
        assert company.normalized == company.normalized.lower()
