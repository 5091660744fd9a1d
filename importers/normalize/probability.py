"""Win probability (確度) as a 0..100 integer, from percents, fractions or rank letters/marks."""

from __future__ import annotations

import math
import re
from functools import lru_cache

from importers.normalize.text import nfkc


class ProbabilityParseError(ValueError):
    """A cell that should hold a probability does not; the message says why in plain words."""


DEFAULT_RANKS: dict[str, int] = {
    "S": 95,
    "A": 80,
    "B": 50,
    "C": 20,
    "D": 5,
    "◎": 90,
    "○": 70,
    "〇": 70,  # ideographic zero: what most IMEs offer when typing まる
    "◯": 70,
    "△": 40,
    "×": 10,
    "✕": 10,
}

_PREFIX = re.compile(r"^(?:受注)?(?:確度|確率|見込み?|可能性|ヨミ|ランク|rank)\s*[:=]?\s*", re.I)
_SUFFIX = re.compile(r"\s*(?:ランク|確度|ヨミ|判定|rank)$", re.IGNORECASE)
_NUMBER = re.compile(r"(\d+(?:\.\d+)?|\.\d+)\s*(%|パーセント|percent)?")
_BLANK = re.compile(r"^[-ー]*$")


def _round_half_up(x: float) -> int:
    # round first so that 0.285 * 100 = 28.499999... still rounds to 29
    return math.floor(round(x, 9) + 0.5)


def _rank_key(s: str) -> str:
    return nfkc(s).upper()


@lru_cache(maxsize=64)
def _rank_table(items: tuple[tuple[str, int], ...]) -> dict[str, int]:
    return {_rank_key(k): v for k, v in items}


def _in_range(p: int, value: object) -> int:
    if not 0 <= p <= 100:
        raise ProbabilityParseError(f"{value} is not a probability between 0% and 100%")
    return p


def _from_number(x: float, *, fraction: bool, value: object) -> int:
    if math.isnan(x) or math.isinf(x) or x < 0:
        raise ProbabilityParseError(f"{value} is not a probability")
    # a percent-formatted cell holds 0.8 for 80%; 1.0 is then 100%, while the int 1 is 1%
    return _in_range(_round_half_up(x * 100 if fraction and 0 <= x <= 1 else x), value)


def parse_probability(value: object, *, ranks: dict[str, int] | None = None) -> int | None:
    """Any probability-ish cell value -> 0..100; None for blank; ProbabilityParseError otherwise."""
    if value is None:
        return None
    if isinstance(value, bool):  # before int: bool is an int subclass
        raise ProbabilityParseError(f"{value} is not a probability")
    if isinstance(value, int):
        return _in_range(value, value)
    if isinstance(value, float):
        return _from_number(value, fraction=True, value=value)
    if not isinstance(value, str):
        raise ProbabilityParseError(f"{value!r} is not a probability")
    return _from_text(value, tuple((ranks if ranks is not None else DEFAULT_RANKS).items()))


# Cached per distinct text (a report repeats 'A', '50%', '◎'); a bad one raises each time.
@lru_cache(maxsize=4096)
def _from_text(value: str, ranks: tuple[tuple[str, int], ...]) -> int | None:
    s = nfkc(value)
    if _BLANK.match(s):
        return None
    s = _SUFFIX.sub("", _PREFIX.sub("", s))
    m = _NUMBER.fullmatch(s)
    if m:
        x = float(m[1])
        if m[2]:
            return _from_number(x, fraction=False, value=value.strip())
        # text mirrors the cell types: '0.8' like a float, '1' like an int
        return _from_number(x, fraction="." in m[1], value=value.strip())
    table = _rank_table(ranks)
    p = table.get(s.upper())
    if p is None:
        raise ProbabilityParseError(f"{value.strip()} is not a probability or a known rank")
    return _in_range(p, value.strip())
