"""Table layout: one row per visit under a header row found anywhere near the top."""

from __future__ import annotations

from importers.issues import Issue
from importers.layout.context import YearContext
from importers.layout.header import HEADER_SCAN_ROWS, TableHeader, find_header
from importers.layout.synonyms import Synonyms, unit_multiplier
from importers.messages import issue, join, msg
from importers.normalize.text import clean_cell
from importers.records import CONTENT_FIELDS, RawVisit
from importers.workbook.sheet import Sheet, column_letter

_NONE: frozenset[str] = frozenset()  # one empty set shared by the rows that need none

__all__ = ["HEADER_SCAN_ROWS", "TableHeader", "find_header", "header_from_profile", "rep_above"]


def header_from_profile(
    sheet: Sheet, row: int, mapping: dict[str, str], synonyms: Synonyms
) -> TableHeader:
    """A header pinned by a profile: row is 0-based; mapping keys are headings or column letters."""
    from importers.workbook.sheet import column_index

    columns: dict[int, str] = {}
    headings: dict[int, str] = {}
    header_cells = sheet.rows[row] if row < len(sheet.rows) else []
    by_heading = {clean_cell(v): c for c, v in enumerate(header_cells) if clean_cell(v)}
    for key, field in mapping.items():
        if key in by_heading:
            col = by_heading[key]
        elif key.isascii() and key.isalpha() and key.isupper() and len(key) <= 3:
            col = column_index(key)
        else:
            continue
        columns[col] = field
        headings[col] = clean_cell(sheet.cell(row, col)) or column_letter(col)
    if not mapping:
        for c, value in enumerate(header_cells):
            field = synonyms.field_of(value)
            if field and field not in columns.values():
                columns[c], headings[c] = field, clean_cell(value)
    return TableHeader(row, columns, headings)


def rep_above(sheet: Sheet, header: TableHeader, synonyms: Synonyms) -> str | None:
    """The name block above the header (氏名: 山本) names the rep of every row."""
    for r in range(header.row):
        row = sheet.rows[r]
        for c, value in enumerate(row):
            if synonyms.field_of(value) == "rep":
                for v in row[c + 1 : c + 6]:
                    text = clean_cell(v)
                    if text:
                        return text
    return None


