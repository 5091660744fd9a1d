"""Knowledge categories suggested from a note's text, and department tags, by keyword rules.

The rules live in ``resources/knowledge_categories.toml`` (Japanese and English); a data
directory may extend them with its own ``knowledge_categories.toml`` of the same shape.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
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
    # Derived once, as every note is tested against every rule: the words alone (searched
    # through map(), in C), and one alternation of the English words, which tells in one pass
    # whether any of them can be there: a text with Latin letters ran each of their ~10 regexes
    # per rule even when none matched.
    _texts: tuple[str, ...] = field(init=False, repr=False, compare=False)
    _any_matcher: re.Pattern[str] | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_texts", tuple(w for w, _ in self.words))
        object.__setattr__(self, "_any_matcher", _any_of(m for m, _ in self.matchers))

    def _regexes(self, has_ascii: bool):
        return (self.matchers + self.patterns) if has_ascii else self.patterns

    def matches(self, norm: str, has_ascii: bool) -> bool:
        return any(map(norm.__contains__, self._texts)) or any(
            m.search(norm) for m, _ in self._regexes(has_ascii)
        )


@dataclass(frozen=True)
class Rules:
    categories: tuple[Rule, ...]
    departments: tuple[Rule, ...] = field(default=())
    # Derived once, for ``scores`` (every note of an import is scored against every category):
    # the Japanese words of the suggested categories by their first character, as (word, index
    # of its category, weight). A word can only be in a text whose characters include its first
    # one, so a note counts the few words that can be there instead of all ~80 of them (six
    # rules' ``score`` took ~40 us for a 50-character note, most of it counting absent words).
    _by_first: dict[str, tuple[tuple[str, int, int], ...]] = field(
        init=False, repr=False, compare=False
    )
    # every suggested category's English words at once, a superset test (see ``_any_of``)
    _any_english: re.Pattern[str] | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_first: dict[str, list[tuple[str, int, int]]] = {}
        for i, rule in enumerate(self.categories):
            if rule.suggest:
                for word, weight in rule.words:
                    if word:
                        by_first.setdefault(word[0], []).append((word, i, weight))
        frozen = {ch: tuple(words) for ch, words in by_first.items()}
        object.__setattr__(self, "_by_first", frozen)
        english = (m for r in self.categories if r.suggest for m, _ in r.matchers)
        object.__setattr__(self, "_any_english", _any_of(english))

    def scores(self, norm: str) -> dict[str, int]:
        """The score of each suggested category in this normalised text, in the order of the
        rules, those that score nothing left out: every occurrence of one of its words adds the
        word's weight, and every match of one of its patterns adds PATTERN."""
        totals = [0] * len(self.categories)
        by_first = self._by_first
        for ch in by_first.keys() & set(norm):
            for word, i, weight in by_first[ch]:
                if n := norm.count(word):
                    totals[i] += n * weight
        has_ascii = bool(_ASCII_LETTER.search(norm))
        english = has_ascii and self._any_english is not None and self._any_english.search(norm)
        for i, rule in enumerate(self.categories):
            if not rule.suggest:
                continue
            if english and rule._any_matcher is not None and rule._any_matcher.search(norm):
                for m, weight in rule.matchers:
                    totals[i] += len(m.findall(norm)) * weight
            for m, weight in rule.patterns:
                totals[i] += len(m.findall(norm)) * weight
        return {r.name: t for r, t in zip(self.categories, totals, strict=True) if t}

    def label(self, category: str | None) -> str:
        for rule in self.categories:
            if rule.name == category:
                return rule.label
        return category or "その他"


def normalize_text(text: str | None) -> str:
    """NFKC, lower case: the form keyword rules and the search index see."""
    return nfkc(text).lower() if text else ""


_ASCII_LETTER = re.compile(r"[a-z]")
# An English keyword matches at the start of a word only (``_rule``).
_WORD_START = r"(?<![a-z0-9])"


def _any_of(matchers) -> re.Pattern[str] | None:
    """One alternation of these English keywords without their start-of-word condition: it
    finds something in every text one of them matches (and in some others), and in one fast
    pass: with the condition in front of every word, the regex engine could not skip to where
    a keyword's first letter stands and took ~5 us per rule on a Japanese note with one Latin
    letter (「A社」). Only ever a test before the keywords themselves are counted."""
    words = [m.pattern.removeprefix(_WORD_START) for m in matchers]
    return re.compile("|".join(f"(?:{w})" for w in words)) if words else None


def _rule(name: str, spec: dict) -> Rule:
    words: list[tuple[str, int]] = []
    matchers: list[tuple[re.Pattern[str], int]] = []
    for key, weight in (("strong", STRONG), ("keywords", KEYWORD)):
        for word in spec.get(key, []):
            word = normalize_text(word)
            if word.isascii():
                # English: at the start of a word, so 'tip' is not found in 'multiple'
                matchers.append((re.compile(_WORD_START + re.escape(word)), weight))
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
    return rules.scores(norm) if norm else {}


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
