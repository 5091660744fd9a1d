"""How strongly a heading names each field, and why (the mapping wizard shows the reason).

Exact words come first (the whole heading, then one part of a compound heading); then keywords
found inside a part, where a keyword at the end counts more because the last word of a Japanese
compound names the thing (面談内容 is a 内容, 面談者 a person, 受注見込み金額 an amount). Words that
point to the future (次回, 今後, next) turn a date into the next action's due date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from importers.layout.headings import Heading

EXACT = 100
PART = 90
QUALIFIER_PENALTY = 25
MIN_SCORE = 55  # below this a heading names nothing
_FUTURE = ("次回", "今後", "次の", "ネクスト", "next", "予定")
_DATE_FIELDS = ("occurred_on",)


@dataclass(frozen=True)
class Score:
    score: int
    reason: str  # e.g. 'exact:訪問先', 'part:面会相手', 'keyword:金額'


def best_field(scores: dict[str, Score]) -> tuple[str, Score] | None:
    if not scores:
        return None
    name, best = max(scores.items(), key=lambda kv: kv[1].score)
    return (name, best) if best.score >= MIN_SCORE else None


def score_heading(heading: Heading, synonyms) -> dict[str, Score]:
    """field -> Score for every field this heading could name (MIN_SCORE and above)."""
    return dict(_score(heading, synonyms))


@lru_cache(maxsize=16384)
def _score(heading: Heading, synonyms) -> tuple[tuple[str, Score], ...]:
    scores: dict[str, Score] = {}

    def offer(name: str, score: int, reason: str) -> None:
        if score >= MIN_SCORE and (name not in scores or scores[name].score < score):
            scores[name] = Score(score, reason)

    exact = synonyms.by_text.get(heading.key)
    if exact:
        offer(exact, EXACT, f"exact:{heading.key}")
    parts = heading.parts if len(heading.parts) > 1 else ()
    for i, part in enumerate(parts):
        name = synonyms.by_text.get(part)
        if name:
            offer(name, PART - 2 * i, f"part:{part}")
    for i, part in enumerate(heading.parts):
        words = heading.words[i] if i < len(heading.words) else ()
        for name, score, word in _keyword_scores(part, synonyms, words):
            offer(name, score - 2 * i, f"keyword:{word}")
    for qualifier in heading.qualifiers:
        name = synonyms.by_text.get(qualifier)
        if name:
            offer(name, PART - QUALIFIER_PENALTY, f"qualifier:{qualifier}")
        latin = tuple(re.findall(r"[a-z0-9]+", qualifier))
        for name, score, word in _keyword_scores(qualifier, synonyms, latin):
            offer(name, score - QUALIFIER_PENALTY, f"qualifier:{word}")
    return tuple(sorted(scores.items(), key=lambda kv: -kv[1].score))


def _keyword_scores(part: str, synonyms, words: tuple[str, ...] = ()) -> list[tuple[str, int, str]]:
    """(field, score, keyword) for the best keyword of each field found in ``part``.

    An English keyword must begin a word (notes, comments), never hide inside one (the rank
    in Franklin)."""
    if len(part) > 24 or not _gate(synonyms).search(part):  # a sentence, or no keyword at all
        return []
    future = any(w in part for w in _FUTURE)
    found = []
    for name in synonyms.keywords:
        best = None
        for word in synonyms.keywords[name]:
            if word not in part:
                continue
            if word.isascii() and word.isalnum() and not any(w.startswith(word) for w in words):
                continue
            score = 50 + 4 * min(len(word), 4) + (12 if part.endswith(word) else 0)
            if best is None or score > best[0]:
                best = (score, word)
        if best is None:
            continue
        if future and name in _DATE_FIELDS:
            name = "next_action_due"  # 次回訪問日 is when to go next, not when we went
        found.append((name, best[0], best[1]))
    return found


@lru_cache(maxsize=8)
def _gate(synonyms) -> re.Pattern[str]:
    """One pattern finding any keyword: most cells hold none, and are done with one search."""
    words = sorted({w for ws in synonyms.keywords.values() for w in ws}, key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in words) or "(?!)")
