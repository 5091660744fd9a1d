"""Contact-person cells: split '青木課長様' into a name and a job title, and lists into people."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from importers.normalize.text import nfkc


@dataclass(frozen=True)
class PersonName:
    """One person: the name as written (spaces normalised), their title, and a matching key."""

    name: str
    title: str | None
    normalized: str


_TITLES = (
    "代表取締役社長", "代表取締役", "取締役", "社長", "副社長", "専務", "常務", "本部長",
    "事業部長", "部長代理", "副部長", "部長", "次長", "課長代理", "課長補佐", "課長", "係長",
    "主任", "主査", "主事", "工場長", "所長", "支店長", "室長", "班長", "職長", "担当", "担当者",
    "リーダー", "マネージャー", "マネジャー", "GL", "PL",
)  # fmt: skip
# longest first, so that 本部長 is not read as 本 + 部長
_TITLES_BY_LENGTH = tuple(sorted(_TITLES, key=len, reverse=True))
_HONORIFICS = ("さま", "さん", "くん", "御中", "様", "殿", "氏", "君")
_HONORIFIC_END = re.compile(r"\s*(?:" + "|".join(_HONORIFICS) + r")$")
_TRAILING_NOTE = re.compile(r"(?<=\S)\s*\([^()]*\)$")
_SPACES = re.compile(r"\s+")
# 'ご担当者' / '御担当' leave a bare polite prefix once the title is gone
_POLITE_ONLY = frozenset({"", "ご", "御", "お"})
_NONE = frozenset({"-", "--", "ー", "なし", "無し", "不明", "n/a"})
_OTHERS = re.compile(r"\s*(?:他|ほか|外|以下)\s*(?:\d+|数|[一二三四五六七八九十]+)?\s*[名人]様?")
_TOKEN_SUFFIXES = (*_TITLES_BY_LENGTH, "さま", "さん", "様", "殿", "氏")
# '・' separates people, except inside a katakana name such as ジョン・スミス; 'と' only right
# after a title or honorific ('青木課長と石井主任'), since it is common inside names
_SEPARATORS = re.compile(
    r"[、,;/&\n]|(?<![ァ-ヿ])・|・(?![ァ-ヿ])|(?:"
    + "|".join(f"(?<={t})" for t in _TOKEN_SUFFIXES if not t.isascii())
    + ")と"
)


def _split_title(s: str) -> tuple[str, str | None]:
    # GL / PL are typed in either case, but 'Opl' is not a title
    upper_tail = s[-2:].upper() if not (s[-3:-2].isascii() and s[-3:-2].isalpha()) else ""
    for title in _TITLES_BY_LENGTH:
        if s.endswith(title) or (title.isascii() and upper_tail == title):
            return s[: -len(title)].rstrip(), title
    head, _, rest = s.partition(" ")
    if rest and head in _TITLES:  # '課長 青木'
        return rest, head
    return s, None


@lru_cache(maxsize=16384)
def _split_person(text: str) -> PersonName | None:
    s = _SPACES.sub(" ", nfkc(text))
    s = _TRAILING_NOTE.sub("", s)
    s = _OTHERS.sub("", s).strip()
    if s.lower() in _NONE:
        return None
    while True:
        stripped = _HONORIFIC_END.sub("", s)
        if stripped == s:
            break
        s = stripped
    name, title = _split_title(s)
    name = _HONORIFIC_END.sub("", name).strip()  # '青木様 課長'
    if name in _POLITE_ONLY:
        return None
    return PersonName(name=name, title=title, normalized=name.replace(" ", ""))


def split_person(text: str) -> PersonName | None:
    """'青木課長様' -> PersonName('青木', '課長', '青木'); None when there is no name."""
    if not isinstance(text, str):
        return None if text is None else split_person(str(text))
    return _split_person(text)


def _has_name_and_suffix(token: str) -> bool:
    return any(token.endswith(x) and len(token) > len(x) for x in _TOKEN_SUFFIXES)


def _chunks(text: str) -> list[str]:
    chunks = []
    for part in _SEPARATORS.split(_OTHERS.sub(" ", nfkc(text))):
        tokens = part.split()
        # '青木課長 石井主任' is two people but '青木 一郎 様' and '課長 青木' are one: break
        # after a token that carries both a name and a title/honorific
        current: list[str] = []
        for token in tokens:
            current.append(token)
            if _has_name_and_suffix(token):
                chunks.append(" ".join(current))
                current = []
        if current:
            chunks.append(" ".join(current))
    return chunks


@lru_cache(maxsize=4096)
def _split_people(text: str) -> tuple[PersonName, ...]:
    people: dict[str, PersonName] = {}
    for chunk in _chunks(text):
        person = _split_person(chunk)
        if person is not None and person.normalized not in people:
            people[person.normalized] = person
    return tuple(people.values())


def split_people(text: str) -> list[PersonName]:
    """'青木課長、石井主任' / '青木課長・石井様' / '青木課長 他2名' -> one PersonName each."""
    if not isinstance(text, str):
        return [] if text is None else split_people(str(text))
    return list(_split_people(text))
