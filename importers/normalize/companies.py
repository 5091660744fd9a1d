"""Company names: a clean display form and a matching key without legal forms or honorifics."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from importers.normalize.text import nfkc


@dataclass(frozen=True)
class CompanyName:
    """A company as written (cleaned) and the key used to match it across workbooks."""

    display: str
    normalized: str


_SPACES = re.compile(r"\s+")
# NFKC has already turned ㈱ and （株） into (株)
_HONORIFICS = ("御中", "様", "さま", "殿", "各位")
_LEGAL_JA = re.compile(r"株式会社|有限会社|合同会社|合資会社|合名会社|\(\s*(?:株|有|同|資|名)\s*\)")
# English legal forms only at the end: 'Inc' inside a name is part of the name
_LEGAL_EN = re.compile(
    r"[\s,.]*(?<![a-z0-9])(?:co\.?\s*,?\s*ltd\.?|company\s+limited|corporation|corp\.?"
    r"|incorporated|inc\.?|k\.\s*k\.?|kk|llc\.?|l\.l\.c\.|ltd\.?|limited|gmbh|plc)$"
)
_EN_TAIL = frozenset("abcdefghijklmnopqrstuvwxyz.")
_NONE = frozenset({"", "-", "--", "---", "ー", "なし", "無し", "ナシ", "n/a", "none", "該当なし"})


@lru_cache(maxsize=65536)
def _normalize(text: str) -> CompanyName | None:
    display = nfkc(text)
    if "  " in display or not display.isprintable():  # runs of spaces, tabs, line breaks
        display = _SPACES.sub(" ", display)
    while display.endswith(_HONORIFICS):
        for honorific in _HONORIFICS:
            if display.endswith(honorific):
                display = display[: -len(honorific)].rstrip()
                break
    key = display.lower()
    if key in _NONE:
        return None
    # the regexes below are searches: run them only when their text can be there
    while key and key[-1] in _EN_TAIL:
        stripped = _LEGAL_EN.sub("", key)
        if stripped == key:
            break
        key = stripped
    if "会社" in key or "(" in key:
        key = _LEGAL_JA.sub("", key)
    key = "".join(key.split()).strip(",.・")
    if not key:  # only a legal form, e.g. '株式会社'
        return None
    return CompanyName(display=display, normalized=key)


def normalize_company(text: str) -> CompanyName | None:
    """Company cell text -> CompanyName; None for blanks and 'nothing' markers ('-', 'なし')."""
    if text is None:
        return None
    if not isinstance(text, str):
        text = str(text)
    return _normalize(text)
