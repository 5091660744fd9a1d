"""Header and label words: shipped defaults merged with the rep's own additions."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import resources
from importers.layout.headings import fold, parse_heading

# A label found in a form must be a heading Genba knows outright (or one of its parts); keyword
# guesses are only trusted when the cell is written like a label (■訪問先, 【面談者】, 目的：).
LABEL_MIN_SCORE = 90
DECORATED_LABEL_MIN_SCORE = 66


@dataclass(frozen=True)
class Synonyms:
    by_text: dict[str, str]  # normalised heading -> field
    totals: frozenset[str]
    keywords: dict[str, tuple[str, ...]] = field(default_factory=dict)  # field -> folded words
    not_visits: dict[str, frozenset[str]] = field(default_factory=dict)  # kind -> folded words

    def field_of(self, value) -> str | None:
        """The field a label or heading cell names, when Genba is sure of it; else None."""
        if not isinstance(value, str) or not value or len(value) > 40:
            return None
        from importers.layout.scoring import best_field, score_heading

        heading = parse_heading(value)
        if not heading.decorated:
            # Only an exact heading (or the first part of a compound one) is sure enough here;
            # this is looked up for every cell of a form sheet, so skip the keyword scoring.
            name = self.by_text.get(heading.key)
            if name is None and len(heading.parts) > 1:
                name = self.by_text.get(heading.parts[0])
            return name
        best = best_field(score_heading(heading, self))
        if best is None:
            return None
        needed = DECORATED_LABEL_MIN_SCORE if heading.decorated else LABEL_MIN_SCORE
        return best[0] if best[1].score >= needed else None

    def with_labels(self, labels: dict[str, str]) -> Synonyms:
        """These synonyms plus a profile's own label words (``{"お客様名": "company"}``)."""
        if not labels:
            return self
        extra = {heading_key(text): f for text, f in labels.items() if heading_key(text)}
        return Synonyms({**self.by_text, **extra}, self.totals, self.keywords, self.not_visits)

    def is_total(self, value) -> bool:
        # Totals labels are short; long text (a visit summary) never is one.
        return isinstance(value, str) and len(value) <= 12 and heading_key(value) in self.totals

    def __hash__(self) -> int:  # scoring caches per synonyms object
        return id(self)

    def __eq__(self, other) -> bool:
        return self is other


def heading_key(text: str) -> str:
    """'見込金額（千円）' -> '見込金額'; width, case, spaces, decorations and honorifics folded."""
    return parse_heading(text).key


def unit_multiplier(heading: str) -> int:
    """A heading's unit: '金額(千円)' means every number below is in thousands of yen."""
    return parse_heading(heading).multiplier


@lru_cache(maxsize=8)
def load_synonyms(extra: Path | None = None) -> Synonyms:
    """The shipped table, extended by ``extra`` (the data dir's header_synonyms.toml) if present."""
    tables = [
        tomllib.loads((Path(resources.__file__).parent / "header_synonyms.toml").read_text("utf-8"))
    ]
    if extra is not None and extra.is_file():
        tables.append(tomllib.loads(extra.read_text("utf-8")))
    by_text: dict[str, str] = {}
    totals: set[str] = set()
    keywords: dict[str, list[str]] = {}
    not_visits: dict[str, set[str]] = {}
    for table in tables:
        for name, words in table.get("fields", {}).items():
            for w in words:
                by_text[heading_key(w)] = name
                for part in parse_heading(w).parts:
                    by_text.setdefault(part, name)
        for name, words in table.get("keywords", {}).items():
            keywords.setdefault(name, []).extend(fold(w) for w in words if fold(w))
        for kind, words in table.get("not_visits", {}).items():
            not_visits.setdefault(kind, set()).update(fold(w) for w in words if fold(w))
        totals.update(heading_key(w) for w in table.get("totals", {}).get("words", []))
    return Synonyms(
        by_text,
        frozenset(totals),
        {k: tuple(dict.fromkeys(v)) for k, v in keywords.items()},
        {k: frozenset(v) for k, v in not_visits.items()},
    )
