"""Finding a table's header row: one row or two (a merged group heading over sub-headings),
anywhere in the first rows and columns, read as one best assignment of columns to fields and
settled by what the columns hold."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from importers.layout.assign import assign
from importers.layout.evidence import COMPANY, adjust, column_content
from importers.layout.headings import parse_heading
from importers.layout.scoring import score_heading
from importers.normalize.text import clean_cell
from importers.workbook.sheet import Sheet

HEADER_SCAN_ROWS = 30
MIN_HEADER_FIELDS = 2
ANCHOR_FIELDS = {"occurred_on", "company", "summary"}
EVIDENCE_ROWS = 60  # rows below the header whose values settle an ambiguous heading
VISIT_CONTENT = {"company", "contact", "summary", "result", "next_action", "insight", "deal_title"}


@dataclass
class TableHeader:
    row: int  # 0-based; the last header row (data starts below it)
    columns: dict[int, str]  # column -> logical field
    headings: dict[int, str]  # column -> heading text as written (every non-empty heading)
    first_row: int | None = None  # the group row of a two-row header
    reasons: dict[int, str] = field(default_factory=dict)
    ties: list[tuple[str, int, int]] = field(default_factory=list)
    not_visits: tuple[str, list[str]] | None = None  # (kind, headings) of a refused table


def row_headings(sheet: Sheet, r: int) -> tuple[dict[int, str], bool]:
    """column -> heading of row ``r``, with the merged group heading of row r-1 put in front
    (「案件」 over 「名称」 reads 「案件 名称」); True when such a group row was used."""
    own: dict[int, str] = {}
    for c, value in enumerate(sheet.rows[r] if r < len(sheet.rows) else []):
        text = clean_cell(value) if isinstance(value, str) else ""
        if text:
            own[c] = text
    grouped = False
    if r == 0:
        return own, grouped
    for (r0, c0), (r1, c1) in sheet.merged:
        if not (r0 <= r - 1 <= r1):
            continue
        top = sheet.cell(r0, c0)
        top = clean_cell(top) if isinstance(top, str) else ""
        if not top:
            continue
        if r1 >= r:  # a heading merged down over both rows (日付 spanning the two header rows)
            if c0 not in own:
                own[c0] = top
            continue
        if c1 > c0 and r1 == r - 1:
            for c in range(c0, c1 + 1):
                if c in own:
                    own[c] = f"{top} {own[c]}"
                    grouped = True
    return own, grouped


def find_header(
    sheet: Sheet, synonyms, *, reps: frozenset[str] = frozenset()
) -> TableHeader | None:
    """The row among the first ones whose headings name fields best (earliest on a tie)."""
    best: tuple[tuple, int, dict] | None = None
    for r in range(min(HEADER_SCAN_ROWS, len(sheet.rows))):
        headings, _grouped = row_headings(sheet, r)
        if not _header_like(sheet, r, headings):
            continue
        candidates = {c: heading_scores(text, synonyms) for c, text in headings.items()}
        result = assign({c: {f: s.score for f, s in v.items()} for c, v in candidates.items()})
        fields = set(result.columns.values())
        if len(fields) < MIN_HEADER_FIELDS or not fields & ANCHOR_FIELDS:
            continue
        rank = (len(fields) + result.total / 1000,)
        if best is None or rank > best[0]:
            best = (rank, r, headings)
    if best is None:
        return None
    return settle_header(sheet, best[1], best[2], synonyms, reps=reps)


def settle_header(sheet: Sheet, r: int, headings: dict[int, str], synonyms, *, reps=frozenset()):
    """The header of row ``r`` with every column's scores moved by its values, then assigned."""
    candidates: dict[int, dict[str, int]] = {}
    reasons: dict[int, dict[str, str]] = {}
    below = sheet.rows[r + 1 : r + 1 + EVIDENCE_ROWS]
    for c, text in headings.items():
        scores = heading_scores(text, synonyms)
        content = column_content((row[c] if c < len(row) else "" for row in below), reps)
        key = parse_heading(text).key
        candidates[c] = adjust({f: s.score for f, s in scores.items()}, key, content)
        reasons[c] = {f: s.reason for f, s in scores.items()}
    result = assign(candidates, reasons)
    _, grouped = row_headings(sheet, r)
    header = TableHeader(
        r,
        dict(sorted(result.columns.items())),
        headings,
        first_row=r - 1 if grouped else None,
        reasons=result.reasons,
        ties=result.ties,
    )
    header.not_visits = refused_as(header, synonyms)
    return header


