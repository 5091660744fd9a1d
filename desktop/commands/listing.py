"""`genba activities`, `genba companies`, `genba problems`: the store as tables or JSON."""

from __future__ import annotations

import json

from desktop.tables import render
from importers.messages import msg
from importers.normalize.readings import sort_key
from resources.messages import shown


def _emit(rows, as_json: bool, headers, keys, widths, out, lang: str | None = None) -> None:
    if as_json:
        out(json.dumps([dict(r) for r in rows], ensure_ascii=False, indent=2))
        return
    if not rows:
        out(msg("cli.list.none", lang))
        return
    out(render(headers, [[r[k] for k in keys] for r in rows], widths))


def list_activities(
    store,
    *,
    as_json: bool,
    company: str | None,
    since: str | None,
    limit: int,
    include_deleted: bool,
    out=print,
    lang: str | None = None,
) -> int:
    where, params = ["1=1"], []
    if not include_deleted:
        where.append("a.deleted = 0")
    else:
        # deleted, not hidden: the rows an import is still writing (importers.staging) are
        # stored with deleted = 1 until it publishes them; they were never shown nor deleted
        where.append("(a.deleted = 0 OR a.id NOT IN (SELECT row_id FROM import_staged))")
    if company:
        where.append("(c.name LIKE ? OR c.name_normalized LIKE ? OR a.company_name_raw LIKE ?)")
        params += [f"%{company}%"] * 3
    if since:
        where.append("a.occurred_on >= ?")
        params.append(since)
    rows = store.query(
        f"""SELECT a.id, a.occurred_on, a.occurred_on_raw, a.rep, c.name AS company,
                   a.company_id, a.contact_name, a.contact_title, a.purpose, a.summary, a.result,
                   a.next_action, a.next_action_due, a.amount_jpy, a.probability, a.deal_title,
                   a.insight, a.source_ref, a.deleted, s.path AS source_path
            FROM activities a LEFT JOIN companies c ON c.id = a.company_id
            LEFT JOIN sources s ON s.id = a.source_id
            WHERE {" AND ".join(where)}
            ORDER BY a.occurred_on DESC, a.source_ref LIMIT ?""",
        (*params, limit),
    )
    _emit(
        rows,
        as_json,
        ["日付", "担当", "顧客", "面談者", "内容", "次回", "金額", "確度"],
        [
            "occurred_on",
            "rep",
            "company",
            "contact_name",
            "summary",
            "next_action",
            "amount_jpy",
            "probability",
        ],
        [10, 8, 20, 10, 36, 16, 12, 4],
        out,
        lang,
    )
    return 0


def list_companies(store, *, as_json: bool, out=print, lang: str | None = None) -> int:
    rows = store.query(
        """SELECT c.id, c.name, c.name_normalized, c.name_kana,
                  count(a.id) AS activities, max(a.occurred_on) AS last_contact
           FROM companies c LEFT JOIN activities a ON a.company_id = c.id AND a.deleted = 0
           WHERE c.deleted = 0 GROUP BY c.id"""
    )
    # 50音順 by reading (katakana and hiragana alike, legal forms aside): not SQLite's code-point
    # order, which would put every (株) and every katakana reading before hiragana ones
    rows = sorted(rows, key=lambda r: (*sort_key(r["name_kana"], r["name"]), r["id"]))
    _emit(
        rows,
        as_json,
        ["会社名", "活動数", "最終接触"],
        ["name", "activities", "last_contact"],
        [30, 6, 10],
        out,
        lang,
    )
    return 0


def list_problems(store, *, as_json: bool, out=print, lang: str | None = None) -> int:
    """Every problem with its file, sheet and cell, written and labelled in ``lang`` (default
    Japanese) whatever the language it was recorded in: the import problems the app's Problems
    view lists (not those the rep marked as dealt with there), then sync's."""
    from desktop.app.data.problems import OPEN_ISSUES  # the app's rule: the same problems

    rows = store.query(
        f"""SELECT s.path, s.status, i.location, i.severity, i.code, i.message, i.message_key,
                  i.params
           {OPEN_ISSUES}
           ORDER BY s.status = 'error' DESC, s.path, i.location"""
    )
    from sync.client.problems import sync_problems

    rows = [_in_language(dict(r), lang) for r in rows] + sync_problems(store, lang)
    if as_json:
        out(json.dumps([dict(r) for r in rows], ensure_ascii=False, indent=2))
        return 0
    if not rows:
        out(msg("cli.problems.none", lang))
        return 0
    for r in rows:
        where = f"{r['path']}" + (f" [{r['location']}]" if r["location"] else "")
        label = msg(f"cli.problems.severity.{r['severity']}", lang)
        out(f"{label} {where}\n        {r['message']}")
    return 0


def _in_language(row: dict, lang: str | None) -> dict:
    row["message"] = shown(row["message"], row.pop("message_key"), row.pop("params"), lang)
    return row
