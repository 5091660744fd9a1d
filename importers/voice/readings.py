"""Customers and people named in a transcript, matched by their kana reading.

Speech recognition writes proper nouns as homophones (山田製作所 comes back as 山田政策書), so
names are compared by how they sound: the transcript and each company's name are read into
katakana with Open JTalk's dictionary (pyopenjtalk), or the company's own よみ (``name_kana``,
from cards) where it has one. Long vowels are folded (セーサク = セイサク) since the dictionary
and a card's furigana write them differently. Without pyopenjtalk (the ``voice`` extra brings
it) the readings come from the analyser every install has (``importers.normalize.readings``,
janome), the one that gives companies their よみ.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from sync.store import Writer

_LEGAL = re.compile(r"カブシキガイシャ|カブシキカイシャ|ユーゲンガイシャ|ゴードーガイシャ|\(カブ\)")
_E_ROW = set("エケセテネヘメレゲゼデベペェ")
_O_ROW = set("オコソトノホモヨロゴゾドボポョォ")
MIN_READING = 4  # shorter readings (タナカ) match too much of a sentence to name a customer


def reading(text: str) -> str | None:
    """The folded katakana reading of ``text`` (None when no analyser can read it)."""
    try:
        import pyopenjtalk
    except ImportError:
        from importers.normalize.readings import analyser_available, text_reading

        return fold(text_reading(text)) or None if analyser_available() else None
    return fold(pyopenjtalk.g2p(unicodedata.normalize("NFKC", text), kana=True))


def fold(kana: str) -> str:
    """Katakana with long vowels folded, legal forms and punctuation dropped."""
    kana = unicodedata.normalize("NFKC", kana)
    kana = "".join(chr(ord(c) + 0x60) if "ぁ" <= c <= "ゖ" else c for c in kana)  # hiragana
    kana = _LEGAL.sub("", kana)
    out: list[str] = []
    for c in kana:
        if not ("ァ" <= c <= "ヺ" or c == "ー"):
            continue
        prev = out[-1] if out else ""
        if c == "ー" or (c == "イ" and prev in _E_ROW) or (c == "ウ" and prev in _O_ROW):
            continue
        out.append(c)
    return "".join(out)


@dataclass
class Named:
    company_id: str | None = None
    company: str | None = None
    contact_id: str | None = None
    contact: str | None = None
    by_reading: bool = False  # matched by sound, not by the written name


def find_customer(w: Writer, transcript: str) -> Named:
    """The live company the transcript names (the longest name found), and its contact."""
    heard = reading(transcript) or ""
    flat = unicodedata.normalize("NFKC", transcript)
    best: tuple[int, Named] | None = None
    for r in w.conn.execute(
        "SELECT id, name, name_normalized, name_kana FROM companies WHERE deleted = 0"
    ):
        written = r["name_normalized"] or ""
        if len(written) >= 2 and written in flat:
            found = (len(written) * 2, Named(r["id"], r["name"]))
        else:
            sound = fold(r["name_kana"]) if r["name_kana"] else reading(written) or ""
            if len(sound) < MIN_READING or sound not in heard:
                continue
            found = (len(sound), Named(r["id"], r["name"], by_reading=True))
        if best is None or found[0] > best[0]:
            best = found
    if best is None:
        return Named()
    named = best[1]
    named.contact_id, named.contact = _contact(w, named.company_id, flat, heard)
    return named


def _contact(w: Writer, company_id: str, flat: str, heard: str) -> tuple[str | None, str | None]:
    """The company's contact whose family name is said (written, or by its reading)."""
    for c in w.conn.execute(
        "SELECT id, full_name, full_name_kana FROM contacts WHERE deleted = 0 AND company_id = ? "
        "ORDER BY id",
        (company_id,),
    ):
        name = (c["full_name"] or "").split()
        family = name[0] if name else ""
        if len(family) >= 2 and family in flat:
            return c["id"], c["full_name"]
        kana = (c["full_name_kana"] or "").split()
        sound = fold(kana[0]) if kana else (reading(family) or "")
        if len(sound) >= 3 and sound in heard:
            return c["id"], c["full_name"]
    return None, None
