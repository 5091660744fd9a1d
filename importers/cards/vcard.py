"""vCard 2.1 / 3.0 / 4.0 reader.

vCard 2.1 as Japanese phones export it (per-property CHARSET=SHIFT_JIS, QUOTED-PRINTABLE with
soft line breaks, bare parameters such as ``TEL;CELL:``) is read by the small parser in this module:
lines are split and unfolded as bytes, and each value is decoded with its own charset. 3.0 and 4.0
cards go through vobject; a card vobject rejects, or one that still uses 2.1-style CHARSET /
QUOTED-PRINTABLE parameters, falls back to the same parser. Either way the properties end up as
``_Prop`` records that one mapping turns into a ``CardContact``.

UTF-16 files (Windows address books) are turned into UTF-8 first. A value with 8-bit bytes and
no CHARSET is decoded by trying UTF-8, then cp932 (Japanese phones), then the usual single-byte
code pages (cp1252 ...), and the file gets one warning saying a guess was made. vCard 4.0 may
give one name in several languages (ALTID + LANGUAGE): the Japanese one is the name, a kana one
is its reading, a romanised one (Latin letters) the contact's ``full_name_latin``.
"""

from __future__ import annotations

import codecs
import re

from importers.cards._text import clean, has_cjk, join_name, nfkc, person_name, split_title
from importers.cards.model import CardContact, CardParseResult
from importers.cards.validate import check_contact
from importers.cards.vcard_lines import (
    _STRUCTURED,
    _parse_line,
    _Prop,
    decode_file_bytes,
    logical_lines,
    qp_decode,
    unescape,
    utf16_to_utf8,
)
from importers.messages import MESSAGES, msg, resolve

__all__ = ["logical_lines", "parse_vcards", "qp_decode", "unescape"]

_NAMES_BY_LANGUAGE = {"FN", "N", "ORG", "TITLE", "ADR"}


# --------------------------------------------------------------------------- vobject (3.0 / 4.0)


def _props_from_vobject(card_text: str) -> list[_Prop] | None:
    try:
        import vobject

        comp = vobject.readOne(card_text)
        props: list[_Prop] = []
        for line in comp.getChildren():
            name = line.name.upper()
            params = {k.upper(): [str(x) for x in v] for k, v in line.params.items()}
            types = {t.upper() for v in params.get("TYPE", []) for t in v.split(",") if t}
            types.update(s.upper() for s in getattr(line, "singletonparams", []) or [])
            value = line.value
            if name == "N" and hasattr(value, "family"):
                parts = [
                    _j(value.family),
                    _j(value.given),
                    _j(value.additional),
                    _j(value.prefix),
                    _j(value.suffix),
                ]
            elif name == "ADR" and hasattr(value, "street"):
                parts = [
                    _j(value.box),
                    _j(value.extended),
                    _j(value.street),
                    _j(value.city),
                    _j(value.region),
                    _j(value.code),
                    _j(value.country),
                ]
            elif isinstance(value, list) and name in _STRUCTURED:
                parts = [_j(v) for v in value]
            elif isinstance(value, list):  # CATEGORIES, NICKNAME: a comma list
                parts = [",".join(_j(v) for v in value)]
            elif isinstance(value, str):
                parts = value.split(";") if name in _STRUCTURED else [value]
            else:
                continue
            # vobject unescapes \, \; \n in text; 'http\://' (written by some exporters) stays
            parts = [_LEFTOVER_ESCAPE.sub(r"\1", p) for p in parts]
            props.append(_Prop(name, params, types, parts, raw=";".join(parts)))
        return props
    except Exception:  # vobject raises many types on malformed input; fall back to our parser
        return None


_LEFTOVER_ESCAPE = re.compile(r"\\([:;,])")


def _j(v: object) -> str:
    if isinstance(v, list | tuple):
        return " ".join(str(x) for x in v if x)
    return str(v or "")


# --------------------------------------------------------------------------- cards -> contacts


