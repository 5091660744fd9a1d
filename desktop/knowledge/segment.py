"""Text -> tokens for the search index: words for English, bigrams and single characters for
Japanese.

SQLite's trigram tokenizer cannot find words shorter than three characters, and Japanese has
many (納期, 価格, 品質, 納). So the index is FTS5 with the ``unicode61`` tokenizer over text
pre-segmented here:

* column ``bi``: English/number words as they are, and every overlapping character bigram of each
  run of Japanese (or other non-ASCII) letters: 納期遅延 -> 納期 期遅 遅延;
* column ``uni``: every single character of those runs: 納 期 遅 延.

A query word of one character looks in ``uni``; two characters are one ``bi`` token; three or
more are a phrase of consecutive bigrams (納期遅延 -> "納期 期遅 遅延"), which matches exactly the
texts where the word occurs. English words match as prefixes (lead* time*).
"""

from __future__ import annotations

import re
import shlex

from importers.insights.categories import normalize_text

# Bump when the segmentation changes: the index is rebuilt (deletes need the old tokens).
SEGMENTER_VERSION = "1"

_TOKENS = re.compile(r"([0-9a-z]+)|([^\x00-\x7f\W]+)")


def runs(norm: str) -> list[tuple[bool, str, int, int]]:
    """(is_ascii_word, text, start, end) runs of normalised text; punctuation and spaces split."""
    return [(bool(m.group(1)), m.group(0), m.start(), m.end()) for m in _TOKENS.finditer(norm)]


def bigrams(run: str) -> list[str]:
    return [run[i : i + 2] for i in range(len(run) - 1)]


def _bi_tokens(norm: str) -> tuple[list[str], list[str]]:
    bi: list[str] = []
    uni: list[str] = []
    prev = None
    for is_word, run, start, end in runs(norm):
        if prev is not None and prev[3] == start and prev[0] != is_word:
            # A社, 3台, 型番X: the two characters either side of an English/Japanese seam
            bi.append(prev[1][-1] + run[0])
        if is_word:
            bi.append(run)
        else:
            bi.extend(bigrams(run))
            uni.extend(run)
        prev = (is_word, run, start, end)
    return bi, uni


def segment(text: str | None) -> tuple[str, str]:
    """Normalised text -> (bi, uni) column values for the FTS table."""
    if not text:
        return "", ""
    bi, uni = _bi_tokens(text)
    return " ".join(bi), " ".join(uni)


def _quote(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def _clusters(norm: str) -> list[list[tuple[bool, str, int, int]]]:
    """Runs grouped where they touch (A社 is one cluster; A-社 two)."""
    out: list[list[tuple[bool, str, int, int]]] = []
    for r in runs(norm):
        if out and out[-1][-1][3] == r[2]:
            out[-1].append(r)
        else:
            out.append([r])
    return out


def query_terms(query: str) -> list[tuple[str, str]]:
    """The query as (kind, normalised text) terms, all of which must match (AND): 'word' (an
    English word, matched as a prefix), 'phrase' (quoted English words), 'uni' (one Japanese
    character), 'bi' (Japanese of 2+ characters), 'mixed' (English and Japanese touching: A社)."""
    try:
        parts = shlex.split(query)
    except ValueError:  # an unbalanced quote: take the words as they are
        parts = query.replace('"', " ").split()
    terms: list[tuple[str, str]] = []
    for part in parts:
        norm = normalize_text(part)
        pieces = runs(norm)
        if len(pieces) > 1 and " " in norm and all(p[0] for p in pieces):
            terms.append(("phrase", " ".join(p[1] for p in pieces)))
            continue
        for cluster in _clusters(norm):
            if len(cluster) > 1:
                terms.append(("mixed", norm[cluster[0][2] : cluster[-1][3]]))
                continue
            is_word, run, _s, _e = cluster[0]
            if is_word:
                terms.append(("word", run))
            elif len(run) == 1:
                terms.append(("uni", run))
            else:
                terms.append(("bi", run))
    return terms


def _mixed_tokens(text: str) -> list[str]:
    tokens, _uni = _bi_tokens(text)
    cluster = runs(text)
    # the English words at either end may be longer in the text (13台 contains 3台): the seam
    # bigram already pins them
    if cluster[0][0]:
        tokens = tokens[1:]
    if cluster[-1][0] and len(cluster) > 1:
        tokens = tokens[:-1]
    return tokens


def match_expression(query: str) -> str | None:
    """An FTS5 MATCH expression for the query, or None when it has nothing to look for."""
    exprs = []
    for kind, text in query_terms(query):
        if kind == "word":
            exprs.append(f"{{bi cbi}} : {_quote(text)} *")
        elif kind == "phrase":
            exprs.append(f"{{bi cbi}} : {_quote(text)}")
        elif kind == "uni":
            exprs.append(f"{{uni cuni}} : {_quote(text)}")
        elif kind == "mixed":
            exprs.append(f"{{bi cbi}} : {_quote(' '.join(_mixed_tokens(text)))}")
        else:
            exprs.append(f"{{bi cbi}} : {_quote(' '.join(bigrams(text)))}")
    return " AND ".join(exprs) if exprs else None
