"""Readings (よみ) of company and person names: derived, folded, sorted and compared.

A reading comes from the source when it has one (a card's SOUND / X-PHONETIC / SORT-AS, a
フリガナ column); otherwise it is derived here with janome (a morphological analyser with the
MeCab IPADIC dictionary; why janome: docs/readings.md). Legal forms (株式会社, ㈱, Co., Ltd. ...)
are never part of a reading, so 「株式会社山田製作所」 sorts under や.

Readings are hiragana with one space between family and given name (やまだ たろう). The
analyser is loaded on first use, once per process; without it (a build that leaves it out) only
names written in kana get a derived reading.
"""

from __future__ import annotations

import re
import sys
import threading
import unicodedata
from functools import cache, lru_cache

from importers.normalize.text import nfkc

# NFKC has turned ㈱ / （株） into (株) by the time these run.
_LEGAL_JA = re.compile(
    r"株式会社|有限会社|合同会社|合資会社|合名会社|相互会社|"
    r"(?:一般|公益)?(?:社団|財団)法人|特定非営利活動法人|NPO法人|医療法人|学校法人|社会福祉法人|"
    r"\(\s*(?:株|有|同|資|名|社|財)\s*\)"
)
_LEGAL_EN = re.compile(
    r"[\s,.]*(?<![a-z0-9])(?:co\.?\s*,?\s*ltd\.?|company\s+limited|corporation|corp\.?"
    r"|incorporated|inc\.?|k\.\s*k\.?|kk|llc\.?|ltd\.?|limited|gmbh|plc"
    r"|kabushiki\s*kaisha|kabushiki\s*gaisha|yugen\s*kaisha)$",
    re.IGNORECASE,
)
_LEGAL_EN_HEAD = re.compile(r"^(?:kabushiki\s*kaisha|kabushiki\s*gaisha|k\.\s*k\.)\s+", re.I)
_HONORIFICS = re.compile(r"\s*(?:御中|様|殿|各位)$")
_KANA = re.compile(r"^[\u3041-\u309f\u30a0-\u30ff\s・ー]+$")
_HAS_KANA_OR_KANJI = re.compile(r"[\u3041-\u30ff\u3400-\u9fff々〆ヶ]")
_LATIN = re.compile(r"^[A-Za-z0-9\s&.,'\-]+$")
_NOT_KANA = re.compile(r"[^\u3041-\u309f]")


def strip_legal_form(name: str) -> str:
    """'株式会社 山田製作所' / '山田製作所(株)' / 'Minato Kogyo Co., Ltd.' -> the name alone."""
    s = _HONORIFICS.sub("", nfkc(name or ""))
    s = _LEGAL_JA.sub("", s)
    prev = None
    while prev != s:
        prev = s
        s = _LEGAL_EN.sub("", s).strip()
        s = _LEGAL_EN_HEAD.sub("", s)
    return " ".join(s.split()).strip(" ,.・")


def to_hiragana(text: str) -> str:
    """Katakana (full- or half-width) to hiragana; everything else unchanged."""
    s = nfkc(text or "")
    return "".join(chr(ord(c) - 0x60) if "\u30a1" <= c <= "\u30f6" else c for c in s)


_LOCK = threading.Lock()  # one tokenizer per process, shared by the app's reader threads


@cache
def _tokenizer():
    """janome's tokenizer, loaded once per process (about 0.5 s); None when not installed."""
    try:
        from janome import sysdic
        from janome.tokenizer import Tokenizer
    except ImportError:
        return None
    from janome.dic import LoadingDictionaryError

    from importers.normalize.janome_files import mappable

    # janome memory-maps its dictionary's files on 64-bit (~90 MB of memory instead of ~340 MB);
    # in the frozen build they are unpacked from its zip first (janome_files.py).
    try:
        return Tokenizer(mmap=sys.maxsize > 2**32 and mappable(sysdic))
    except LoadingDictionaryError:
        # the frozen build's dictionary files are LZMA members of its zip, which zipimport
        # cannot read: when they could not be unpacked (janome_files.py logged why), no
        # reading is derived, as without janome
        return None


def _tokens(text: str) -> list:
    tokenizer = _tokenizer()
    if tokenizer is None:
        return []
    with _LOCK:
        return list(tokenizer.tokenize(text))


def analyser_available() -> bool:
    return _tokenizer() is not None


@lru_cache(maxsize=65536)
def _read(text: str) -> str | None:
    """The hiragana reading of a text, or None when a part of it has no known reading."""
    if not text:
        return None
    if _KANA.match(text):
        return to_hiragana(text).replace("・", "")
    if _tokenizer() is None:
        return None
    out = []
    for token in _tokens(text):
        reading = token.reading
        if reading and reading != "*":
            out.append(reading)
        elif _KANA.match(token.surface) or token.surface.isspace():
            out.append(token.surface.strip())
        elif _LATIN.match(token.surface):
            out.append(token.surface.lower())  # 'NTTデータ': the letters stay letters
        else:
            return None  # a kanji with no reading: no reading is better than a wrong one
    return to_hiragana("".join(out)).replace("・", "") or None