def parse_vcards(data: bytes, filename: str, *, lang: str | None = None) -> CardParseResult:
    result = CardParseResult(lang=resolve(lang))
    data = utf16_to_utf8(data)
    file_codec, _ = decode_file_bytes(data)
    if data.startswith(codecs.BOM_UTF8):
        data = data[3:]
    guessed: set[str] = set()
    cards: list[list[bytes]] = []
    current: list[bytes] | None = None
    for line in logical_lines(data):
        upper = line.strip().upper()
        if upper == b"BEGIN:VCARD":
            if current is not None:  # a card without END: keep what it had
                cards.append(current)
            current = []
        elif upper == b"END:VCARD":
            if current is not None:
                cards.append(current)
            current = None
        elif current is not None:
            current.append(line)
    if current is not None:
        cards.append(current)
        result.say(filename, "warning", "truncated_vcard", name=filename)
    if not cards:
        result.say(filename, "error", "no_vcards", name=filename)
        return result
    for n, lines in enumerate(cards, start=1):
        ref = f"{filename}#{n}"
        version = _version(lines)
        props: list[_Prop] | None = None
        if (
            version in ("3.0", "4.0")
            and file_codec == "utf-8"
            and not any(
                b"QUOTED-PRINTABLE" in ln.split(b":", 1)[0].upper()
                or b"CHARSET=" in ln.split(b":", 1)[0].upper()
                for ln in lines
            )
        ):
            text = "\r\n".join(ln.decode(file_codec, errors="replace") for ln in lines)
            props = _props_from_vobject(f"BEGIN:VCARD\r\n{text}\r\nEND:VCARD\r\n")
        if props is None:
            props = [p for ln in lines if (p := _parse_line(ln, file_codec, version))]
        guessed.update(p.guessed for p in props if p.guessed)
        contact = _contact(_japanese_first(props), ref, result)
        if contact.is_empty():
            result.say(ref, "warning", "empty_card", name=filename, n=n)
            continue
        check_contact(contact, result, ref)
        result.contacts.append(contact)
    if guessed:
        names = {"cp932": "Shift_JIS (cp932)"}
        result.say(
            filename,
            "warning",
            "charset_guessed",
            name=filename,
            codecs=", ".join(sorted(names.get(g, g) for g in guessed)),
        )
    return result


def _is_japanese(p: _Prop) -> bool:
    lang = (p.params.get("LANGUAGE") or [""])[0].lower()
    return (lang.startswith("ja") and "latn" not in lang) or (not lang and has_cjk(p.raw))


def _is_kana(p: _Prop) -> bool:
    lang = (p.params.get("LANGUAGE") or [""])[0].lower()
    return "kana" in lang or "hira" in lang or bool(_KANA_ONLY.match(p.text))


def _japanese_first(props: list[_Prop]) -> list[_Prop]:
    """vCard 4.0 ALTID variants of one property: the Japanese one first (it becomes the name),
    a kana one ('ja-Kana', 'ja-Hira' or all kana) turned into a reading, the others after."""
    out: list[_Prop] = []
    groups: dict[tuple[str, str], list[_Prop]] = {}
    for p in props:
        altid = (p.params.get("ALTID") or [""])[0]
        if altid and p.name in _NAMES_BY_LANGUAGE:
            groups.setdefault((p.name, altid), []).append(p)
        else:
            out.append(p)
    for (name, _altid), variants in groups.items():
        variants.sort(key=lambda p: (not _is_japanese(p), _is_kana(p)))
        for p in variants:
            if p is not variants[0] and name in ("N", "FN", "ORG") and _is_kana(p):
                reading = {"N": "X-IRMC-N", "FN": "X-PHONETIC-FN", "ORG": "X-PHONETIC-ORG"}
                out.append(_Prop(reading[name], p.params, set(), p.parts, p.raw))
            else:
                out.append(p)
    return out


def _is_romanised_variant(p: _Prop) -> bool:
    """An ALTID variant of a name written in Latin letters ('Taro Yamada', 'ja-Latn')."""
    if not (p.params.get("ALTID") or [""])[0] or has_cjk(p.raw):
        return False
    return bool(re.search(r"[A-Za-z]", p.text))


_KANA_ONLY = re.compile(r"^[\u3041-\u30ff\uff66-\uff9f\s・ー;]+$")


def _version(lines: list[bytes]) -> str:
    for ln in lines:
        if ln.upper().startswith(b"VERSION:"):
            return ln.split(b":", 1)[1].strip().decode("ascii", errors="replace")
    return "2.1"


