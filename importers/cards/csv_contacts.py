"""Contact CSV exports (Eight, Sansan, CamCard, Outlook, Google, Thunderbird ...), by header name.

The header row is found wherever it is: Eight writes a generation line (「…にEightで生成された名刺
リストです。」), 合計 N 件, notes and blank lines before it; other tools add a title or a notes
line. The row among the first ``HEADER_SCAN_ROWS`` that names the most known columns wins.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
from functools import lru_cache

from importers.cards._text import clean, has_cjk, join_name, nfkc, person_name, split_title
from importers.cards.csv_headers import FIELD_SYNONYMS, IDENTIFYING_FIELDS, KNOWN_IGNORED
from importers.cards.model import CardContact, CardParseResult
from importers.cards.validate import check_contact
from importers.messages import join, msg, place, resolve

_KEY_DROP = re.compile(r"[\s\-_・/]+")
_NUMBERED = re.compile(r"^(phone|email|e-mail)(\d+)(type|label|value)$")
_DATE = re.compile(r"^(\d{4})\s*[/\-.年]\s*(\d{1,2})\s*[/\-.月]\s*(\d{1,2})\s*日?(?:[\sT].*)?$")
_DATE8 = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_TAG_SPLIT = re.compile(r"\s*(?:,|;|、|:::)\s*")
_MAX_LISTED = 12
HEADER_SCAN_ROWS = 40


def header_key(h: str) -> str:
    return _KEY_DROP.sub("", nfkc(h or "").casefold())


@lru_cache(maxsize=1)
def _synonyms() -> dict[str, tuple[str, int]]:
    """header key -> (field, priority)."""
    out: dict[str, tuple[str, int]] = {}
    for field_name, names in FIELD_SYNONYMS.items():
        for i, name in enumerate(names):
            out.setdefault(header_key(name), (field_name, i))
    return out


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' / 'utf-16-be' when the bytes look like UTF-16 text with no BOM (ASCII-heavy
    text has a NUL in every other byte), else None."""
    head = data[:4000]
    if len(head) < 4 or head.count(0) < len(head) // 4:
        return None
    odd, even = head[1::2].count(0), head[0::2].count(0)
    return "utf-16-le" if odd > even else "utf-16-be"


