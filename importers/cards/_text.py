"""Thin, lazily-imported bridges to importers.normalize, with stdlib fallbacks."""

from __future__ import annotations

import re
import unicodedata

_CJK = r"\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f々〆ヶ"
CJK_CHAR = re.compile(f"[{_CJK}]")
_SPACES = re.compile(r"\s+")


def nfkc(s: str) -> str:
    """Width folding (full-width digits/letters, half-width kana), dashes folded, stripped."""
    try:
        from importers.normalize.text import nfkc as _nfkc
    except ImportError:  # pragma: no cover - only while importers.normalize is being written
        return unicodedata.normalize("NFKC", s).strip()
    return _nfkc(s)


def clean(s: str | None) -> str:
    """Trimmed text with runs of whitespace collapsed to one space (width left as written)."""
    if not s:
        return ""
    return _SPACES.sub(" ", s.replace("\u3000", " ")).strip()


def has_cjk(s: str) -> bool:
    return bool(CJK_CHAR.search(s))


def join_name(family: str, given: str) -> str:
    """'青木' + '一郎' -> '青木 一郎'; 'Ichiro' + 'Aoki' for Western names -> 'Ichiro Aoki'."""
    family, given = clean(family), clean(given)
    if not family or not given:
        return family or given
    if has_cjk(family) or has_cjk(given):
        return f"{family} {given}"
    return f"{given} {family}"


# Title words, longest first so '課長代理' wins over '課長'. Used to split '製造部 課長' into
# department and title, and by OCR to find the title line.
TITLE_WORDS = sorted(
    {
        "代表取締役社長",
        "代表取締役",
        "取締役社長",
        "専務取締役",
        "常務取締役",
        "取締役",
        "執行役員",
        "代表",
        "会長",
        "社長",
        "副社長",
        "専務",
        "常務",
        "本部長",
        "副本部長",
        "事業部長",
        "部長",
        "副部長",
        "次長",
        "課長",
        "課長代理",
        "係長",
        "主任",
        "主査",
        "主事",
        "室長",
        "所長",
        "工場長",
        "支店長",
        "店長",
        "センター長",
        "グループ長",
        "チームリーダー",
        "リーダー",
        "マネージャー",
        "マネジャー",
        "シニアマネージャー",
        "担当",
        "営業担当",
        "顧問",
        "参与",
        "理事",
        "CEO",
        "CTO",
        "CFO",
        "COO",
        "President",
        "Vice President",
        "Director",
        "Manager",
        "General Manager",
        "Senior Manager",
        "Chief",
        "Engineer",
        "Sales Representative",
    },
    key=len,
    reverse=True,
)
_DEPT_END = re.compile(
    r"^(?P<dept>.*?(?:部|課|室|係|グループ|センター|本部|事業部|支店|営業所|工場|チーム|Division|Department|Dept\.?))"
    r"\s*(?P<title>\S.*)$"
)


def split_title(title: str, department: str = "") -> tuple[str, str]:
    """'製造部 課長' (with no department given) -> ('課長', '製造部'); otherwise unchanged."""
    title = clean(title)
    if department or not title:
        return title, department
    m = _DEPT_END.match(title)
    if m and any(
        m.group("title").strip().startswith(w) or m.group("title").strip() == w for w in TITLE_WORDS
    ):
        return m.group("title").strip(), m.group("dept").strip()
    return title, department


def person_name(text: str) -> tuple[str, str]:
    """'青木 一郎 様' -> ('青木 一郎', ''); '青木課長' -> ('青木', '課長'), via importers.normalize."""
    text = clean(text)
    if not text:
        return "", ""
    try:
        from importers.normalize.people import split_person
    except ImportError:  # pragma: no cover - only while importers.normalize is being written
        return text, ""
    person = split_person(text)
    if person is None or not person.name:
        return text, ""
    return person.name, person.title or ""


def company_display(text: str) -> str | None:
    """The cleaned written form of a company when importers.normalize sees a legal form in it
    (株式会社, (株), Co., Ltd. ...), else None."""
    try:
        from importers.normalize.companies import normalize_company
    except ImportError:  # pragma: no cover
        return None
    name = normalize_company(text)
    if name is None:
        return None
    plain = re.sub(r"\s+", "", name.display.lower())
    return name.display if name.normalized.replace(" ", "") != plain else None
