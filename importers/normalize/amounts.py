"""Yen amounts as reps type them: '1,200,000円', '120万', '1億2,000万', '▲50,000', '3.5M'."""

from __future__ import annotations

import math
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache

from importers.normalize.text import nfkc


class AmountParseError(ValueError):
    """A cell that should hold an amount does not; the message says why in plain words."""


# No deal is worth a quadrillion yen; beyond this the cell is a typo or a pasted ID, and SQLite
# integers would overflow soon after.
MAX_AMOUNT = 10**15

_UNITS = {
    "兆": 10**12,
    "億": 10**8,
    "千万": 10**7,
    "百万": 10**6,
    "万": 10**4,
    "千": 10**3,
    "百": 10**2,
    "k": 10**3,
    "m": 10**6,
    "mn": 10**6,
}
_PLAIN = re.compile(r"-?\d{1,3}(?:,\d{3})+|-?\d+")
# the next most common shapes: '¥1,200,000', '1,200,000円', '▲50,000'
_SIMPLE = re.compile(r"([-▲△]?)\s*[¥\\]?\s*(\d{1,3}(?:,\d{3})+|\d+)\s*円?")
_APPROX = re.compile(r"^(?:約|およそ|凡そ|概算|ca\.?|approx\.?|~)\s*")
# a trailing note such as (税別) / （税込） / 程度: the number before it is still the amount
_NOTE = re.compile(r"(?<=\S)\s*(?:\([^()]*\)|程度|前後|くらい|ぐらい|ほど|税込み?|税別|税抜き?)$")
_TOKEN = re.compile(r"(\d[\d,]*(?:\.\d+)?|\.\d+)\s*(兆|億|千万|百万|万|千|百|mn|k|m)?\s*")
_DASHES_ONLY = re.compile(r"^[-ー]+$")
# cheap guards for the two searches below, which would otherwise scan every cell
_APPROX_FIRST = frozenset("約およ凡概ca~")
_NOTE_LAST = frozenset(")度後いど込み別抜き")  # last characters of the _NOTE words


def _round_half_up(x: Decimal) -> int:
    return int(x.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _checked(n: int, text: object) -> int:
    if abs(n) >= MAX_AMOUNT:
        raise AmountParseError(f"{text} is too large to be an amount")
    return n


@lru_cache(maxsize=8192)
def _parse_text(text: str) -> int | str | None:
    """Cached string parser: yen, None for blank, or an error message."""
    s = nfkc(text)
    if _PLAIN.fullmatch(s):  # fast path: most cells are plain digits, maybe with commas
        return int(s.replace(",", ""))
    if not s or _DASHES_ONLY.match(s):  # a lone dash is how Excel users write 'nothing'
        return None
    m = _SIMPLE.fullmatch(s)
    if m:
        n = int(m[2].replace(",", ""))
        return -n if m[1] else n
    s = s.lower()
    while s and (s[0] in _APPROX_FIRST or s[-1] in _NOTE_LAST):
        stripped = _NOTE.sub("", _APPROX.sub("", s))
        if stripped == s:
            break
        s = stripped
    negative = False
    # sign and currency come in either order: '-¥5,000', '¥-5,000', '▲5,000円'
    while s and s[0] in "-+▲△¥\\$":
        negative ^= s[0] in "-▲△"
        s = s[1:].lstrip()
    if s.startswith("jpy"):
        s = s[3:].lstrip()
    s = s.removesuffix("-")  # '¥1,200,000-' on invoices means 'and no more'
    for suffix in ("円", "jpy", "yen"):
        if s.endswith(suffix):
            s = s[: -len(suffix)].rstrip()
            break
    total: int | Decimal = 0  # Decimal only once a fraction shows up: '12.5万' is exact
    last_unit = math.inf
    pos = 0
    while pos < len(s):
        m = _TOKEN.match(s, pos)
        if not m:
            return f"{text.strip()} is not an amount"
        unit = _UNITS[m[2]] if m[2] else 1
        # units must go down ('1億2000万'); a unit-less number is only allowed last
        if unit >= last_unit or (unit == 1 and m.end() < len(s)):
            return f"{text.strip()} is not an amount"
        digits = m[1].replace(",", "")
        if "." in digits:
            try:
                total += Decimal(digits) * unit
            except InvalidOperation:
                return f"{text.strip()} is not an amount"
        else:
            total += int(digits) * unit
        last_unit = unit
        pos = m.end()
    if pos == 0:
        return f"{text.strip()} is not an amount"
    if negative:
        total = -total
    return _round_half_up(total) if isinstance(total, Decimal) else total


_PLAIN_DECIMAL = re.compile(r"-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|-?\.\d+")


def parse_amount(value: object, *, unit: int = 1) -> int | None:
    """Any amount-ish cell value -> integer yen; None for blank; AmountParseError otherwise.

    ``unit`` is the heading's unit (金額（千円） -> 1000): it scales plain numbers before rounding,
    so 1.5 under 百万円 is 1,500,000 yen; text naming its own unit (120万円) is not scaled."""
    if value is None:
        return None
    if unit != 1 and not isinstance(value, bool):
        scaled = _scaled(value, unit)
        if scaled is not None:
            return _checked(scaled, value)
    if isinstance(value, str):
        result = _parse_text(value)
        if isinstance(result, str):
            raise AmountParseError(result)
        return None if result is None else _checked(result, value)
    if isinstance(value, bool):  # before int: bool is an int subclass
        raise AmountParseError(f"{value} is not an amount")
    if isinstance(value, int):
        return _checked(value, value)
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            raise AmountParseError(f"{value} is not an amount")
        if value.is_integer():
            return _checked(int(value), value)
        # half away from zero, as people round yen
        return _checked(int(math.copysign(math.floor(abs(value) + 0.5), value)), value)
    raise AmountParseError(f"{value!r} is not an amount")


def _scaled(value: object, unit: int) -> int | None:
    """A plain number times ``unit``, exactly; None when the value is not a plain number."""
    if isinstance(value, int | float):
        if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
            return None
        return _round_half_up(Decimal(repr(value)) * unit)
    if isinstance(value, str):
        text = nfkc(value).replace("，", ",")
        if _PLAIN_DECIMAL.fullmatch(text):
            return _round_half_up(Decimal(text.replace(",", "")) * unit)
    return None