def decode_csv_bytes(data: bytes) -> tuple[str, str, bool]:
    """(text, encoding, had_undecodable_bytes): UTF-8 with/without BOM, UTF-16 (LE/BE, with a
    BOM or recognisable without one), cp932."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig", False
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", errors="replace")
        return text, "utf-16", "\ufffd" in text
    utf16 = _utf16_without_bom(data)
    if utf16:
        text = data.decode(utf16, errors="replace")
        return text, utf16, "\ufffd" in text
    try:
        return data.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp932"), "cp932", False
    except UnicodeDecodeError:
        return data.decode("cp932", errors="replace"), "cp932", True


def parse_date(text: str) -> dt.date | None:
    s = nfkc(text)
    m = _DATE.match(s) or _DATE8.match(s)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def parse_contact_csv(data: bytes, filename: str, *, lang: str | None = None) -> CardParseResult:
    lang = resolve(lang)
    result = CardParseResult(lang=lang)
    text, _encoding, lossy = decode_csv_bytes(data)
    if lossy:
        result.say(filename, "warning", "bad_encoding", name=filename)
        text = text.replace("\ufffd", "")
    head = "\n".join(text.split("\n", HEADER_SCAN_ROWS)[:HEADER_SCAN_ROWS])
    delimiter = "\t" if head.count("\t") > head.count(",") else ","
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    if not any(any(c.strip() for c in r) for r in rows):
        result.say(filename, "error", "empty_file", name=filename)
        return result
    at = find_header_row(rows)
    header = [h.strip() for h in rows[at]]
    mapping, unknown, tag_columns = _map_header(header)
    fields = {f for f, _ in mapping.values()}
    if not fields & set(IDENTIFYING_FIELDS):
        found = join((h for h in header if h), lang) or msg("no_usable_columns.none", lang)
        result.say(filename, "error", "no_usable_columns", name=filename, found=found)
        return result
    if unknown:
        listed = join(unknown[:_MAX_LISTED], lang)
        if len(unknown) > _MAX_LISTED:
            listed = msg(
                "unknown_columns.more", lang, listed=listed, count=len(unknown) - _MAX_LISTED
            )
        result.say(filename, "info", "unknown_columns", name=filename, columns=listed)
    numbered = _numbered_columns(header)
    for index, row in enumerate(rows[at + 1 :], start=at + 2):
        if not any(c.strip() for c in row):
            continue
        ref = f"{filename}!row {index}"
        contact = _row_contact(row, header, mapping, tag_columns, numbered, ref, result)
        if not (contact.full_name or contact.company or contact.email):
            result.say(ref, "warning", "empty_row", place=place(ref, lang))
            continue
        check_contact(contact, result, ref)
        result.contacts.append(contact)
    return result


def find_header_row(rows: list[list[str]]) -> int:
    """The index of the row that names the most known contact columns (the first on a tie)
    among the first HEADER_SCAN_ROWS; when none names any, the first of the widest rows (its
    columns are what the error message lists)."""
    syn = _synonyms()
    best, best_score = None, 0
    for i, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        fields = {syn[k][0] for k in (header_key(c) for c in row) if k in syn}
        score = len(fields) + 2 * len(fields & set(IDENTIFYING_FIELDS))
        if score > best_score:
            best, best_score = i, score
    if best is not None:
        return best
    widths = [sum(bool(c.strip()) for c in r) for r in rows[:HEADER_SCAN_ROWS]]
    return widths.index(max(widths))


def _map_header(
    header: list[str],
) -> tuple[dict[int, tuple[str, int]], list[str], list[int]]:
    """column index -> (field, priority); unknown headers; Eight tag columns."""
    syn = _synonyms()
    ignored = {header_key(h) for h in KNOWN_IGNORED}
    keys = [header_key(h) for h in header]
    has_job_title = header_key("Job Title") in keys
    # Outlook (ja) calls its Mr./Dr. column 肩書き and the job title 役職
    honorific = header_key("肩書き") if header_key("役職") in keys else None
    # Thunderbird (ja) writes the company as 所属 beside 部署: 所属 is the company there
    affiliation_is_company = (
        header_key("部署") in keys
        and header_key("所属") in keys
        and not any(syn.get(k, ("",))[0] == "company" for k in keys)
    )
    mapping: dict[int, tuple[str, int]] = {}
    unknown: list[str] = []
    tag_columns: list[int] = []
    after_exchange = False
    for i, (h, k) in enumerate(zip(header, keys, strict=True)):
        if not k:
            continue
        if k == header_key("Title") and has_job_title:  # Outlook: Mr./Ms.
            continue
        if k == honorific:
            continue
        if affiliation_is_company and k == header_key("所属"):
            mapping[i] = ("company", 0)
            continue
        if k in syn:
            mapping[i] = syn[k]
            if syn[k][0] == "exchanged_on":
                after_exchange = True
            continue
        if _NUMBERED.match(k) or k in ignored:
            continue
        if after_exchange:  # Eight: every column after 名刺交換日 is a tag (cell 1 = tagged)
            tag_columns.append(i)
            continue
        unknown.append(h)
    return mapping, unknown, tag_columns


def _numbered_columns(header: list[str]) -> dict[str, dict[int, dict[str, int]]]:
    """Google's 'Phone 1 - Type' / 'Phone 1 - Value' pairs: kind -> n -> {'type'|'value': col}."""
    out: dict[str, dict[int, dict[str, int]]] = {}
    for i, h in enumerate(header):
        m = _NUMBERED.match(header_key(h))
        if m:
            kind = "email" if m.group(1) != "phone" else "phone"
            part = "value" if m.group(3) == "value" else "type"
            out.setdefault(kind, {}).setdefault(int(m.group(2)), {})[part] = i
    return out