def _contact(props: list[_Prop], ref: str, result: CardParseResult) -> CardContact:
    c = CardContact(source_ref=ref)
    family = given = fn_title = latin_n = ""
    kana: dict[str, str] = {}
    phones: list[_Prop] = []
    adrs: list[_Prop] = []
    for p in props:
        if p.name in ("VERSION", "PHOTO", "LOGO", "KEY", "PRODID"):
            continue
        key = p.name + (";" + ",".join(sorted(p.types)) if p.types else "")
        k, i = key, 2
        while k in c.raw:
            k, i = f"{key}#{i}", i + 1
        c.raw[k] = p.raw
        if p.problem:
            _report(p, ref, result)
            c.needs_review = True
        name = p.name
        if name in ("FN", "N") and _is_romanised_variant(p) and (c.full_name or family):
            # the Japanese variant came first (_japanese_first): this is its romanised name
            if name == "FN" and not c.full_name_latin:
                c.full_name_latin = person_name(p.text)[0]
            elif name == "N":
                latin_n = latin_n or " ".join(x for x in (p.part(1), p.part(0)) if x)
        elif name == "FN" and not c.full_name:
            c.full_name, fn_title = person_name(p.text)  # 'FN:青木 一郎 様' -> '青木 一郎'
        elif name == "N" and not (family or given):
            family, given = p.part(0), p.part(1)
            sort_as = [x.strip() for v in p.params.get("SORT-AS", []) for x in v.split(",")]
            if sort_as:
                kana.setdefault("sort_as", join_name(*([*sort_as, "", ""])[:2]))
        elif (name == "SOUND" and "X-IRMC-N" in p.types) or name == "X-IRMC-N":
            kana.setdefault("irmc", join_name(p.part(0), p.part(1)))
        elif name == "X-PHONETIC-LAST-NAME":
            kana.setdefault("last", p.text)
        elif name == "X-PHONETIC-FIRST-NAME":
            kana.setdefault("first", p.text)
        elif name == "SORT-STRING":
            kana.setdefault("sort_string", p.text)
        elif name == "X-PHONETIC-FN":
            kana.setdefault("fn", p.text)
        elif name in ("X-PHONETIC-ORG", "X-IRMC-ORG") or (
            name == "SOUND" and "X-IRMC-ORG" in p.types
        ):
            c.company_kana = c.company_kana or p.part(0)
        elif name == "ORG" and not c.company:
            c.company = p.part(0)
            c.department = " ".join(clean(x) for x in p.parts[1:] if clean(x))
            sort_as = [x.strip() for v in p.params.get("SORT-AS", []) for x in v.split(",")]
            if sort_as and sort_as[0] and not c.company_kana:
                c.company_kana = sort_as[0]
        elif (name == "TITLE" and not c.title) or (name == "ROLE" and not c.title):
            c.title = p.text
        elif name == "EMAIL" and not c.email:
            c.email = p.text
        elif name == "TEL":
            phones.append(p)
        elif name == "ADR":
            adrs.append(p)
        elif name == "LABEL" and not c.address:
            c.address = clean(p.text.replace("\n", " "))
        elif name == "URL" and not c.url:
            c.url = p.text
        elif name == "CATEGORIES":
            c.tags.extend(t for t in (clean(x) for x in p.text.split(",")) if t and t not in c.tags)
    if not c.full_name:
        c.full_name = join_name(family, given)
    c.full_name_latin = clean(nfkc(c.full_name_latin or latin_n))
    if c.full_name_latin == c.full_name or not has_cjk(c.full_name):
        c.full_name_latin = ""  # only beside a Japanese name
    c.title = c.title or fn_title
    if "last" in kana or "first" in kana:
        c.full_name_kana = join_name(kana.get("last", ""), kana.get("first", ""))
    else:
        c.full_name_kana = (
            kana.get("irmc")
            or kana.get("sort_as")
            or kana.get("sort_string")
            or kana.get("fn")
            or ""
        )
    c.full_name_kana = clean(nfkc(c.full_name_kana)) if c.full_name_kana else ""
    c.company_kana = clean(nfkc(c.company_kana)) if c.company_kana else ""
    c.title, c.department = split_title(c.title, c.department)
    _assign_phones(c, phones)
    if adrs:
        adr = next((a for a in adrs if "WORK" in a.types), adrs[0])
        c.postal_code = adr.part(5)
        street = [adr.part(4), adr.part(3), adr.part(2), adr.part(1)]
        if any(has_cjk(s) for s in street):
            c.address = "".join(s for s in street if s)
        else:
            parts = [adr.part(2), adr.part(3), adr.part(4), adr.part(6)]  # ... state, country
            c.address = ", ".join(s for s in parts if s)
    return c


def _assign_phones(c: CardContact, phones: list[_Prop]) -> None:
    voice: list[_Prop] = []
    for p in phones:
        value = p.text
        if value.lower().startswith("tel:"):
            value = value[4:]
        if not value:
            continue
        if "FAX" in p.types:
            c.fax = c.fax or value
        elif {"CELL", "MOBILE"} & p.types:
            c.mobile = c.mobile or value
        else:
            voice.append(_Prop(p.name, p.params, p.types, [value]))
    if voice:
        work = [p for p in voice if "WORK" in p.types]
        c.phone = (work or voice)[0].parts[0]


def _report(p: _Prop, ref: str, result: CardParseResult) -> None:
    file_part, _, n = ref.rpartition("#")
    key = f"vcard_field.{p.name}"
    label = msg(key, result.lang) if key in MESSAGES else p.name
    code = "broken_qp" if p.problem == "qp" else "bad_charset"
    result.say(ref, "warning", code, name=file_part, n=n, label=label, text=p.text)
