"""A mail signature read as a business card (importers.cards.ocr.extract_contact).

Typed signatures put several card lines on one line, separated by spaces the writer meant
('株式会社山田製作所 購買部', '課長 田村 一郎'), where OCR text has spaces it did not: each such
line is split into company, department-and-title, and name lines before the card reader sees it.
"""

from __future__ import annotations

import re

from importers.cards.model import CardContact
from importers.cards.ocr import ends_with_title, extract_contact

_COMPANY = re.compile(
    r"株式会社|有限会社|合同会社|\(株\)|（株）|\b(co\.,?|inc\.?|ltd\.?|corp\.?)", re.I
)
_DEPARTMENT = re.compile(
    r"(部|課|室|グループ|センター|チーム|本部|支店|営業所|工場|事業所|係|Dept\.?|Division)$"
)
_CONTACT_LINE = re.compile(r"[@\d〒]|https?://|tel|fax", re.I)


def signature_card(text: str, filename: str) -> CardContact:
    lines: list[tuple[str, str]] = []
    for line in text.splitlines():
        for role, part in _split(line.strip(" \t|│┃*＊")):
            if role == "office" and lines and lines[-1][0] == "office":  # '購買部' + '課長'
                lines[-1] = ("office", f"{lines[-1][1]} {part}")
            else:
                lines.append((role, part))
    return extract_contact("\n".join(part for _role, part in lines), filename)


def _split(line: str) -> list[tuple[str, str]]:
    """(role, text) lines: role 'company' | 'office' (department, title) | 'other'."""
    tokens = line.replace("\u3000", " ").split()
    if len(tokens) < 2 or _CONTACT_LINE.search(line):
        return [("other", line)]
    company, office, name = [], [], []
    for t in tokens:
        if _COMPANY.search(t) or (
            company and not office and not name and t.lower() in ("co.,", "ltd.")
        ):
            company.append(t)
        elif _DEPARTMENT.search(t) or ends_with_title(t):
            office.append(t)
        else:
            name.append(t)
    if not company and not office:
        return [("other", line)]
    parts = (("company", company), ("office", office), ("other", name))
    return [(role, " ".join(p)) for role, p in parts if p]
