"""A workbook in memory -> activity records and issues (no store access here)."""

from __future__ import annotations

import datetime as dt
import itertools
import logging
from dataclasses import dataclass, field, replace
from pathlib import Path

from importers.issues import ImportFailed, Issue
from importers.layout.context import year_context
from importers.layout.form import find_labels, form_visits, looks_like_form
from importers.layout.form_blocks import form_stray_issue
from importers.layout.header import header_hints, not_visit_table
from importers.layout.synonyms import Synonyms
from importers.layout.table import (
    HEADER_SCAN_ROWS,
    find_header,
    header_from_profile,
    rep_above,
    table_visits,
)
from importers.messages import fail, issue, join, msg, resolve
from importers.profiles import Profile, ProfileError, profile_by_headings
from importers.records import ActivityRecord
from importers.visit import build_record
from importers.workbook.load import load_sheets
from importers.workbook.sheet import Sheet

log = logging.getLogger(__name__)


@dataclass
class ParseResult:
    fmt: str
    records: list[ActivityRecord] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    layouts: dict[str, str] = field(default_factory=dict)  # sheet -> 'table' | 'form'
    profile: Profile | None = None  # the profile the file was read with


def parse_report(data: bytes, filename: str, **kwargs) -> ParseResult:
    """Parse a daily report; raise ImportFailed when nothing in it can be read as visits.

    Keyword arguments as ``read_report``. A bug met on one file becomes that file's problem
    (with the traceback in genba.log), so a folder import goes on with the next file."""
    try:
        return read_report(data, filename, **kwargs)
    except (ImportFailed, ProfileError, RecursionError, MemoryError):
        raise
    except Exception as exc:
        log.exception("unexpected error while reading %s", filename)
        raise fail("unreadable.unexpected", kwargs.get("lang"), reason=type(exc).__name__) from None


def read_report(
    data: bytes,
    filename: str,
    *,
    synonyms: Synonyms,
    default_rep: str | None = None,
    profile: Profile | None = None,
    file_date: dt.date | None = None,
    ranks: dict[str, int] | None = None,
    lang: str | None = None,
    reps: frozenset[str] = frozenset(),
    profiles: list[Profile] | None = None,
    keep=None,
) -> ParseResult:
    """Parse a daily report; raise ImportFailed when nothing in it can be read as visits.

    ``keep``: what to hold of each record (the importer keeps a compact ``StoredRow``, so that a
    large workbook's rows are never all held as dicts); None keeps the ActivityRecord.
    ``lang`` is the language of the issues' messages (None: ``messages.default_language()``).
    ``reps``: the configured rep and teammates — a 担当 column holding them is the rep column.
    ``profiles``: when no profile is given, one whose saved heading row stands in the first
    sheet is used (next month's file of the same template, whatever its name).
    """
    reps = frozenset(reps) | ({default_rep} if default_rep else set())
    lang = resolve(lang)
    fmt, sheets = load_sheets(data, filename, lang=lang, lazy=True)
    if profile is None and profiles:
        sheets = iter(sheets)
        first = next(sheets, None)
        sheets = itertools.chain([first] if first else [], sheets)
        profile = profile_by_headings(first.rows, profiles) if first else None
    result = ParseResult(fmt, profile=profile)
    name = Path(filename).name
    ranks = {**(ranks or {}), **(profile.ranks if profile else {})} or None
    if profile and profile.labels:
        synonyms = synonyms.with_labels(profile.labels)
    nonempty = 0
    hints: list[tuple[str, str, str]] = []  # headings seen on sheets that held no report
    for sheet in sheets:
        if profile and not profile.wants_sheet(sheet.name):
            continue
        if not any(any(v not in ("", None) for v in row) for row in sheet.rows[:300]):
            continue
        nonempty += 1
        if sheet.truncated_at is not None:
            result.issues.append(
                issue(
                    "info",
                    "blank_padding",
                    lang,
                    sheet.name,
                    sheet=sheet.name,
                    row=sheet.truncated_at,
                )
            )
        context = year_context(sheet.name, name, file_date)
        if profile and (profile.year or profile.fiscal_year):
            context = _pinned_context(context, profile)
        visits = _sheet_visits(sheet, synonyms, profile, context, result, lang, reps)
        if visits is None:
            if not result.layouts and len(hints) < 8:
                hints.extend(header_hints(sheet, synonyms))
            continue
        rep = (profile.rep if profile else None) or visits[1] or default_rep
        add, note = result.records.append, result.issues.extend
        for visit in visits[0]:  # the sheet's rows: nothing looked up again per row
            record = build_record(visit, default_rep=rep, ranks=ranks, lang=lang)
            add(keep(record) if keep else record)
            if record.issues:
                note(record.issues)
    if not result.layouts:
        if nonempty == 0:
            raise fail("no_data", lang)
        refused = [i for i in result.issues if i.code == "not_visits"]
        if refused:
            raise ImportFailed(refused[0].code, refused[0].message, refused[0].location)
        raise _no_header(hints, lang)
    if not result.records:
        # A recognised header and not one visit: never a silent +0.
        result.issues = [
            replace(i, severity="warning") if i.code == "header_no_rows" else i
            for i in result.issues
        ]
    return result


