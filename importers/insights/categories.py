"""Knowledge categories suggested from a note's text, and department tags, by keyword rules.

The rules live in ``resources/knowledge_categories.toml`` (Japanese and English); a data
directory may extend them with its own ``knowledge_categories.toml`` of the same shape.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from operator import mul
from pathlib import Path

import resources
from importers.normalize.text import nfkc

STRONG, KEYWORD, PATTERN = 3, 1, 2
LEAD_COMMENT = "lead_comment"


@dataclass(frozen=True)
class Rule:
    name: str
    label: str
    label_en: str
    words: tuple[tuple[str, int], ...]  # Japanese: plain substrings (fast)
    matchers: tuple[tuple[re.Pattern[str], int], ...]  # English words (need ASCII letters)
    patterns: tuple[tuple[re.Pattern[str], int], ...] = ()  # regular expressions
    suggest: bool = True
    # Derived once, as every note is scored against every rule: the words and weights apart
    # (counted through map(), in C), and one alternation of the English words, which finds
    # whether any of them is there in one pass: a text with Latin letters ran each of their
    # ~10 regexes per rule even when none matched (most of the ~30 us such a note took).
    _texts: tuple[str, ...] = field(init=False, repr=False, compare=False)
    _weights: tuple[int, ...] = field(init=False, repr=False, compare=False)
    _any_matcher: re.Pattern[str] | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_texts", tuple(w for w, _ in self.words))
        object.__setattr__(self, "_weights", tuple(weight for _, weight in self.words))
        # alternatives of plain words (no groups, no flags): it matches iff one of them does
        either = "|".join(f"(?:{m.pattern})" for m, _ in self.matchers)
        object.__setattr__(self, "_any_matcher", re.compile(either) if either else None)

    def _regexes(self, has_ascii: bool):
        return (self.matchers + self.patterns) if has_ascii else self.patterns

    def score(self, norm: str, has_ascii: bool) -> int:
        total = sum(map(mul, map(norm.count, self._texts), self._weights))
        if has_ascii and self._any_matcher is not None and self._any_matcher.search(norm):
            for m, weight in self.matchers:
                total += len(m.findall(norm)) * weight
        for m, weight in self.patterns:
            total += len(m.findall(norm)) * weight
        return total

    def matches(self, norm: str, has_ascii: bool) -> bool:
        return any(map(norm.__contains__, self._texts)) or any(
            m.search(norm) for m, _ in self._regexes(has_ascii)
        )


@dataclass(frozen=True)
class Rules:
    categories: tuple[Rule, ...]
    departments: tuple[Rule, ...] = field(default=())

    def label(self, category: str | None) -> str:
        for rule in self.categories:
            if rule.name == category:
                return rule.label
        return category or "その他"


def normalize_text(text: str | None) -> str:
    """NFKC, lower case: the form keyword rules and the search index see."""
    return nfkc(text).lower() if text else ""


_ASCII_LETTER = re.compile(r"[a-z]")


def _rule(name: str, spec: dict) -> Rule:
    words: list[tuple[str, int]] = []
    matchers: list[tuple[re.Pattern[str], int]] = []
    for key, weight in (("strong", STRONG), ("keywords", KEYWORD)):
        for word in spec.get(key, []):
            word = normalize_text(word)
            if word.isascii():
                # English: at the start of a word, so 'tip' is not found in 'multiple'
                matchers.append((re.compile(r"(?<![a-z0-9])" + re.escape(word)), weight))
            else:
                words.append((word, weight))
    patterns = [(re.compile(p), PATTERN) for p in spec.get("patterns", [])]
    return Rule(
        name=name,
        label=spec.get("label", name),
        label_en=spec.get("label_en", name),
        words=tuple(words),
        matchers=tuple(matchers),
        patterns=tuple(patterns),
        suggest=spec.get("suggest", True),
    )


def _merge(base: dict, extra: dict) -> dict:
    for section in ("categories", "departments"):
        for name, spec in extra.get(section, {}).items():
            into = base.setdefault(section, {}).setdefault(name, {})
            for key, value in spec.items():
                if isinstance(value, list):
                    into[key] = [*into.get(key, []), *value]
                else:
                    into[key] = value
    return base


@lru_cache(maxsize=8)
def load_rules(extra: Path | None = None) -> Rules:
    """The shipped rules, extended by ``extra`` (a data dir's knowledge_categories.toml)."""
    path = Path(resources.__file__).parent / "knowledge_categories.toml"
    data = tomllib.loads(path.read_text("utf-8"))
    if extra is not None and Path(extra).is_file():
        data = _merge(data, tomllib.loads(Path(extra).read_text("utf-8")))
    return Rules(
        categories=tuple(_rule(n, s) for n, s in data.get("categories", {}).items()),
        departments=tuple(_rule(n, s) for n, s in data.get("departments", {}).items()),
    )


def rules_for(data_dir: Path | None) -> Rules:
    if data_dir is None:
        return load_rules()
    extra = Path(data_dir) / "knowledge_categories.toml"
    return load_rules(extra if extra.is_file() else None)


def category_scores(text: str | None, rules: Rules | None = None) -> dict[str, int]:
    rules = rules or load_rules()
    norm = normalize_text(text)
    scores: dict[str, int] = {}
    if not norm:
        return scores
    has_ascii = bool(_ASCII_LETTER.search(norm))
    for rule in rules.categories:
        if not rule.suggest:
            continue
        score = rule.score(norm, has_ascii)
        if score:
            scores[rule.name] = score
    return scores


def suggest_category(text: str | None, rules: Rules | None = None) -> str | None:
    """The suggested category of a note, or None when no rule matches."""
    scores = category_scores(text, rules)
    if not scores:
        return None
    best = max(scores.values())
    # ties go to the category listed first in the TOML (dicts keep insertion order)
    return next(name for name, score in scores.items() if score == best)


def department_tags(text: str | None, rules: Rules | None = None) -> list[str]:
    """Departments (品質, 生産, 調達, サービス …) this text is relevant to."""
    rules = rules or load_rules()
    norm = normalize_text(text)
    if not norm:
        return []
    has_ascii = bool(_ASCII_LETTER.search(norm))
    return [r.name for r in rules.departments if r.matches(norm, has_ascii)]


def category_label(category: str | None, rules: Rules | None = None) -> str:
    return (rules or load_rules()).label(category)


def category_names(rules: Rules | None = None) -> list[str]:
    return [r.name for r in (rules or load_rules()).categories]
