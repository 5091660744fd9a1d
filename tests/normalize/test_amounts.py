import pytest
from hypothesis import given
from hypothesis import strategies as st

from importers.normalize.amounts import MAX_AMOUNT, AmountParseError, parse_amount


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1200000", 1_200_000),
        ("1,200,000", 1_200_000),
        ("¥1,200,000", 1_200_000),
        ("￥1,200,000", 1_200_000),
        ("\\1,200,000", 1_200_000),  # the yen sign as Japanese fonts draw a backslash
        ("1,200,000円", 1_200_000),
        ("¥1,200,000-", 1_200_000),
        ("JPY 1,200,000", 1_200_000),
        ("120万円", 1_200_000),
        ("120万", 1_200_000),
        ("1.2億円", 120_000_000),
        ("1億2000万円", 120_000_000),
        ("1億2,000万", 120_000_000),
        ("1億", 100_000_000),
        ("1兆", 10**12),
        ("350千円", 350_000),
        ("３５０千円", 350_000),
        ("１，２００，０００円", 1_200_000),
        ("12.5万円", 125_000),
        ("1千万円", 10_000_000),
        ("3.5百万円", 3_500_000),
        ("120万5000円", 1_205_000),
        ("約120万円", 1_200_000),
        ("およそ120万円", 1_200_000),
        ("ca. 120万", 1_200_000),
        ("ca.120万", 1_200_000),
        ("120万円（税別）", 1_200_000),
        ("120万円(税込)", 1_200_000),
        ("120万円 (税抜)", 1_200_000),
        ("120万円税別", 1_200_000),
        ("約120万円(税別)", 1_200_000),
        ("120万円程度", 1_200_000),
        ("120万円ほど", 1_200_000),
        ("120万円くらい", 1_200_000),
        ("120万円前後", 1_200_000),
        ("120万円税込み", 1_200_000),
        ("-50,000", -50_000),
        ("－５０，０００", -50_000),
        ("▲50,000", -50_000),
        ("△50,000", -50_000),
        ("▲ 50,000円", -50_000),
        ("-¥50,000", -50_000),
        ("¥-50,000", -50_000),
        ("▲12万", -120_000),
        ("3.5M", 3_500_000),
        ("1.2m", 1_200_000),
        ("500K", 500_000),
        ("500k", 500_000),
        ("0", 0),
        ("¥0", 0),
        ("1200000.0", 1_200_000),
        ("1.5", 2),  # half up
        ("0.4", 0),
        ("  120万円  ", 1_200_000),
    ],
)
def test_parse_amount_text(raw, expected):
    assert parse_amount(raw) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ("", None),
        ("   ", None),
        ("\u3000", None),
        ("-", None),
        ("―", None),
        ("ー", None),
        (0, 0),
        (1_200_000, 1_200_000),
        (-50_000, -50_000),
        (1_200_000.0, 1_200_000),
        (2.5, 3),
        (-2.5, -3),  # half away from zero
        (0.49, 0),
        (1234.5, 1235),
    ],
)
def test_parse_amount_values(value, expected):
    assert parse_amount(value) == expected


def test_int_result_type():
    assert type(parse_amount(1_200_000.0)) is int
    assert type(parse_amount("120万")) is int


@pytest.mark.parametrize(
    "value",
    [
        "未定",
        "TBD",
        "要相談",
        "abc",
        "万",
        "億",
        "円",
        "¥",
        "120万～150万",
        "1..2万",
        "1万億",  # units must go down
        "1e5",
        "12 34",
        "9999兆",
        10**16,
        -(10**16),
        1e300,
        float("nan"),
        float("inf"),
        True,
        object(),
    ],
)
def test_parse_amount_rejects(value):
    with pytest.raises(AmountParseError):
        parse_amount(value)


def test_error_message_names_the_text():
    with pytest.raises(AmountParseError, match="要相談"):
        parse_amount("要相談")


def test_amount_error_is_value_error():
    assert issubclass(AmountParseError, ValueError)


def test_just_below_limit():
    assert parse_amount(MAX_AMOUNT - 1) == MAX_AMOUNT - 1


@given(st.integers(min_value=-(10**14), max_value=10**14))
def test_formatted_integers_round_trip(n):
    assert parse_amount(f"{n:,}") == n
    assert parse_amount(f"{n:,}円") == n
    assert parse_amount(n) == n


@given(st.text(max_size=20))
def test_text_never_raises_anything_else(s):
    try:
        result = parse_amount(s)
    except AmountParseError:
        return
    assert result is None or isinstance(result, int)
