"""A mail body without what is not this mail's own words: the quoted history and the signature.

The history starts at the first attribution line ('-----Original Message-----', '… wrote:',
'…さんは書きました：', Outlook's 'From: / Sent:' block) and every '>' line is a quote. The
signature is the block after the last separator ('-- ', a rule of ─ = - * _ ＝) that looks like
one (a phone number, an e-mail address or a company), else a last short paragraph that does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ORIGINAL = re.compile(
    r"^\s*[-_=]{2,}\s*(original message|元のメッセージ|forwarded message|転送メッセージ|"
    r"オリジナルメッセージ)\s*[-_=]{2,}\s*$",
    re.IGNORECASE,
)
_WROTE = re.compile(
    r"(wrote|writes|a écrit|schrieb)\s*[:：]\s*$|"
    r"(さんは書きました|は書きました|さんからのメール|のメッセージ)\s*[:：]\s*$|"
    r"^\s*\d{4}[年/.-]\s*\d{1,2}[月/.-]\s*\d{1,2}.*<[^>@\s]+@[^>\s]+>\s*[:：]?\s*$",
    re.IGNORECASE,
)
_HEADER_FROM = re.compile(r"^\s*\*?(from|差出人|送信者)\s*\*?\s*[:：]", re.IGNORECASE)
_HEADER_NEXT = re.compile(r"^\s*\*?(sent|date|送信日時|日時|to|宛先)\s*\*?\s*[:：]", re.IGNORECASE)
_QUOTED = re.compile(r"^\s*[>＞|]")
_RULE = re.compile(r"^\s*(--|[-─━=＝*＊_＿~〜・※+]{4,}.*[-─━=＝*＊_＿~〜・※+]{0,})\s*$")
_PHONE = re.compile(
    r"(tel|fax|携帯|電話|mobile|phone)\s*[:：.]?\s*\+?[\d０-９][\d０-９()（）\- ‐－]{7,}", re.I
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_COMPANY = re.compile(
    r"株式会社|有限会社|合同会社|\(株\)|（株）|co\.,? ?ltd|inc\.|corporation", re.I
)
MAX_SIGNATURE_LINES = 15


@dataclass
class Body:
    text: str  # this mail's own words
    signature: str  # the signature block ('' when none was found)
    quoted: bool  # some history was cut


def split_body(text: str) -> Body:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    cut = _history_start(lines)
    own = lines[:cut]
    quoted = cut < len(lines)
    kept = [ln for ln in own if not _QUOTED.match(ln)]
    quoted = quoted or len(kept) < len(own)
    own = _trim(kept)
    start = _signature_start(own)
    signature = _trim(own[start:]) if start is not None else []
    if start is not None:
        own = _trim(own[:start])
    while signature and (_RULE.match(signature[0]) or signature[0].strip() == "--"):
        signature = _trim(signature[1:])
    while signature and _RULE.match(signature[-1]):
        signature = _trim(signature[:-1])
    return Body("\n".join(own), "\n".join(signature), quoted)


def _history_start(lines: list[str]) -> int:
    for i, line in enumerate(lines):
        if _ORIGINAL.match(line):
            return i
        if _WROTE.search(line) and not _QUOTED.match(line):
            # 'On Mon, 1 Jan 2024, Tamura <t@x.jp>' + 'wrote:' wrapped over two lines
            before = lines[i - 1].strip() if i > 0 else ""
            if (
                before
                and not before.endswith(("。", "."))
                and re.match(r"(on|\d{4})", before, re.I)
            ):
                return i - 1
            return i
        if _HEADER_FROM.match(line) and any(_HEADER_NEXT.match(n) for n in lines[i + 1 : i + 4]):
            return i
    return len(lines)


def _looks_like_signature(block: list[str]) -> bool:
    text = "\n".join(block)
    marks = bool(_PHONE.search(text)) + bool(_EMAIL.search(text)) + bool(_COMPANY.search(text))
    return 0 < len(block) <= MAX_SIGNATURE_LINES and marks >= 1


def _signature_start(lines: list[str]) -> int | None:
    for i in range(len(lines) - 1, -1, -1):
        rule = lines[i].strip() == "--" or bool(_RULE.match(lines[i]))
        # a boxed signature (a rule above and below) is found at its upper rule, since
        # nothing after the lower one looks like a signature
        if rule and _looks_like_signature(_trim(lines[i + 1 :])):
            return i
    # no separator: a last short paragraph with two signs of a signature
    blank = max((i for i, ln in enumerate(lines) if not ln.strip()), default=None)
    if blank is not None:
        block = lines[blank + 1 :]
        text = "\n".join(block)
        marks = bool(_PHONE.search(text)) + bool(_EMAIL.search(text)) + bool(_COMPANY.search(text))
        if 0 < len(block) <= 10 and marks >= 2:
            return blank + 1
    return None


def _trim(lines: list[str]) -> list[str]:
    start, end = 0, len(lines)
    while start < end and not lines[start].strip():
        start += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    return [ln.rstrip() for ln in lines[start:end]]
