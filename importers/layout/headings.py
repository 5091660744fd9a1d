"""A heading as reps write it -> the words to match, its unit and its tax note.

「■ 受注見込み金額（税抜・千円）:」 is matched as 受注見込み金額, scales its numbers by 1,000 and
notes 税抜; 「お客様名（社名）」 is matched as 客名 and 社名; 「提案・商談の概要」 as both of its parts;
「Customer Name / 顧客名」 as customername and 顧客名. Shipped synonyms go through the same steps, so
both sides of a comparison always agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from importers.normalize.text import nfkc

# Decorations reps put around a heading or a form label (after NFKC: ［］ -> [] and so on).
_DECORATION = re.compile(r"[■□◆◇●○◎★☆※▼▽▲△►▶◀◁♦◉*#~_=]+")
_WRAPPERS = {
    "【": "】",
    "≪": "≫",
    "《": "》",
    "[": "]",
    "〔": "〕",
    "<": ">",
    "「": "」",
    "『": "』",
    "(": ")",
    "〈": "〉",
}
_QUALIFIER = re.compile(r"[(\[【〔<〈《≪「『]([^)\]】〕>〉》≫」』]*)[)\]】〕>〉》≫」』]")
_TRAILING = re.compile(r"[:;,.、。\s]+$")
_SPACE = re.compile(r"\s+")
# Compound headings: 「提案・商談の概要」「面会相手／役職」「Customer Name / 顧客名」「所感及び反省」
_SPLIT = re.compile(r"\s*(?:・|/|\||、|,|&|及び|および|並びに|ならびに|\band\b)\s*")
# ご・お・御 before a kanji is politeness, not meaning (ご出席者, お客様, 御社名); 様 likewise.
_HONORIFIC = re.compile(r"(?:(?<=^)|(?<=[\u4e00-\u9fff]))[ごお御](?=[\u4e00-\u9fff])")
_SAMA = re.compile(r"(?<=.)様")
_UNIT_MULTIPLIER = {"億円": 100_000_000, "百万円": 1_000_000, "万円": 10_000, "千円": 1_000}
_TAX = ("税抜", "税別", "税込")


_SEPARATORS = re.compile(r"[・/|、,&]")


@dataclass(frozen=True)
class Heading:
    written: str
    key: str  # the whole heading, normalised (compound separators dropped)
    parts: tuple[str, ...]  # its compound parts (the whole key when it has only one)
    qualifiers: tuple[str, ...]  # what stood in brackets, normalised (社名, 担当者 …)
    multiplier: int = 1  # 千円 -> 1000: plain numbers below are in that unit
    tax: str | None = None  # 税抜 / 税込 as written beside an amount
    decorated: bool = False  # ■, 【】, a trailing colon …: written as a label, not as a value
    words: tuple[tuple[str, ...], ...] = ()  # per part, its Latin words (for English keywords)


def _unwrap(text: str) -> str:
    """「【訪問先】」「≪訪問先≫」「[日付]」: a heading wholly in brackets is the heading itself."""
    while len(text) >= 2 and _WRAPPERS.get(text[0]) == text[-1]:
        inner = text[1:-1].strip()
        if not inner or _QUALIFIER.search(inner):
            break
        text = inner
    return text


def fold(text: str) -> str:
    """One word of a heading as it is compared: no spaces, honorifics, colons; lower case."""
    text = _SPACE.sub("", text).lower()
    text = _HONORIFIC.sub("", text)
    text = _SAMA.sub("", text)
    return _TRAILING.sub("", text)


# Any character one of the steps below acts on; most cells of a sheet have none of them.
_SPECIAL = re.compile(
    r"[\s■□◆◇●○◎★☆※▼▽▲△►▶◀◁♦◉*#~_=【】≪≫《》\[\]〔〕<>「」『』()〈〉:;,.、。・/|&ごお御様及並税円]"
)


@lru_cache(maxsize=8192)
def parse_heading(written: str) -> Heading:
    text = nfkc(str(written))
    if not _SPECIAL.search(text):  # a plain word: nothing to strip, split or scale
        key = text.lower()
        words = (tuple(re.findall(r"[a-z0-9]+", key)),)
        return Heading(str(written), key, (key,), (), 1, None, False, words)
    decorated = bool(_DECORATION.search(text) or re.search(r"[:]\s*$", text))
    decorated = decorated or (len(text) >= 2 and _WRAPPERS.get(text[0]) == text[-1])
    text = _TRAILING.sub("", text)
    text = _DECORATION.sub(" ", text).strip() if not _only_decoration(text) else text
    text = _TRAILING.sub("", _unwrap(text.strip()))
    text = re.sub(r"[:：]\s*$", "", text)
    qualifiers = tuple(q for q in (fold(m) for m in _QUALIFIER.findall(text)) if q)
    bare = _QUALIFIER.sub(" ", text).strip() or text
    multiplier, tax = _unit(text)
    raw_parts = [p for p in _SPLIT.split(bare) if fold(p)]
    parts = tuple(fold(p) for p in raw_parts)
    words = tuple(tuple(re.findall(r"[a-z0-9]+", p.lower())) for p in raw_parts)
    key = _SEPARATORS.sub("", fold(bare))
    qualifiers = tuple(q for part in qualifiers for q in (fold(p) for p in _SPLIT.split(part)) if q)
    return Heading(
        str(written), key, parts or (key,), qualifiers, multiplier, tax, decorated, words
    )


def _only_decoration(text: str) -> bool:
    return not _DECORATION.sub("", text).strip()


def _unit(text: str) -> tuple[int, str | None]:
    multiplier = 1
    for unit, factor in _UNIT_MULTIPLIER.items():  # longest first: 百万円 before 万円
        if unit in text:
            multiplier = factor
            break
    else:
        # 「金額（万）」「売上(千)」: the yen is implied
        m = re.search(r"[(\[【〔]\s*(億|百万|万|千)\s*[)\]】〕]", text)
        if m:
            multiplier = _UNIT_MULTIPLIER[m[1] + "円"]
    tax = next((t for t in _TAX if t in text), None)
    if tax == "税別":
        tax = "税抜"
    return multiplier, tax