def table_visits(
    sheet: Sheet,
    header: TableHeader,
    synonyms: Synonyms,
    context: YearContext,
    *,
    lang: str | None = None,
) -> tuple[list[RawVisit], list[Issue]]:
    issues: list[Issue] = []
    columns = header.columns
    multiplier = next(
        (unit_multiplier(header.headings[c]) for c, f in columns.items() if f == "amount"), 1
    )
    fill = _vertical_merge_fill(sheet, header.row, set(columns))
    # 受注見込み金額（税抜）: the amount is read as written; whether tax is in is kept beside it.
    tax_col = next((c for c, f in columns.items() if f == "amount" and _tax(header, c)), None)
    tax = _tax(header, tax_col) if tax_col is not None else None
    anchor_col = next((c for c, f in columns.items() if f == "company"), min(columns, default=0))
    date_col = next((c for c, f in columns.items() if f == "occurred_on"), None)
    last_date = None
    visits: list[RawVisit] = []
    unmapped_with_content: set[int] = set()
    # cells written on a row with no customer and no content (a continuation line, an amount
    # alone): kept on the visit above, or named in a warning, never skipped silently
    stray: list[tuple[str, object, str]] = []
    stray_kept_on: str | None = None
    prefix = {c: f"{sheet.name}!{column_letter(c)}" for c in columns}
    first_col = min(columns, default=0)
    first_heading = header.headings.get(first_col)
    # A sheet repeats its values (companies, ranks, reps): test each distinct short text once;
    # long text (a visit summary) and numbers never are a totals label.
    totals: dict[str, bool] = {}

    def is_total(v) -> bool:
        if not isinstance(v, str) or len(v) > 12:
            return False
        seen = totals.get(v)
        if seen is None:
            seen = totals[v] = synonyms.is_total(v)
        return seen

    def has_total(row) -> bool:
        for v in row:
            if isinstance(v, str) and len(v) <= 12:
                seen = totals.get(v)
                if seen is None:
                    seen = totals[v] = synonyms.is_total(v)
                if seen:
                    return True
        return False

    # Per sheet, once: the placed columns with their cell prefixes, the unplaced ones (extras,
    # by row width), the rows a merged range or a formula without a value touches.
    placed = [(c, field, prefix[c]) for c, field in columns.items()]
    fill_rows = {r for r, _c in fill}
    uncached_rows = {r for r, _c in sheet.uncached_formulas}
    last_placed = max(columns, default=-1)
    unplaced_by_width: dict[int, list[int]] = {}
    rows = sheet.rows
    for r in range(header.row + 1, len(rows)):
        row = rows[r]
        if has_total(row):
            continue
        # a second heading row (English under Japanese) or the header repeated on every page
        if (r <= header.row + 2 or (first_col < len(row) and row[first_col] == first_heading)) and (
            _repeats_header(row, columns, synonyms)
        ):
            continue
        uncached = []
        width = len(row)
        number = str(r + 1)
        if r in fill_rows or r in uncached_rows:
            cells = {}
            filled = r in fill_rows
            check_uncached = r in uncached_rows
            for c, field, pre in placed:
                value = row[c] if c < width else ""
                if filled and value == "" and (r, c) in fill:
                    value = fill[(r, c)]
                if check_uncached and (r, c) in sheet.uncached_formulas:
                    uncached.append(pre + number)
                if value != "" and value is not None:
                    cells[field] = (value, pre + number)
        elif width > last_placed:
            # most rows: no merged cell to fill, no formula without a value, every column there
            cells = {
                field: (value, pre + number)
                for c, field, pre in placed
                if (value := row[c]) != "" and value is not None
            }
        else:
            cells = {
                field: (value, pre + number)
                for c, field, pre in placed
                if c < width and (value := row[c]) != "" and value is not None
            }
        if CONTENT_FIELDS.isdisjoint(cells):
            if "occurred_on" in cells:
                last_date = cells["occurred_on"]
            written = _stray_cells(row, r, columns, cells, header, synonyms)
            if written:
                stray.extend(written)
                if visits:
                    visits[-1].extras = visits[-1].extras + tuple(written)
                    stray_kept_on = stray_kept_on or visits[-1].ref
            continue
        # Reps write the date once for several visits on the same day.
        if date_col is not None:
            if "occurred_on" in cells:
                last_date = cells["occurred_on"]
            elif last_date is not None:
                cells["occurred_on"] = (last_date[0], last_date[1])
        extras = []
        unplaced = unplaced_by_width.get(width)
        if unplaced is None:
            unplaced = unplaced_by_width[width] = [c for c in range(width) if c not in columns]
        for c in unplaced:
            v = row[c]
            if v not in ("", None) and not is_total(v):
                unmapped_with_content.add(c)
                extras.append((header.headings.get(c, ""), v, column_letter(c)))
        if tax_col is not None and "amount" in cells:
            extras.append((header.headings[tax_col], tax, column_letter(tax_col)))
        visits.append(
            RawVisit(
                sheet=sheet.name,
                ref=prefix[anchor_col] + number,
                cells=cells,
                context=context,
                amount_multiplier=multiplier,
                uncached=frozenset(uncached) if uncached else _NONE,
                extras=tuple(extras),
            )
        )
    for name, first, second in header.ties:
        issues.append(
            issue(
                "warning",
                "ambiguous_columns",
                lang,
                f"{sheet.name}!{column_letter(second)}{header.row + 1}",
                sheet=sheet.name,
                first=column_letter(first),
                second=column_letter(second),
                field=msg(f"field_name.{name}", lang),
            )
        )
    if stray:
        issues.append(_stray_issue(sheet.name, stray, stray_kept_on if visits else None, lang))
    if not visits:
        # An empty month sheet of a yearly template is normal (parse_report raises it to a
        # warning when the whole file yields nothing); rows that all failed to be visits are not.
        written = any(any(v not in ("", None) for v in row) for row in sheet.rows[header.row + 1 :])
        issues.append(
            issue(
                "warning" if written else "info",
                "header_no_rows",
                lang,
                f"{sheet.name}!{column_letter(min(header.headings, default=0))}{header.row + 1}",
                sheet=sheet.name,
                row=header.row + 1,
                headings=join((header.headings[c] for c in sorted(header.columns)), lang),
            )
        )
    if unmapped_with_content:
        no_heading = msg("unmapped_columns.no_heading", lang)
        names = join(
            (
                msg(
                    "unmapped_columns.column",
                    lang,
                    heading=clean_cell(sheet.cell(header.row, c)) or no_heading,
                    letter=column_letter(c),
                )
                for c in sorted(unmapped_with_content)
            ),
            lang,
        )
        issues.append(
            issue(
                "warning",
                "unmapped_columns",
                lang,
                f"{sheet.name}!{column_letter(min(unmapped_with_content))}{header.row + 1}",
                sheet=sheet.name,
                columns=names,
                count=len(unmapped_with_content),
            )
        )
    return visits, issues


