"""A visit's cells -> one normalised activity record; a bad cell empties that field and says so."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from functools import lru_cache
from typing import Any

from importers.issues import Issue
from importers.layout.context import YearContext
from importers.messages import LANGUAGES, issue, msg, reason, resolve
from importers.normalize.amounts import AmountParseError, parse_amount
from importers.normalize.companies import normalize_company
from importers.normalize.dates import DateParseError, find_date_prefix, parse_date
from importers.normalize.people import split_people
from importers.normalize.probability import ProbabilityParseError, parse_probability
from importers.normalize.text import clean_cell
from importers.records import ActivityRecord, RawVisit


def build_record(
    visit: RawVisit,
    *,
    default_rep: str | None,
    ranks: dict[str, int] | None,
    lang: str | None = None,
) -> ActivityRecord:
    if lang not in LANGUAGES:  # parse_report passes the language it resolved once
        lang = resolve(lang)
    cells = visit.cells
    issues: list[Issue] = []
    # the cell as text: most are text already (clean_cell for the rest)
    raw = {
        name: value.strip() if type(value) is str else clean_cell(value)
        for name, (value, _ref) in cells.items()
    }
    get = raw.get

    for ref in visit.uncached:
        issues.append(issue("warning", "formula_no_value", lang, ref, ref=ref))

    # The fields as one literal, in the order they are stored (the stored row and the change
    # log keep it); the issues keep theirs: visit date, next-action date, amount, probability.
    occurred_on_raw = get("occurred_on") or None
    occurred_on = _date(cells.get("occurred_on"), visit, issues, "visit", lang)
    company_raw = get("company")
    contact_name, contact_title = _contact(get("contact"))
    next_action = get("next_action") or None
    due_raw = get("next_action_due")
    if due_raw and (due_cell := cells.get("next_action_due")):
        due = _date(due_cell, visit, issues, "next_action", lang)
    elif next_action:
        due = _iso(find_date_prefix(next_action, **_parse_kwargs(visit.context)))
    else:
        due = None
    f: dict[str, Any] = {
        "source_ref": visit.ref,
        "occurred_on_raw": occurred_on_raw,
        "occurred_on": occurred_on,
        "rep": get("rep") or default_rep,
        "company_name_raw": company_raw or None,
        "contact_name": contact_name,
        "contact_title": contact_title,
        "purpose": get("purpose") or None,
        "summary": get("summary") or None,
        "result": get("result") or None,
        "next_action": next_action,
        "insight": get("insight") or None,
        "deal_title": get("deal_title") or None,
        "next_action_due_raw": due_raw or None,
        "next_action_due": due,
        "amount_raw": get("amount") or None,
        "amount_jpy": _amount(cells.get("amount"), visit, issues, lang),
        "probability_raw": get("probability") or None,
        "probability": _probability(cells.get("probability"), ranks, issues, lang),
    }
    company = normalize_company(company_raw or "")

    # Columns Genba could not place are kept on the activity, never dropped.
    if visit.extras:
        extras = [
            {"heading": heading, "value": clean_cell(value), "column": column}
            for heading, value, column in visit.extras
        ]
        f["extras"] = json.dumps(extras, ensure_ascii=False)
        for extra in extras:
            raw[f"extra:{extra['column']}"] = extra["value"]
    else:
        f["extras"] = None

    # What the rep wrote, as written: equal rows have equal fingerprints wherever they stand.
    # (the same bytes as name, 0x1f, value, 0x1e per cell: encoded once, not field by field)
    written = "".join([f"{name}\x1f{raw[name]}\x1e" for name in sorted(raw)])
    digest = hashlib.blake2b(written.encode(), digest_size=16)
    return ActivityRecord(visit.sheet, f, company, digest.hexdigest(), issues)


@lru_cache(maxsize=4096)
def _contact(contact: str | None) -> tuple[str | None, str | None]:
    """(contact_name, contact_title) of a 面談者 cell: '青木課長、石井主任' -> ('青木、石井',
    '課長、主任'). Cached: a report names the same few people on row after row."""
    people = split_people(contact) if contact else []
    if not people:
        return contact or None, None
    titles = [p.title for p in people if p.title]
    return "、".join(p.name for p in people), "、".join(titles) if titles else None


@lru_cache(maxsize=1024)
def _parse_kwargs(ctx: YearContext) -> dict:
    """``ctx.parse_kwargs()``, once per sheet's context rather than once per cell (read only)."""
    return ctx.parse_kwargs()


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def _date(
    cell, visit: RawVisit, issues: list[Issue], what: str, lang: str | None = None
) -> str | None:
    """``what``: 'visit' or 'next_action' (which date, for the message)."""
    if cell is None:
        return None
    value, ref = cell
    # A real date cell (most of them): parse_date returns it as it is (the year rules below
    # apply to text only).
    if isinstance(value, dt.date):
        return (value.date() if isinstance(value, dt.datetime) else value).isoformat()
    ctx = visit.context
    if value in ("", None):
        return None
    # A bare day number under a month sheet (日 column: 1, 2, 3 …).
    if (
        isinstance(value, int | float)
        and ctx.sheet_month
        and 1 <= value <= 31
        and value == int(value)
    ):
        year = ctx.year_for_month(ctx.sheet_month)
        if year:
            try:
                return dt.date(year, ctx.sheet_month, int(value)).isoformat()
            except ValueError:
                pass
    try:
        kwargs = _parse_kwargs(ctx)
        if ctx.sheet_month and "fiscal_year" not in kwargs and not ctx.default_year:
            kwargs = {"default_year": ctx.year_for_month(ctx.sheet_month)}
        parsed = parse_date(value, **kwargs)
    except DateParseError as exc:
        issues.append(
            issue(
                "warning",
                "bad_date",
                lang,
                ref,
                ref=ref,
                what=msg(f"bad_date.{what}", lang),
                value=clean_cell(value),
                reason=reason(exc, lang),
            )
        )
        return None
    # No year anywhere: the year came from the file's date; a month after it is last year.
    late = ctx.guessed_from and parsed and parsed > ctx.guessed_from + dt.timedelta(days=45)
    if late and isinstance(value, str):
        parsed = parsed.replace(year=parsed.year - 1)
    return _iso(parsed)


def _amount(cell, visit: RawVisit, issues: list[Issue], lang: str | None = None) -> int | None:
    if cell is None or cell[0] in ("", None):
        return None
    value, ref = cell
    try:
        # A heading in 千円/万円 scales plain numbers, not text that names its own unit.
        return parse_amount(value, unit=visit.amount_multiplier)
    except AmountParseError as exc:
        issues.append(
            issue(
                "warning",
                "bad_amount",
                lang,
                ref,
                ref=ref,
                value=clean_cell(value),
                reason=reason(exc, lang),
            )
        )
        return None


def _probability(cell, ranks, issues: list[Issue], lang: str | None = None) -> int | None:
    if cell is None or cell[0] in ("", None):
        return None
    value, ref = cell
    try:
        return parse_probability(value, ranks=ranks)
    except ProbabilityParseError as exc:
        issues.append(
            issue(
                "warning",
                "bad_probability",
                lang,
                ref,
                ref=ref,
                value=clean_cell(value),
                reason=reason(exc, lang),
            )
        )
        return None
