"""Text clean-up shared by every normaliser: width folding and cell-to-text conversion."""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata

# After NFKC, dashes and wave dashes still come in many code points; Excel users type whichever
# their IME offers, so fold them to one form. The katakana long-vowel mark (ー) is left alone
# because it is part of words.
_FOLD = str.maketrans(
    {
        "\u301c": "~",  # 〜 wave dash
        "\u223c": "~",  # ∼ tilde operator
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",  # ― horizontal bar
        "\u2043": "-",
        "\u2212": "-",  # − minus sign
        "\ufe63": "-",
    }
)


# str.translate costs more than NFKC itself, and these characters are rare: look first
_NEEDS_FOLD = re.compile("[" + "".join(chr(c) for c in _FOLD) + "]")


def nfkc(s: str) -> str:
    """NFKC + strip, with dashes folded to '-' and wave dashes to '~'."""
    if s.isascii():  # NFKC is the identity on ASCII: skip the Unicode machinery
        return s.strip()
    s = unicodedata.normalize("NFKC", s)
    if _NEEDS_FOLD.search(s):
        s = s.translate(_FOLD)
    return s.strip()


def clean_cell(value: object) -> str:
    """Any cell value -> stripped display text ('' for None); integral floats lose their .0."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):  # before int: bool is an int subclass
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        if value.is_integer():
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):  # before date: datetime is a date subclass
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds" if value.second else "minutes")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.isoformat(timespec="seconds" if value.second else "minutes")
    return str(value).strip()
