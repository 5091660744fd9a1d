"""Find the customers a speech-recognised text speaks of, by reading rather than by characters.

Speech recognition writes proper nouns as homophones: 「山田政策書」 for 山田製作所. Both read
やまだせいさくしょ, so the transcript's reading is searched for each company's reading (legal form
left out, long vowels folded, as ``romaji_key`` does). Voice memos use this to suggest the customer.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from importers.normalize.readings import company_reading, reading_for_sort, romaji_key, text_reading

# A reading shorter than this (in romaji letters) matches too much ordinary speech ('mori').
MIN_KEY_LETTERS = 5


@dataclass(frozen=True)
class ReadingMatch:
    company_id: str
    name: str
    reading: str  # the company's reading that was found in the text
    position: int  # where in the text's romanised reading it starts


def match_companies(text: str, companies: list[tuple[str, str, str | None]]) -> list[ReadingMatch]:
    """Companies (id, name, reading or None) whose reading occurs in ``text``'s reading, the
    longest reading first (「山田製作所」 before 「山田」)."""
    spoken = romaji_key(text_reading(text))
    found: list[ReadingMatch] = []
    for company_id, name, reading in companies:
        reading = reading_for_sort(reading) or company_reading(name) or ""
        key = romaji_key(reading)
        if len(key) < MIN_KEY_LETTERS:
            continue
        at = spoken.find(key)
        if at >= 0:
            found.append(ReadingMatch(company_id, name, reading, at))
    found.sort(key=lambda m: (-len(romaji_key(m.reading)), m.position, m.company_id))
    return found


def companies_in_text(conn: sqlite3.Connection, text: str) -> list[ReadingMatch]:
    """``match_companies`` over the live companies of a store connection."""
    rows = conn.execute(
        "SELECT id, name, name_kana FROM companies WHERE deleted = 0 AND name IS NOT NULL"
    ).fetchall()
    return match_companies(text, [(r[0], r[1], r[2]) for r in rows])