def _no_header(found: list[tuple[str, str, str]], lang):
    """The no-header failure, naming the headings Genba did recognise (and where)."""
    found = found[:8]
    if not found:
        return fail("no_header", lang, rows=HEADER_SCAN_ROWS)
    listed = join((msg("no_header.heading", lang, text=t, ref=ref) for t, _f, ref in found), lang)
    return fail("no_header.found", lang, found=listed)


def _sheet_visits(sheet: Sheet, synonyms, profile, context, result, lang=None, reps=frozenset()):
    """(visits, rep named in the sheet) or None when the sheet holds no report."""
    layout = profile.layout if profile else None
    if layout != "form":
        if profile and (profile.header_row or profile.columns):
            row = (profile.header_row - 1) if profile.header_row else _header_row(sheet, synonyms)
            header = header_from_profile(sheet, row or 0, profile.columns, synonyms)
        else:
            header = find_header(sheet, synonyms, reps=reps)
        refused = header.not_visits if header is not None else None
        if header is None and layout is None and not looks_like_form(find_labels(sheet, synonyms)):
            refused = not_visit_table(sheet, synonyms)
        if refused and layout != "table":
            kind, headings = refused
            result.issues.append(
                issue(
                    "warning",
                    "not_visits",
                    lang,
                    sheet.name,
                    sheet=sheet.name,
                    kind=msg(f"not_visits.{kind}", lang),
                    headings=join(headings[:8], lang),
                )
            )
            return None
        if header is not None and (
            layout == "table"
            or len(set(header.columns.values())) >= 3
            or not looks_like_form(find_labels(sheet, synonyms))
        ):
            visits, issues = table_visits(sheet, header, synonyms, context, lang=lang)
            result.issues.extend(issues)
            result.layouts[sheet.name] = "table"
            return visits, rep_above(sheet, header, synonyms)
    labels = find_labels(sheet, synonyms, unknown=True)
    if layout == "form" or looks_like_form(labels):
        result.layouts[sheet.name] = "form"
        read = form_visits(sheet, labels, context)
        visits = read.visits
        stray = {ref.rsplit("!", 1)[-1] for _h, _v, ref in read.stray}
        unplaced = dict.fromkeys(
            f"{h}（{col}）" for v in visits for h, _v, col in v.extras if col not in stray
        )
        if unplaced:
            result.issues.append(
                issue(
                    "warning",
                    "unmapped_labels",
                    lang,
                    sheet.name,
                    sheet=sheet.name,
                    count=len(unplaced),
                    labels=join(unplaced, lang),
                )
            )
        if read.stray:
            result.issues.append(form_stray_issue(sheet.name, read, lang))
        return visits, None
    result.issues.append(issue("info", "sheet_skipped", lang, sheet.name, sheet=sheet.name))
    return None


def _header_row(sheet: Sheet, synonyms: Synonyms) -> int | None:
    header = find_header(sheet, synonyms)
    return header.row if header else None


def _pinned_context(context, profile: Profile):
    if profile.year:
        return replace(context, default_year=profile.year, fiscal_year=None, guessed_from=None)
    fy = profile.fiscal_year
    month = context.sheet_month
    default = (fy + 1 if month <= 3 else fy) if month else None
    return replace(context, default_year=default, fiscal_year=fy, guessed_from=None)