def company_reading(name: str | None) -> str | None:
    """The derived reading of a company name without its legal form: '株式会社山田製作所' ->
    'やまだせいさくしょ'. None for Latin-only names ('Minato Kogyo') and unknown kanji."""
    bare = strip_legal_form(name or "")
    if not bare or not _HAS_KANA_OR_KANJI.search(bare):
        return None
    return _read(bare.replace(" ", ""))


def person_reading(name: str | None) -> str | None:
    """'山田 太郎' -> 'やまだ たろう' (each part read on its own); None when unknown."""
    parts = nfkc(name or "").split()
    if not parts or not any(_HAS_KANA_OR_KANJI.search(p) for p in parts):
        return None
    readings = [_read(p) for p in parts]
    if any(r is None for r in readings):
        return None
    return " ".join(r for r in readings if r)


def reading_for_sort(reading: str | None) -> str:
    """A reading as a sort key: hiragana, no spaces, legal forms out (a card's 「カブシキガイシャ
    ヤマダ」 sorts under や too)."""
    s = to_hiragana(reading or "").replace(" ", "").replace("・", "")
    for form in ("かぶしきがいしゃ", "かぶしきかいしゃ", "ゆうげんがいしゃ", "ごうどうがいしゃ"):
        s = s.removeprefix(form).removesuffix(form)
    return s


def sort_key(reading: str | None, name: str | None) -> tuple[int, str]:
    """50音順: names with a reading (or written in kana) by that reading, before the rest."""
    key = reading_for_sort(reading)
    if key:
        return (0, key)
    bare = to_hiragana(strip_legal_form(name or ""))
    return (0 if bare[:1] and "\u3041" <= bare[0] <= "\u309f" else 1, bare)


# --------------------------------------------------------------------------- across scripts

# Long vowels are written every way in romaji (Kōgyō, Kougyou, Kogyo, Kohgyoh): fold them.
_LONG = [
    ("ou", "o"),
    ("oo", "o"),
    ("oh", "o"),
    ("uu", "u"),
    ("aa", "a"),
    ("ii", "i"),
    ("ee", "e"),
]
_MACRONS = str.maketrans("āīūēōâîûêô", "aiueoaiueo")


def romaji_key(text: str | None) -> str:
    """A comparable romanisation: kana are romanised (Hepburn as typed), macrons and long
    vowels folded, m before b/p read as n, only letters kept. 'ミナト工業' needs its reading
    first: pass 'みなとこうぎょう'. 'Minato Kōgyō' and 'みなとこうぎょう' -> 'minatokogyo'."""
    s = nfkc(text or "").lower()
    if re.search(r"[\u3041-\u30ff]", s):
        import jaconv

        s = jaconv.kana2alphabet(to_hiragana(s).replace("ー", "-"))
        s = re.sub(r"([aiueo])-", r"\1\1", s)  # 'ポンプー' -> long vowel, folded below
    # macrons and accents (Kōgyō) after the kana: NFKD would split が into か + a dakuten
    s = unicodedata.normalize("NFKD", s.translate(_MACRONS))
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = re.sub(r"[^a-z]", "", s)
    s = re.sub(r"m(?=[bp])", "n", s)
    for long_, short in _LONG:
        s = s.replace(long_, short)
    return s


def name_romaji_key(name: str | None, reading: str | None = None, *, derive: bool = True) -> str:
    """The cross-script key of a company: from its reading (given, or derived unless
    ``derive`` is False), else from a Latin name itself. '' when neither gives one."""
    if reading:
        return romaji_key(reading_for_sort(reading))
    bare = strip_legal_form(name or "")
    if bare and not _HAS_KANA_OR_KANJI.search(bare):  # 'Minato Kōgyō'
        return romaji_key(bare)
    if bare and _KANA.match(bare):  # 'ミナト': no analyser needed
        return romaji_key(bare)
    derived = company_reading(name) if derive else None
    return romaji_key(derived) if derived else ""


def text_reading(text: str) -> str:
    """The hiragana reading of free text (a transcript); unknown parts left out."""
    s = nfkc(text or "")
    if _tokenizer() is None:
        return to_hiragana(s)
    out = []
    for token in _tokens(s):
        r = token.reading if token.reading and token.reading != "*" else token.surface
        out.append(r)
    return _NOT_KANA.sub("", to_hiragana("".join(out)))
