"""Postal codes: Japanese 〒 codes in the 123-4567 form, and the foreign shapes cards carry.

A Japanese address (or none with a 7-digit code) must have a Japanese code; a foreign address
may carry its own country's: US ZIP / ZIP+4 (27613-3502), Canada (L3Y 4A1), UK (SW1A 1AA),
the Netherlands (1012 AB), and the 4- to 6-digit codes of most of Europe and Asia.
"""

from __future__ import annotations

import re

from importers.normalize.text import nfkc

_DASHES = re.compile(r"[\-‐‑‒–—―−ー－ｰ﹣]")
_JAPANESE = re.compile(r"^(?:〒|T|郵便番号[:：]?)?\s*(\d{3})\s*-?\s*(\d{4})$")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
_FOREIGN = (
    re.compile(r"^\d{5}(?:-\d{4})?$"),  # US ZIP, ZIP+4; Germany, France, Italy ... (5 digits)
    re.compile(r"^[A-Z]\d[A-Z] ?\d[A-Z]\d$"),  # Canada
    re.compile(r"^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$"),  # United Kingdom
    re.compile(r"^\d{4} ?[A-Z]{2}$"),  # the Netherlands
    re.compile(r"^\d{4,6}$"),  # Australia, Switzerland, China, India, Singapore ...
    re.compile(r"^\d{3} \d{2}$"),  # Sweden, Czechia, Greece
    re.compile(r"^\d{2}-\d{3}$"),  # Poland
)


def normalize_postal_code(value: str, address: str = "") -> str | None:
    """'〒123-4567', '1234567', '１２３－４５６７' -> '123-4567'; 'l3y 4a1' -> 'L3Y 4A1' when the
    address is not Japanese (or not known); None when the code fits no shape."""
    s = _DASHES.sub("-", nfkc(value or ""))
    m = _JAPANESE.match(s)
    if m:
        return f"{m.group(1)}-{m.group(2)}"
    if address and _CJK.search(address):
        return None  # a Japanese address with a code that is not Japanese: a misprint
    code = " ".join(s.upper().split())
    return code if any(p.match(code) for p in _FOREIGN) else None
