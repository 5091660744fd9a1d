"""Find the customers a speech-recognised text speaks of, by reading rather than by characters.

Speech recognition writes proper nouns as homophones: 「山田政策書」 for 山田製作所. Both read
やまだせいさくしょ, so the transcript's reading is searched for each company's reading (legal form
left out, long vowels folded, as ``romaji_key`` does); a company whose name is written as it is
in the text is found by its name. The longest name found comes first. Voice memos use
this (importers.voice.apply) to suggest the customer and the person they met: this is the one
matcher of names in free text.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from importers.normalize.readings import (
    company_reading,
    person_reading,
    reading_for_sort,
    romaji_key,
    text_reading,
)
from importers.normalize.text import nfkc

# A reading shorter than this (in romaji letters) matches too much ordinary speech ('mori').
MIN_KEY_LETTERS = 5
# A family name is only looked for among the company's own contacts: 'sato' is long enough.
MIN_FAMILY_LETTERS = 4
MIN_WRITTEN = 2  # characters of a name written in the text (山田)


@dataclass(frozen=True)
class ReadingMatch:
    company_id: str
    name: str
    reading: str  # the company's reading ('' when it has none)
    position: int  # where in the text's romanised reading (in the text, when written) it starts
    by_reading: bool = True  # found by how it sounds, not by how it is written


def match_companies(text: str, companies: list[tuple]) -> list[ReadingMatch]:
    """Companies (id, name, reading or None[, normalised name]) that ``text`` names, written as
    they are or by their reading, the longest name first: 「山田政策書」 is 山田製作所 by sound,
    even where a company called 山田 is written in it. Between equals, written comes first."""
    flat = nfkc(text or "")
    spoken = romaji_key(text_reading(flat))
    found: list[tuple[int, int, ReadingMatch]] = []
    for company_id, name, reading, *normalized in companies:
        reading = reading_for_sort(reading) or company_reading(name) or ""
        key = romaji_key(reading)
        written = (normalized[0] if normalized else None) or ""
        if len(written) >= MIN_WRITTEN and written in flat:
            # as long as its reading (or two letters a character, for 'NTT' with none)
            size = max(len(key), 2 * len(written))
            match = ReadingMatch(company_id, name, reading, flat.find(written), False)
            found.append((size, 0, match))
        elif len(key) >= MIN_KEY_LETTERS and key in spoken:
            found.append((len(key), 1, ReadingMatch(company_id, name, reading, spoken.find(key))))
    found.sort(key=lambda f: (-f[0], f[1], f[2].position, f[2].company_id))
    return [m for _, _, m in found]


def companies_in_text(conn: sqlite3.Connection, text: str) -> list[ReadingMatch]:
    """``match_companies`` over the live companies of a store connection."""
    rows = conn.execute(
        "SELECT id, name, name_kana, name_normalized FROM companies "
        "WHERE deleted = 0 AND name IS NOT NULL"
    ).fetchall()
    return match_companies(text, [(r[0], r[1], r[2], r[3]) for r in rows])


def contact_in_text(conn: sqlite3.Connection, company_id: str, text: str) -> tuple[str, str] | None:
    """(id, full name) of the company's contact whose family name the text says: written
    (田村), else by its reading (多村 reads たむら too), the first by id; None when none is."""
    flat = nfkc(text or "")
    spoken = romaji_key(text_reading(flat))
    for cid, full_name, kana in conn.execute(
        "SELECT id, full_name, full_name_kana FROM contacts "
        "WHERE deleted = 0 AND company_id = ? ORDER BY id",
        (company_id,),
    ):
        parts = nfkc(full_name or "").split()
        family = parts[0] if parts else ""
        if len(family) >= MIN_WRITTEN and family in flat:
            return cid, full_name
        readings = (kana or person_reading(family) or "").split()
        key = romaji_key(readings[0]) if readings else ""
        if len(key) >= MIN_FAMILY_LETTERS and key in spoken:
            return cid, full_name
    return None