def _repeats_header(row: list, columns: dict[int, str], synonyms) -> bool:
    """Whether the row's cells name the same fields as the header's (日付 / Date, 訪問先 /
    Customer …): a heading row, not a visit."""
    from importers.layout.header import heading_scores

    same = 0
    for c, field in columns.items():
        value = row[c] if c < len(row) else ""
        if isinstance(value, str) and value.strip():
            # exact headings only: a value such as 「治具の改善提案」 holds a keyword (提案) too
            scores = heading_scores(value, synonyms)
            best = max(scores, key=lambda f: scores[f].score) if scores else None
            if best == field and scores[best].score >= 90:
                same += 1
    return same >= max(2, (len(columns) + 1) // 2)


def _tax(header: TableHeader, col: int) -> str | None:
    from importers.layout.headings import parse_heading

    return parse_heading(header.headings.get(col, "")).tax


def _vertical_merge_fill(sheet: Sheet, header_row: int, cols: set[int]) -> dict:
    """(row, col) -> value for the cells a merged range covers below its top cell."""
    fill = {}
    for (r0, c0), (r1, _c1) in sheet.merged:
        if r1 <= r0 or r0 <= header_row or c0 not in cols:
            continue
        value = sheet.cell(r0, c0)
        for r in range(r0 + 1, r1 + 1):
            fill[(r, c0)] = value
    return fill


def _stray_cells(row, r: int, columns, cells, header, synonyms) -> list[tuple[str, object, str]]:
    """(heading, value, cell) of what a row without customer or content still holds, the date
    aside: placed fields such as an amount, and columns Genba could not place."""
    out = []
    for c, v in enumerate(row):
        field = columns.get(c)
        if field == "occurred_on" or v in ("", None) or synonyms.is_total(v):
            continue
        if field is not None and field not in cells:
            continue
        out.append((header.headings.get(c, ""), v, f"{column_letter(c)}{r + 1}"))
    return out


def _stray_issue(sheet: str, stray, kept_on: str | None, lang: str | None):
    no_heading = msg("unmapped_columns.no_heading", lang)
    labels = join(
        (f"{clean_cell(heading) or no_heading}（{cell}）" for heading, _v, cell in stray), lang
    )
    first = f"{sheet}!{stray[0][2]}"
    params = {"sheet": sheet, "count": len(stray), "labels": labels}
    if kept_on is None:
        return issue("warning", "row_stray.no_visit", lang, first, **params)
    row = kept_on.rsplit("!", 1)[-1].lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    return issue("warning", "row_stray", lang, first, row=row, **params)