def _row_contact(
    row: list[str],
    header: list[str],
    mapping: dict[int, tuple[str, int]],
    tag_columns: list[int],
    numbered: dict[str, dict[int, dict[str, int]]],
    ref: str,
    result: CardParseResult,
) -> CardContact:
    c = CardContact(source_ref=ref)
    best: dict[str, tuple[int, str]] = {}
    for i, cell in enumerate(row):
        value = clean(cell)
        if i < len(header) and value:
            c.raw[header[i] or f"column {i + 1}"] = value
        if not value or i not in mapping:
            continue
        field_name, prio = mapping[i]
        if field_name not in best or prio < best[field_name][0]:
            best[field_name] = (prio, value)
    get = {k: v for k, (_, v) in best.items()}
    name_title = ""
    if get.get("full_name"):  # '青木 一郎 様' / '青木課長' in a single name column
        c.full_name, name_title = person_name(get["full_name"])
    else:
        c.full_name = join_name(get.get("family_name", ""), get.get("given_name", ""))
    kana = get.get("full_name_kana") or join_name(
        get.get("family_kana", ""), get.get("given_kana", "")
    )
    c.full_name_kana = clean(nfkc(kana)) if kana else ""
    latin = clean(nfkc(get.get("full_name_latin", "")))
    c.full_name_latin = latin if latin != c.full_name else ""
    for name in (
        "company",
        "company_kana",
        "department",
        "title",
        "email",
        "phone",
        "mobile",
        "fax",
        "postal_code",
        "url",
    ):
        setattr(c, name, get.get(name, ""))
    c.title, c.department = split_title(c.title or name_title, c.department)
    if c.company_kana:
        c.company_kana = clean(nfkc(c.company_kana))
    c.address = get.get("address", "")
    country = get.get("address_country", "")
    region, city, *street = (
        get.get(k, "")
        for k in (
            "address_region",
            "address_city",
            "address_street",
            "address_street2",
            "address_street3",
        )
    )
    if c.address and (region or city) and not any(street):
        # Thunderbird (ja) calls the street 勤務先住所 and keeps city and prefecture apart
        parts = [p for p in (region, city) if p and p not in c.address]
        if parts:
            street, c.address = [c.address], ""
    if not c.address:
        if any(map(has_cjk, [region, city, *street])):
            c.address = "".join(p for p in (region, city, *street) if p)
        else:  # Western order: street, city, state, country
            c.address = ", ".join(p for p in (*street, city, region, country) if p)
    elif country and not has_cjk(c.address) and country not in c.address:
        c.address = f"{c.address}, {country}"
    _numbered_values(c, row, numbered)
    if "exchanged_on" in get:
        c.exchanged_on = parse_date(get["exchanged_on"])
        if c.exchanged_on is None:
            result.say(
                ref,
                "warning",
                "bad_date.card",
                place=place(ref, result.lang),
                value=get["exchanged_on"],
            )
    if "tags" in get:
        c.tags = [t for t in _TAG_SPLIT.split(get["tags"]) if t and not t.startswith("*")]
    for i in tag_columns:
        if i < len(row) and nfkc(row[i]) in ("1", "○", "〇", "TRUE", "true", "yes"):
            tag = clean(header[i])
            if tag and tag not in c.tags:
                c.tags.append(tag)
    return c


def _numbered_values(
    c: CardContact, row: list[str], numbered: dict[str, dict[int, dict[str, int]]]
) -> None:
    def cell(col: int | None) -> str:
        return clean(row[col]) if col is not None and col < len(row) else ""

    for n in sorted(numbered.get("email", {})):
        value = cell(numbered["email"][n].get("value"))
        if value and not c.email:
            c.email = value.split(":::")[0].strip()
    phones: list[tuple[str, str]] = []
    for n in sorted(numbered.get("phone", {})):
        cols = numbered["phone"][n]
        value = cell(cols.get("value")).split(":::")[0].strip()
        if value:
            phones.append((cell(cols.get("type")).lower(), value))
    for kind, value in phones:
        if "fax" in kind:
            c.fax = c.fax or value
        elif any(w in kind for w in ("mobile", "cell", "携帯")):
            c.mobile = c.mobile or value
    work = [v for k, v in phones if any(w in k for w in ("work", "main", "会社", "勤務"))]
    other = [
        v
        for k, v in phones
        if "fax" not in k and not any(w in k for w in ("mobile", "cell", "携帯"))
    ]
    if not c.phone and (work or other):
        c.phone = (work or other)[0]
