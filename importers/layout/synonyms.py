"""Header and label synonyms: shipped defaults merged with the rep's own additions."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import resources
from importers.normalize.text import nfkc

_UNITS = re.compile(r"[（(\[【<＜][^）)\]】>＞]*[）)\]】>＞]")
_SPACE = re.compile(r"[\s・:：/]+")
_UNIT_MULTIPLIER = {"千円": 1_000, "万円": 10_000, "百万円": 1_000_000, "億円": 100_000_000}


@dataclass(frozen=True)
class Synonyms:
    by_text: dict[str, str]  # normalised heading -> field
    totals: frozenset[str]

    def field_of(self, value) -> str | None:
        if not isinstance(value, str) or not value or len(value) > 40:
            return None
        return self.by_text.get(heading_key(value))

    def with_labels(self, labels: dict[str, str]) -> Synonyms:
        """These synonyms plus a profile's own label words (``{"お客様名": "company"}``)."""
        if not labels:
            return self
        extra = {heading_key(text): field for text, field in labels.items() if heading_key(text)}
        return Synonyms({**self.by_text, **extra}, self.totals)

    def is_total(self, value) -> bool:
        # Totals labels are short; long text (a visit summary) never is one.
        return isinstance(value, str) and len(value) <= 12 and heading_key(value) in self.totals


@lru_cache(maxsize=8192)
def heading_key(text: str) -> str:
    """'見込金額（千円）' -> '見込金額'; width, case and spaces folded."""
    return _SPACE.sub("", _UNITS.sub("", nfkc(text))).lower()


def unit_multiplier(heading: str) -> int:
    """A heading's unit: '金額(千円)' means every number below is in thousands of yen."""
    text = nfkc(heading)
    for unit, factor in sorted(_UNIT_MULTIPLIER.items(), key=lambda kv: -len(kv[0])):
        if unit in text:
            return factor
    return 1


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
    for table in tables:
        for field, words in table.get("fields", {}).items():
            for w in words:
                by_text[heading_key(w)] = field
        totals.update(heading_key(w) for w in table.get("totals", {}).get("words", []))
    return Synonyms(by_text, frozenset(totals))
