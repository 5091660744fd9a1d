"""A visit's cells -> one normalised activity record; a bad cell empties that field and says so."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

from importers.issues import Issue
from importers.messages import LANGUAGES, issue, msg, reason, resolve
from importers.normalize.amounts import AmountParseError, parse_amount
from importers.normalize.companies import normalize_company
from importers.normalize.dates import DateParseError, find_date_prefix, parse_date
from importers.normalize.people import split_people
from importers.normalize.probability import ProbabilityParseError, parse_probability
from importers.normalize.text import clean_cell
from importers.records import ActivityRecord, RawVisit

TEXT_FIELDS = {
    "purpose": "purpose",
    "summary": "summary",
    "result": "result",
    "next_action": "next_action",
    "insight": "insight",
    "deal_title": "deal_title",
}


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
    f: dict[str, Any] = {"source_ref": visit.ref}

    for ref in visit.uncached:
        issues.append(issue("warning", "formula_no_value", lang, ref, ref=ref))

    f["occurred_on_raw"] = get("occurred_on") or None
    f["occurred_on"] = _date(cells.get("occurred_on"), visit, issues, "visit", lang)

    f["rep"] = get("rep") or default_rep

    company = normalize_company(get("company", ""))
    f["company_name_raw"] = get("company") or None

    contact = get("contact")
    people = split_people(contact) if contact else []
    if people:
        f["contact_name"] = "、".join(p.name for p in people)
        titles = [p.title for p in people if p.title]
        f["contact_title"] = "、".join(titles) if titles else None
    else:
        f["contact_name"] = contact or None
        f["contact_title"] = None

    for field in TEXT_FIELDS:
        f[field] = get(field) or None

    due_cell = cells.get("next_action_due")
    due_raw = get("next_action_due")
    f["next_action_due_raw"] = due_raw or None
    if due_cell and due_raw:
        f["next_action_due"] = _date(due_cell, visit, issues, "next_action", lang)
    elif f["next_action"]:
        f["next_action_due"] = _iso(
            find_date_prefix(f["next_action"], **visit.context.parse_kwargs())
        )
    else:
        f["next_action_due"] = None

    f["amount_raw"] = get("amount") or None
    f["amount_jpy"] = _amount(cells.get("amount"), visit, issues, lang)
    f["probability_raw"] = get("probability") or None
    f["probability"] = _probability(cells.get("probability"), ranks, issues, lang)

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


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def _date(
    cell, visit: RawVisit, issues: list[Issue], what: str, lang: str | None = None
) -> str | None:
    """``what``: 'visit' or 'next_action' (which date, for the message)."""
    if cell is None:
        return None
    value, ref = cell
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
        kwargs = ctx.parse_kwargs()
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
