"""`genba search` and the app's search box: notes and activities, ranked, with customer and date."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import asdict, dataclass, field

from desktop.knowledge import index
from desktop.knowledge.segment import match_expression, query_terms
from sync.store import Store

SNIPPET_CHARS = 80
# bm25 costs about a microsecond per matching row. A word found in more rows than this (a single
# common character, say) is ranked among its most recently indexed matches only, so a search stays
# well under 50 ms on 100,000 notes; rarer words are ranked over all their matches.
RANK_WINDOW = 5_000
# bm25 column weights: the text counts more than the customer's name
WEIGHTS = (1.0, 1.0, 0.5, 0.5)


@dataclass
class Hit:
    kind: str  # 'note' | 'activity' | 'photo' (a memo photo, by its printed text)
    id: str
    company: str | None
    date: str | None  # ISO date: the activity's date (a note's: its activity's, else created)
    snippet: str
    score: float  # bm25: lower is better
    category: str | None = None
    author: str | None = None
    company_id: str | None = None
    highlights: list[tuple[int, int]] = field(default_factory=list)  # spans within snippet

    def to_dict(self) -> dict:
        return asdict(self)


def search(store: Store, query: str, limit: int = 50, *, refresh: bool = True) -> list[Hit]:
    """Notes and activities matching every word of the query, best first.

    ``refresh``: bring the index up to date first (a write). The app passes False: its search
    box refreshes on the writer thread (``index.refresh``) and then searches on a reader."""
    match = match_expression(query)
    if not match:
        return []
    if refresh:
        index.refresh(store)
    elif not index.built(store):
        return []  # never built (its refresh failed or has not run): nothing to find yet
    floor = store.query(
        "SELECT rowid FROM knowledge_fts WHERE knowledge_fts MATCH ? "
        "ORDER BY rowid DESC LIMIT 1 OFFSET ?",
        (match, RANK_WINDOW - 1),
    )
    rows = store.query(
        f"""SELECT d.kind, d.ref_id, f.score FROM (
              SELECT rowid, bm25(knowledge_fts, {", ".join(map(str, WEIGHTS))}) AS score
              FROM knowledge_fts WHERE knowledge_fts MATCH ? AND rowid >= ?
              ORDER BY score LIMIT ?) f
            JOIN knowledge_docs d ON d.rowid = f.rowid ORDER BY f.score""",
        (match, floor[0][0] if floor else 0, limit),
    )
    if not rows:
        return []
    details = _details(store, rows)
    needles = _needles(query)
    hits = []
    for r in rows:
        d = details.get((r["kind"], r["ref_id"]))
        if d is None:
            continue
        snippet, spans = make_snippet(d["text"] or "", needles)
        hits.append(
            Hit(
                kind=r["kind"],
                id=r["ref_id"],
                company=d["company"],
                date=d["date"],
                snippet=snippet,
                score=round(r["score"], 4),
                category=d["category"],
                author=d["author"],
                company_id=d["company_id"],
                highlights=spans,
            )
        )
    return hits


def _details(store: Store, rows) -> dict[tuple[str, str], dict]:
    note_ids = [r["ref_id"] for r in rows if r["kind"] == "note"]
    act_ids = [r["ref_id"] for r in rows if r["kind"] == "activity"]
    out: dict[tuple[str, str], dict] = {}
    photo_ids = [r["ref_id"] for r in rows if r["kind"] == "photo"]
    if photo_ids:
        for r in store.query(
            f"""SELECT a.id, a.ocr_text AS text, NULL AS category, NULL AS author,
                       c.id AS company_id, c.name AS company, a.taken_on AS date
                FROM attachments a LEFT JOIN companies c ON c.id = {index.PHOTO_COMPANY}
                WHERE a.id IN ({",".join("?" * len(photo_ids))})""",
            photo_ids,
        ):
            out[("photo", r["id"])] = dict(r)
    if note_ids:
        for r in store.query(
            f"""SELECT n.id, n.body AS text, n.category, n.author, n.company_id, c.name AS company,
                       coalesce(a.occurred_on, substr(n.created_at, 1, 10)) AS date
                FROM notes n LEFT JOIN companies c ON c.id = n.company_id
                LEFT JOIN activities a ON a.id = n.activity_id
                WHERE n.id IN ({",".join("?" * len(note_ids))})""",
            note_ids,
        ):
            out[("note", r["id"])] = dict(r)
    if act_ids:
        for r in store.query(
            f"""SELECT a.id, a.summary, a.purpose, a.result, a.next_action, a.contact_name,
                       a.deal_title, a.rep AS author, a.company_id,
                       coalesce(c.name, a.company_name_raw) AS company, a.occurred_on AS date
                FROM activities a LEFT JOIN companies c ON c.id = a.company_id
                WHERE a.id IN ({",".join("?" * len(act_ids))})""",
            act_ids,
        ):
            d = dict(r)
            d["text"] = " / ".join(
                r[f] for f in index.ACTIVITY_TEXT if r[f] and f != "contact_name"
            ) or (r["contact_name"] or "")
            d["category"] = None
            out[("activity", r["id"])] = d
    return out


def _needles(query: str) -> list[tuple[str, bool]]:
    """(normalised text, is an English word) to find in the text for the snippet."""
    return [(text, kind in ("word", "phrase")) for kind, text in query_terms(query) if text]


def _norm_chars(text: str) -> tuple[str, list[int]]:
    """The text normalised character by character, with each normalised char's source index."""
    chars: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        n = unicodedata.normalize("NFKC", ch).lower() if not ch.isascii() else ch.lower()
        for c in n:
            chars.append(c)
            where.append(i)
    return "".join(chars), where


def _occurrences(norm: str, needle: str, word: bool) -> list[int]:
    if word:  # English: at the start of a word
        return [m.start() for m in re.finditer(r"(?<![a-z0-9])" + re.escape(needle), norm)]
    return [m.start() for m in re.finditer(re.escape(needle), norm)]


def make_snippet(text: str, needles: list[tuple[str, bool]], width: int = SNIPPET_CHARS):
    """A window of the text around the first match, and the matched spans within it."""
    flat = " ".join(text.split())
    norm, where = _norm_chars(flat)
    found: list[tuple[int, int]] = []
    for needle, word in needles:
        for pos in _occurrences(norm, needle, word):
            found.append((where[pos], where[pos + len(needle) - 1] + 1))
    if len(flat) <= width:
        start = 0
    else:
        first = min((s for s, _e in found), default=0)
        start = max(0, min(first - width // 4, len(flat) - width))
    end = min(len(flat), start + width)
    snippet = flat[start:end]
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(flat) else ""
    spans = [
        (s - start + len(prefix), e - start + len(prefix))
        for s, e in found
        if s >= start and e <= end
    ]
    return prefix + snippet + suffix, sorted(set(spans))


def highlight(hit: Hit, left: str = "【", right: str = "】") -> str:
    """The snippet with its matches marked (for the terminal)."""
    out, last = [], 0
    for s, e in hit.highlights:
        if s < last:
            continue
        out += [hit.snippet[last:s], left, hit.snippet[s:e], right]
        last = e
    out.append(hit.snippet[last:])
    return "".join(out)
