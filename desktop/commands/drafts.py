"""`genba drafts`: voice-memo draft minutes waiting for the rep — list, show, confirm, discard.

The same functions as the app's draft window (desktop/app/dialogs/voice_draft.py) do the work:
``importers.voice.drafts.confirm_minutes`` (an ordinary activity and its knowledge note) and
``discard_draft`` (a tombstone). A memo is named by its ID or the start of it, as the list
prints it. Headless: no Qt.
"""

from __future__ import annotations

import json

from desktop.knowledge.brief import CustomerNotFound, find_company
from desktop.tables import render
from importers.messages import msg
from importers.normalize.amounts import AmountParseError, parse_amount
from importers.normalize.companies import normalize_company
from importers.normalize.dates import DateParseError, parse_date
from importers.normalize.probability import ProbabilityParseError, parse_probability
from importers.voice.drafts import DRAFT, confirm_minutes, discard_draft, voice_drafts, voice_memo

SHORT_ID = 8  # the list shows this much of an ID; any unique start of it names the memo
MIN_PREFIX = 4


class DraftError(Exception):
    """A rep's mistake on the command line: args are a message key and its parameters."""


def run_drafts(store, action: str | None, args, lang: str, out=print) -> int:
    try:
        if action in (None, "list"):
            return _list(store, getattr(args, "json", False), lang, out)
        memo = _memo(store, args.draft_id, lang, drafts_only=action == "discard")
        if action == "show":
            return _show(memo, getattr(args, "json", False), lang, out)
        if action == "discard":
            discard_draft(store, memo["id"])
            out(msg("cli.drafts.discarded", lang, name=_name(memo)))
            return 0
        changes = _changes(store, memo, args, lang)
        confirm_minutes(store, memo["id"], changes)
        out(msg("cli.drafts.confirmed", lang, name=_name(memo)))
        return 0
    except DraftError as e:
        key, params = e.args
        out(msg(key, lang, **params))
        return 1
    except KeyError:  # confirmed or discarded in the app between the look-up and the write
        out(msg("cli.drafts.not_found", lang, id=getattr(args, "draft_id", "")))
        return 1


def _list(store, as_json: bool, lang: str, out) -> int:
    drafts = voice_drafts(store.reader())
    if as_json:
        out(json.dumps(drafts, ensure_ascii=False, indent=2))
        return 0
    if not drafts:
        out(msg("cli.drafts.none", lang))
        return 0
    headers = msg("cli.drafts.headers", lang).split("|")
    rows = [
        [
            d["id"][:SHORT_ID],
            d["occurred_on"],
            d["company"] or msg("cli.drafts.no_customer", lang),
            d["contact_name"] or "",
            d["summary"] or "",
            " ".join(filter(None, [d["next_action_due"], d["next_action"]])),
            "" if d["amount_jpy"] is None else f"{d['amount_jpy']:,}",
            "" if d["probability"] is None else f"{d['probability']}%",
        ]
        for d in drafts
    ]
    out(render(headers, rows, [8, 10, 20, 10, 40, 30, 12, 4]))
    out(msg("cli.drafts.count", lang, n=len(drafts)))
    return 0


def _show(memo: dict, as_json: bool, lang: str, out) -> int:
    if as_json:
        out(json.dumps(memo, ensure_ascii=False, indent=2))
        return 0
    labels = msg("cli.drafts.fields", lang).split("|")
    values = [
        memo["id"],
        msg("cli.drafts.state." + ("draft" if memo["kind"] == DRAFT else "confirmed"), lang),
        memo["filename"],
        memo["occurred_on"],
        memo["company"],
        memo["contact_name"],
        memo["summary"],
        memo["next_action"],
        memo["next_action_due"],
        None if memo["amount_jpy"] is None else f"{memo['amount_jpy']:,}",
        None if memo["probability"] is None else f"{memo['probability']}%",
    ]
    for label, value in zip(labels, values, strict=True):
        out(f"{label}: {'' if value is None else value}")
    out(msg("cli.drafts.transcript", lang))
    out(memo["transcript"] or "")
    return 0


def _memo(store, given: str, lang: str, *, drafts_only: bool) -> dict:
    """The voice memo whose ID is ``given`` or starts with it (drafts only, to discard)."""
    given = (given or "").strip()
    conn = store.reader()
    memo = voice_memo(conn, given)
    if memo is None and len(given) >= MIN_PREFIX:
        kinds = ("voice_draft",) if drafts_only else ("voice_draft", "voice")
        found = conn.execute(
            "SELECT id FROM activities WHERE deleted = 0 AND substr(id, 1, ?) = ? AND kind IN "
            f"({', '.join('?' * len(kinds))}) ORDER BY id LIMIT 2",
            (len(given), given, *kinds),
        ).fetchall()
        if len(found) > 1:
            raise DraftError("cli.drafts.ambiguous", {"id": given})
        memo = voice_memo(conn, found[0][0]) if found else None
    if memo is None or (drafts_only and memo["kind"] != DRAFT):
        raise DraftError("cli.drafts.not_found", {"id": given})
    return memo


def _changes(store, memo: dict, args, lang: str) -> dict:
    """The fields the rep corrected on the command line, read like the app's window reads them."""
    changes: dict = {}
    for field, value in (("occurred_on", args.date), ("next_action_due", args.due)):
        if value:
            try:
                changes[field] = parse_date(value).isoformat()
            except DateParseError:
                raise DraftError("cli.drafts.bad_date", {"value": value}) from None
    try:
        if args.amount is not None:
            changes["amount_jpy"] = parse_amount(args.amount)
    except AmountParseError:
        raise DraftError("cli.drafts.bad_amount", {"value": args.amount}) from None
    try:
        if args.probability is not None:
            changes["probability"] = parse_probability(args.probability)
    except ProbabilityParseError:
        raise DraftError("cli.drafts.bad_probability", {"value": args.probability}) from None
    for field, value in (
        ("summary", args.summary),
        ("next_action", args.next_action),
        ("contact_name", args.contact),
    ):
        if value is not None:
            changes[field] = value.strip() or None
    if args.customer:
        changes["company_id"] = _customer(store, args.customer)
    if changes.get("company_id", memo["company_id"]) != memo["company_id"] or (
        "contact_name" in changes and changes["contact_name"] != memo["contact_name"]
    ):
        changes["contact_id"] = None  # the matched person belonged to the old customer / name
    return {k: v for k, v in changes.items() if memo.get(k) != v or k == "contact_id"}


def _customer(store, query: str) -> str:
    try:
        company, others = find_company(store, query)
    except CustomerNotFound:
        raise DraftError("cli.drafts.no_such_customer", {"query": query}) from None
    key = normalize_company(query)
    exact = key is not None and normalize_company(company["name"]) == key
    if others and not exact:
        names = "、".join([company["name"], *others][:5])
        raise DraftError("cli.drafts.which_customer", {"query": query, "names": names})
    return company["id"]


def _name(memo: dict) -> str:
    return " ".join(filter(None, [memo["occurred_on"], memo["filename"] or memo["id"][:SHORT_ID]]))
