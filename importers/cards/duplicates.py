"""Probable duplicate contacts and companies, each pair with the reason shown to the rep.

Contacts: the same e-mail (ignoring case); the same normalised name at the same company; the
same reading at the same company across scripts (山田 太郎 / ヤマダ タロウ / Taro Yamada).
Companies: equal names once legal forms, width and spaces are set aside; one name inside the
other with contacts sharing a phone prefix; the same reading across scripts (「Minato Kogyo」,
「ミナト工業」, 「港工業」). Readings are the stored ones (imports derive them), so finding
duplicates never loads the analyser. Merging is importers.cards.merge.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from importers.messages import msg, resolve
from importers.normalize.companies import normalize_company
from importers.normalize.readings import name_romaji_key, romaji_key
from sync.schema_contract import CONTACT_DETAILS
from sync.store import Store

# A romanised reading shorter than this matches too many unrelated names ('Sato', 'Kato').
MIN_READING_KEY = 5
_FILLED = (*CONTACT_DETAILS, "source_id")


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def find_duplicate_contacts(store: Store) -> list[tuple[str, str, str]]:
    """Probable duplicates among live contacts: (keep_id, other_id, reason).

    Rules: the same e-mail ignoring case; the same normalised name at the same company. The
    suggested keeper is the reviewed one with more fields filled (then the older id).
    """
    rows = [
        dict(r)
        for r in store.query(
            "SELECT * FROM contacts WHERE deleted = 0 AND merged_into IS NULL ORDER BY id"
        )
    ]
    groups: list[tuple[str, list[dict]]] = []
    by_email: dict[str, list[dict]] = defaultdict(list)
    by_name: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for r in rows:
        if not _empty(r["email"]):
            by_email[r["email"].strip().lower()].append(r)
        if not _empty(r["name_normalized"]) and r["company_id"]:
            by_name[(r["company_id"], r["name_normalized"])].append(r)
    groups += [("same e-mail", g) for g in by_email.values() if len(g) > 1]
    groups += [("same name at the same company", g) for g in by_name.values() if len(g) > 1]
    # 山田 太郎 / ヤマダ タロウ / Taro Yamada at one company: the same reading, in any order
    by_reading: dict[tuple[str, tuple[str, ...]], list[dict]] = defaultdict(list)
    for r in rows:
        key = _person_reading_key(r)
        if r["company_id"] and key and sum(map(len, key)) >= MIN_READING_KEY:
            by_reading[(r["company_id"], key)].append(r)
    lang = resolve(None, store.data_dir)
    for (_company, key), g in by_reading.items():
        if len(g) > 1 and len({r["name_normalized"] for r in g}) > 1:
            kana = next((r["full_name_kana"] for r in g if r["full_name_kana"]), "")
            reading = f"{kana} / {' '.join(key)}" if kana else " ".join(key)
            groups.append((msg("dup.same_reading.person", lang, reading=reading), g))
    return _pairs(groups, _contact_rank)


def _person_reading_key(r: dict) -> tuple[str, ...]:
    """The romanised parts of a person's reading, sorted (Western and Japanese order alike)."""
    # stored readings only (imports derive them): the app never loads the analyser for this
    reading = r["full_name_kana"] or r.get("full_name_latin")  # a card's romanised name
    if not reading and r["full_name"] and r["full_name"].isascii():
        reading = r["full_name"]
    return tuple(sorted(k for k in (romaji_key(p) for p in (reading or "").split()) if k))


def _contact_rank(r: dict) -> tuple:
    filled = sum(not _empty(r[f]) for f in _FILLED)
    return (r["needs_review"] or 0, -filled, r["id"])


def find_duplicate_companies(store: Store) -> list[tuple[str, str, str]]:
    """Probable duplicate companies: (keep_id, other_id, reason).

    Rules: the names are equal after normalisation (株式会社, width, spaces...); or one normalised
    name contains the other (at least two characters) and they have contacts with the same
    phone prefix (the number without its last four digits, i.e. the same office).
    """
    rows = [
        dict(r)
        for r in store.query("SELECT * FROM companies WHERE deleted = 0 ORDER BY id")
        if r["name"] or r["name_normalized"]
    ]
    by_key: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        name = normalize_company(r["name"] or "") if r["name"] else None
        key = name.normalized if name else (r["name_normalized"] or "")
        r["_key"] = key
        if key:
            by_key[key].append(r)
    groups: list[tuple[str, list[dict]]] = [
        ("same name after normalisation", g) for g in by_key.values() if len(g) > 1
    ]
    by_id = {r["id"]: r for r in rows}
    prefixes: dict[str, set[str]] = defaultdict(set)
    for cid, phone in store.query(
        "SELECT company_id, phone FROM contacts WHERE deleted = 0 AND company_id IS NOT NULL "
        "AND phone IS NOT NULL AND phone != ''"
    ):
        digits = re.sub(r"\D", "", phone)
        if len(digits) >= 10 and cid in by_id:
            prefixes[digits[:-4]].add(cid)
    contained: list[tuple[str, list[dict]]] = []
    for ids in prefixes.values():
        companies = sorted((by_id[i] for i in ids), key=lambda r: r["id"])
        for i, a in enumerate(companies):
            for b in companies[i + 1 :]:
                short, long_ = sorted((a["_key"], b["_key"]), key=len)
                if short != long_ and len(short) >= 2 and short in long_:
                    contained.append(("similar name and the same phone prefix", [a, b]))
    return _pairs(
        groups + contained + _same_reading(rows, store),
        lambda r: (len(r["_key"]), r["id"]),
    )


def _same_reading(rows: list[dict], store: Store) -> list[tuple[str, list[dict]]]:
    """Companies whose names differ but read the same across scripts: 「Minato Kogyo」,
    「ミナト工業」 and 「港工業」 all romanise to 'minatokogyo' (the stored reading — a card's
    or the one derived at import — for Japanese names, the name itself for Latin ones)."""
    by_reading: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        key = name_romaji_key(r["name"], r["name_kana"], derive=False)
        if len(key) >= MIN_READING_KEY:
            by_reading[key].append(r)
    lang = resolve(None, store.data_dir)
    out = []
    for key, group in by_reading.items():
        if len(group) > 1 and len({r["_key"] for r in group}) > 1:
            kana = next((r["name_kana"] for r in group if r["name_kana"]), "")
            reading = f"{kana} / {key}" if kana else key
            out.append((msg("dup.same_reading", lang, reading=reading), group))
    return out


def _pairs(groups: list[tuple[str, list[dict]]], rank) -> list[tuple[str, str, str]]:
    out: list[tuple[str, str, str]] = []
    seen: set[frozenset[str]] = set()
    for reason, group in groups:
        keep, *others = sorted(group, key=rank)
        for other in others:
            pair = frozenset((keep["id"], other["id"]))
            if pair not in seen:
                seen.add(pair)
                out.append((keep["id"], other["id"], reason))
    return out
