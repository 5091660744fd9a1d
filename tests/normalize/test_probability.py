import pytest
from hypothesis import given
from hypothesis import strategies as st

from importers.normalize.probability import (
    DEFAULT_RANKS,
    ProbabilityParseError,
    parse_probability,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("80%", 80),
        ("８０％", 80),
        ("80", 80),
        ("80 %", 80),
        ("80％", 80),
        ("0%", 0),
        ("100%", 100),
        ("50.5%", 51),
        ("0.8", 80),
        ("0.5", 50),
        (".5", 50),
        ("1", 1),  # text mirrors cell types: '1' like the int 1
        ("1.0", 100),  # ... and '1.0' like the float 1.0
        ("確度80%", 80),
        ("確度：80%", 80),
        ("確度 80%", 80),
        ("受注確度80%", 80),
        ("確率80%", 80),
        ("見込み80%", 80),
        ("80パーセント", 80),
        (0.8, 80),
        (0.5, 50),
        (0.285, 29),  # float noise must not round down
        (0.0, 0),
        (1.0, 100),
        (1, 1),
        (0, 0),
        (80, 80),
        (100, 100),
        (80.0, 80),
        (50.4, 50),
        (None, None),
        ("", None),
        ("  ", None),
        ("-", None),
    ],
)
def test_numbers(value, expected):
    assert parse_probability(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("A", 80),
        ("B", 50),
        ("C", 20),
        ("D", 5),
        ("a", 80),
        ("Ａ", 80),
        ("ｂ", 50),
        ("Aランク", 80),
        ("Ａランク", 80),
        ("A確度", 80),
        ("確度A", 80),
        ("ランクA", 80),
        ("Rank A", 80),
        (" A ", 80),
        ("◎", 90),
        ("○", 70),
        ("〇", 70),
        ("△", 40),
        ("×", 10),
    ],
)
def test_default_ranks(value, expected):
    assert parse_probability(value) == expected


def test_default_table_matches_spec():
    for rank, p in {"A": 80, "B": 50, "C": 20, "D": 5, "◎": 90, "○": 70, "△": 40, "×": 10}.items():
        assert DEFAULT_RANKS[rank] == p


def test_custom_ranks():
    ranks = {"A": 90, "B": 60, "ヨミ": 30, "High": 75}
    assert parse_probability("A", ranks=ranks) == 90
    assert parse_probability("Ａランク", ranks=ranks) == 90
    assert parse_probability("b", ranks=ranks) == 60
    assert parse_probability("ｈｉｇｈ", ranks=ranks) == 75
    assert parse_probability("80%", ranks=ranks) == 80
    # a custom table replaces the default one
    with pytest.raises(ProbabilityParseError):
        parse_probability("C", ranks=ranks)


def test_custom_rank_out_of_range_is_an_error():
    with pytest.raises(ProbabilityParseError):
        parse_probability("A", ranks={"A": 120})


@pytest.mark.parametrize(
    "value",
    [
        "150%",
        "101",
        "-10%",
        "-0.5",
        150,
        101,
        -1,
        -0.1,
        1.5e3,
        float("nan"),
        float("inf"),
        "foo",
        "未定",
        "E",
        "AA",
        "80%?",
        "80-90%",
        True,
        object(),
    ],
)
def test_rejects(value):
    with pytest.raises(ProbabilityParseError):
        parse_probability(value)


def test_error_is_value_error():
    assert issubclass(ProbabilityParseError, ValueError)


@given(st.integers(min_value=0, max_value=100))
def test_percent_text_round_trip(n):
    assert parse_probability(f"{n}%") == n
    assert parse_probability(n) == n
    assert parse_probability(n / 100) == n


@given(st.text(max_size=12))
def test_text_only_raises_parse_error(s):
    try:
        result = parse_probability(s)
    except ProbabilityParseError:
        return
    assert result is None or 0 <= result <= 100