def not_visit_table(sheet: Sheet, synonyms) -> tuple[str, list[str]] | None:
    """(kind, headings) of a row that reads as an invoice, price list, contact list or pivot
    header even though it names too few visit fields to be a daily report's header."""
    for r in range(min(HEADER_SCAN_ROWS, len(sheet.rows))):
        headings, _ = row_headings(sheet, r)
        if len(headings) >= 3 and _header_like(sheet, r, headings):
            refused = refused_as(TableHeader(r, {}, headings), synonyms)
            if refused:
                return refused
    return None


def refused_as(header: TableHeader, synonyms) -> tuple[str, list[str]] | None:
    """(kind, headings) when the table is an invoice, a price list, a contact export or a pivot
    summary rather than visits; None for a visit table."""
    fields = set(header.columns.values())
    hits: dict[str, int] = {}
    for text in header.headings.values():
        heading = parse_heading(text)
        for kind, words in synonyms.not_visits.items():
            if any(w in part for part in heading.parts for w in words):
                hits[kind] = hits.get(kind, 0) + 1
    if not hits:
        return None
    kind = max(hits, key=hits.get)
    content = len(fields & VISIT_CONTENT)
    # A visit table may carry a few such columns (役職, 電話番号 beside 面談者); a table made of
    # them, with fewer visit columns than theirs, is something else.
    total = sum(hits.values())
    if (kind == "pivot" and "occurred_on" not in fields) or (total >= 2 and total > content):
        return kind, list(header.headings.values())
    return None


_VALUE_LIKE = re.compile(r"^[#=]|^[\d\s,.%¥+\-/:()（）]+$|^\d+\s")


def heading_scores(text: str, synonyms):
    """field -> Score for a header cell; {} for a cell that is a value rather than a heading."""
    if len(text) > 40 or COMPANY.search(text) or _VALUE_LIKE.search(text):
        return {}  # a value (a sentence, a company name, a number, #VALUE!), never a heading
    return score_heading(parse_heading(text), synonyms)


def _header_like(sheet: Sheet, r: int, headings: dict[int, str]) -> bool:
    """Headings are short words: a row holding dates or numbers is data, not a header."""
    row = sheet.rows[r] if r < len(sheet.rows) else []
    filled = [v for v in row if v not in ("", None)]
    if len(headings) < MIN_HEADER_FIELDS:
        return False
    others = sum(1 for v in filled if isinstance(v, int | float | dt.date | dt.datetime))
    return others * 3 <= len(filled)


def header_hints(sheet: Sheet, synonyms) -> list[tuple[str, str, str]]:
    """(heading, field, 'Sheet!A3') of the row naming the most fields, even when too few to be
    a header: what the no-header message says Genba did see."""
    from importers.workbook.sheet import cell_ref

    best: list[tuple[str, str, str]] = []
    for r in range(min(HEADER_SCAN_ROWS, len(sheet.rows))):
        found = []
        for c, text in row_headings(sheet, r)[0].items():
            scores = heading_scores(text, synonyms)
            if scores:
                name = max(scores, key=lambda f: scores[f].score)
                found.append((text, name, cell_ref(sheet.name, r, c)))
        if len(found) > len(best):
            best = found
    return best


def suggest_columns(sheet: Sheet, row: int, synonyms, *, lang: str | None = None):
    """column -> (field, why) for the header in ``row`` (0-based), as the import would read it:
    the mapping wizard starts from these instead of from nothing."""
    from importers.messages import msg

    if not isinstance(sheet, Sheet):  # the wizard's grid of a sheet's first rows
        sheet = Sheet(sheet.name, sheet.rows, list(getattr(sheet, "merged", None) or []))
    headings, _ = row_headings(sheet, row)
    header = settle_header(sheet, row, headings, synonyms)
    out = {}
    for c, name in header.columns.items():
        kind, _, word = header.reasons.get(c, "").partition(":")
        key = {"exact": "reason.exact", "part": "reason.part"}.get(kind, "reason.keyword")
        field = msg(f"field_name.{name}", lang)
        out[c] = (name, msg(key, lang, heading=headings[c], word=word, field=field))
    return out
