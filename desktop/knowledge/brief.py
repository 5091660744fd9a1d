"""The pre-visit brief: what the team knows about a customer, to read on the train.

Last activities, open next actions, contacts, open deals, and the team's knowledge — buyer
preferences and trouble lessons first. Opening a brief counts as reuse of the notes shown whose
author is someone else (a ``reactions`` row, kind 'reuse', one per note per viewer per day).
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import asdict, dataclass, field

from importers.insights.categories import LEAD_COMMENT, category_label
from importers.insights.noise import is_empty_insight, merge_identical
from importers.insights.reactions import helpful_counts, record_reuse
from importers.normalize.companies import normalize_company
from importers.normalize.text import nfkc
from sync.store import Store

# Knowledge the rep needs before the door opens comes first.
CATEGORY_ORDER = (
    "buyer_preference",
    "trouble_lesson",
    "negotiation",
    "competitor",
    "failure_story",
    "tip",
    None,
    LEAD_COMMENT,
)


class CustomerNotFound(LookupError):
    """No customer matches; the message says what was looked for."""


@dataclass
class Brief:
    company_id: str
    company: str
    generated_on: str
    viewer: str | None
    activities: list[dict] = field(default_factory=list)
    next_actions: list[dict] = field(default_factory=list)
    contacts: list[dict] = field(default_factory=list)
    deals: list[dict] = field(default_factory=list)
    knowledge: list[dict] = field(default_factory=list)
    other_matches: list[str] = field(default_factory=list)
    reuse_recorded: int = 0

    def to_dict(self) -> dict:
        return asdict(self)


def find_company(store: Store, query: str) -> tuple[dict, list[str]]:
    """The customer a rep means by ``query`` (a name as written, part of one, or an id), and
    the names of other customers that also matched."""
    query = (query or "").strip()
    if not query:
        raise CustomerNotFound("Which customer? Give part of its name.")
    row = store.query("SELECT id, name FROM companies WHERE id = ? AND deleted = 0", (query,))
    if row:
        return dict(row[0]), []
    key = normalize_company(query)
    keys = [k for k in {key.normalized if key else None, nfkc(query).lower()} if k]
    where = " OR ".join(
        ["c.name_normalized = ?"] * len(keys)
        + ["c.name_normalized LIKE ?"] * len(keys)
        + ["c.name LIKE ?"]
    )
    candidates = store.query(
        f"""SELECT c.id, c.name, c.name_normalized,
                   (SELECT max(occurred_on) FROM activities a
                    WHERE a.company_id = c.id AND a.deleted = 0) AS last,
                   (SELECT count(*) FROM activities a
                    WHERE a.company_id = c.id AND a.deleted = 0) AS n
            FROM companies c WHERE c.deleted = 0 AND ({where})""",
        (*keys, *[f"%{k}%" for k in keys], f"%{query}%"),
    )
    if not candidates:
        raise CustomerNotFound(f"No customer matches 「{query}」.")
    exact = [c for c in candidates if c["name_normalized"] in keys]
    pool = exact or candidates
    best = max(pool, key=lambda c: (c["last"] or "", c["n"]))
    others = [c["name"] for c in candidates if c["id"] != best["id"]]
    return {"id": best["id"], "name": best["name"]}, others


def build_brief(
    store: Store,
    customer_query: str,
    viewer: str | None = None,
    *,
    today: dt.date | None = None,
    record: bool = True,
    max_activities: int = 10,
    max_notes: int = 50,
) -> Brief:
    """Everything about one customer; records reuse of others' notes shown to ``viewer``."""
    today = today or dt.date.today()
    company, others = find_company(store, customer_query)
    cid = company["id"]
    brief = Brief(
        company_id=cid,
        company=company["name"],
        generated_on=today.isoformat(),
        viewer=viewer,
        other_matches=others,
    )
    brief.activities = [
        dict(r)
        for r in store.query(
            # a voice memo counts once the rep confirmed it (a draft may name the wrong
            # customer), and brings what was said: the transcript kept on its recording
            """SELECT id, occurred_on, rep, contact_name, contact_title, purpose, summary, result,
                      next_action, next_action_due, amount_jpy, probability, source_ref, kind,
                      CASE WHEN kind = 'voice' THEN
                        (SELECT t.ocr_text FROM attachments t WHERE t.entity = 'activities'
                          AND t.entity_id = activities.id AND t.deleted = 0 LIMIT 1)
                      END AS transcript
               FROM activities WHERE company_id = ? AND deleted = 0
                 AND coalesce(kind, '') != 'voice_draft'
               ORDER BY occurred_on IS NULL, occurred_on DESC, source_ref DESC LIMIT ?""",
            (cid, max_activities),
        )
    ]
    brief.next_actions = _open_next_actions(store, cid, today)
    brief.contacts = _contacts(store, cid)
    brief.deals = [
        dict(r)
        for r in store.query(
            """SELECT id, title, stage, amount_jpy, probability, expected_close, owner
               FROM deals WHERE company_id = ? AND deleted = 0
                 AND coalesce(stage, 'open') = 'open'
               ORDER BY coalesce(probability, 0) DESC, coalesce(amount_jpy, 0) DESC""",
            (cid,),
        )
    ]
    brief.knowledge = _knowledge(store, cid, viewer, max_notes)
    if record and viewer and brief.knowledge:
        with store.write() as w:
            brief.reuse_recorded = record_reuse(
                w, [(n["id"], n["author"]) for n in brief.knowledge], viewer, today
            )
    return brief


def _open_next_actions(store: Store, cid: str, today: dt.date) -> list[dict]:
    """Next actions not yet overtaken by a later visit: a dated one is open until the customer
    is visited on or after its date; an undated one while it is on the latest visit."""
    rows = store.query(
        """SELECT id, occurred_on, rep, next_action, next_action_due FROM activities
           WHERE company_id = ? AND deleted = 0 AND next_action IS NOT NULL AND next_action != ''
           ORDER BY occurred_on""",
        (cid,),
    )
    last_visit = store.query(
        "SELECT max(occurred_on) FROM activities WHERE company_id = ? AND deleted = 0", (cid,)
    )[0][0]
    out = []
    for r in rows:
        due = r["next_action_due"]
        if due:
            later = store.query(
                "SELECT 1 FROM activities WHERE company_id = ? AND deleted = 0 "
                "AND occurred_on >= ? AND id != ? LIMIT 1",
                (cid, due, r["id"]),
            )
            if later:
                continue
        elif r["occurred_on"] != last_visit:
            continue
        out.append(
            {
                "activity_id": r["id"],
                "action": r["next_action"],
                "due": due,
                "written_on": r["occurred_on"],
                "rep": r["rep"],
                "overdue": bool(due and due < today.isoformat()),
            }
        )
    out.sort(key=lambda a: (a["due"] is None, a["due"] or ""))
    return out


def _contacts(store: Store, cid: str) -> list[dict]:
    rows = store.query(
        """SELECT c.id, c.full_name, c.title, c.department, c.phone, c.mobile, c.email,
                  (SELECT max(a.occurred_on) FROM activities a
                   WHERE a.contact_id = c.id AND a.deleted = 0) AS last_met
           FROM contacts c WHERE c.company_id = ? AND c.deleted = 0
             AND (c.merged_into IS NULL OR c.merged_into = '')
           ORDER BY last_met IS NULL, last_met DESC, c.full_name""",
        (cid,),
    )
    contacts = [dict(r) for r in rows]
    # people met but without a card yet: from the 面談者 cells
    known = {nfkc(c["full_name"] or "").replace(" ", "") for c in contacts}
    for r in store.query(
        """SELECT contact_name, contact_title, max(occurred_on) AS last_met FROM activities
           WHERE company_id = ? AND deleted = 0 AND contact_id IS NULL
             AND contact_name IS NOT NULL AND contact_name != ''
           GROUP BY contact_name ORDER BY last_met DESC""",
        (cid,),
    ):
        name = r["contact_name"]
        if nfkc(name).replace(" ", "") in known:
            continue
        contacts.append(
            {
                "id": None,
                "full_name": name,
                "title": r["contact_title"],
                "department": None,
                "phone": None,
                "mobile": None,
                "email": None,
                "last_met": r["last_met"],
            }
        )
    return contacts


def _knowledge(store: Store, cid: str, viewer: str | None, limit: int) -> list[dict]:
    rows = [
        dict(r)
        for r in store.query(
            """SELECT n.id, n.category, n.body, n.author, n.visibility, n.source_ref,
                      n.activity_id, coalesce(a.occurred_on, substr(n.created_at, 1, 10)) AS date
               FROM notes n LEFT JOIN activities a ON a.id = n.activity_id
               WHERE n.company_id = ? AND n.deleted = 0 AND n.body IS NOT NULL
                 AND (coalesce(n.visibility, 'team') != 'private' OR ? IS NULL
                      OR n.author IS ?)""",
            (cid, viewer, viewer),
        )
        # 所感 notes made before empty-meaning ones were recognised (特になし) are not shown
        if not (r["activity_id"] and is_empty_insight(r["body"]))
    ]
    counts = helpful_counts(store, [r["id"] for r in rows])
    order = {c: i for i, c in enumerate(CATEGORY_ORDER)}
    for r in rows:
        r["helpful"], r["reuse"] = counts.get(r["id"], (0, 0))
        r["category_label"] = category_label(r["category"])
    rows.sort(key=lambda r: r["date"] or "", reverse=True)
    rows.sort(key=lambda r: (order.get(r["category"], order[None]), -r["helpful"]))
    return merge_identical(rows)[:limit]  # the same 所感 on many visits is one note


# -- rendering ------------------------------------------------------------------------------------
def _phones(c: dict) -> str:
    """Office and mobile: on the train, the mobile is the number that reaches them."""
    mobile = f"携帯 {c['mobile']}" if c.get("mobile") else ""
    return " / ".join(x for x in (c.get("phone") or "", mobile) if x)


def _yen(v) -> str:
    return f"¥{v:,}" if isinstance(v, int) else ""


def _pct(v) -> str:
    return f"{v}%" if v is not None else ""


def heard_text(a: dict) -> str:
    """A voice memo's transcript, when the rep's summary does not already say it all."""
    said = " ".join((a.get("transcript") or "").split())
    summary = " ".join((a.get("summary") or "").split())
    return "" if not said or said.replace(" ", "") in summary.replace(" ", "") else said


def render_brief_text(brief: Brief) -> str:
    """The brief for the terminal."""
    lines = [f"■ {brief.company}  訪問前ブリーフ ({brief.generated_on})"]
    if brief.other_matches:
        lines.append(f"  (ほかの候補: {', '.join(brief.other_matches[:5])})")
    lines.append("")
    lines.append("【チームのナレッジ】")
    if not brief.knowledge:
        lines.append("  (まだありません)")
    for n in brief.knowledge:
        mark = f"  参考になった {n['helpful']}" if n["helpful"] else ""
        lines.append(
            f"  [{n['category_label']}] {n['body']}  — {n['author'] or '?'} {n['date'] or ''}{mark}"
        )
    lines.append("")
    lines.append("【次のアクション】")
    if not brief.next_actions:
        lines.append("  (なし)")
    for a in brief.next_actions:
        due = a["due"] or "期限なし"
        flag = " ※期限切れ" if a["overdue"] else ""
        lines.append(f"  {due}  {a['action']}  ({a['rep'] or ''}){flag}")
    lines.append("")
    lines.append("【最近の活動】")
    if not brief.activities:
        lines.append("  (なし)")
    for a in brief.activities:
        who = a["contact_name"] or ""
        lines.append(
            f"  {a['occurred_on'] or '日付不明'}  {a['rep'] or ''}  {who}  {a['summary'] or ''}"
        )
        if heard_text(a):
            lines.append(f"    (音声メモの文字起こし) {heard_text(a)}")
    lines.append("")
    lines.append("【面談者・連絡先】")
    if not brief.contacts:
        lines.append("  (なし)")
    for c in brief.contacts:
        bits = [c["full_name"] or "", c["title"] or "", c["department"] or ""]
        tel = _phones(c)
        lines.append(
            "  "
            + " ".join(b for b in bits if b)
            + (f"  TEL {tel}" if tel else "")
            + (f"  最終面談 {c['last_met']}" if c["last_met"] else "")
        )
    lines.append("")
    lines.append("【進行中の案件】")
    if not brief.deals:
        lines.append("  (なし)")
    for d in brief.deals:
        lines.append(
            f"  {d['title']}  {_yen(d['amount_jpy'])}  確度 {_pct(d['probability'])}  {d['owner'] or ''}"
        )
    return "\n".join(lines)


_CSS = """
body { font-family: "Noto Sans CJK JP", "Yu Gothic", "Meiryo", sans-serif; font-size: 10.5pt;
       color: #222; margin: 0; }
h1 { font-size: 16pt; margin: 0 0 2pt 0; border-bottom: 2px solid #1f4e79; padding-bottom: 3pt; }
h2 { font-size: 12pt; color: #1f4e79; margin: 12pt 0 4pt 0; }
p.meta { color: #666; font-size: 9pt; margin: 0 0 6pt 0; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #bbb; padding: 3pt 5pt; vertical-align: top; text-align: left; }
th { background: #dde7f0; font-weight: bold; }
td.num { text-align: right; white-space: nowrap; }
span.cat { font-weight: bold; color: #1f4e79; white-space: nowrap; }
span.overdue { color: #b00020; font-weight: bold; }
p.none { color: #888; }
"""


def _table(
    headers: list[str],
    rows: list[list[str]],
    numeric: set[int] = frozenset(),
    widths: list[int] | None = None,
) -> str:
    if not rows:
        return '<p class="none">なし</p>'
    head = "".join(
        f'<th width="{widths[i]}%">{html.escape(h)}</th>'
        if widths
        else f"<th>{html.escape(h)}</th>"
        for i, h in enumerate(headers)
    )
    body = "".join(
        "<tr>"
        + "".join(
            (f'<td class="num">{v}</td>' if i in numeric else f"<td>{v}</td>")
            for i, v in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return (
        '<table width="100%" cellspacing="0" cellpadding="4">'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def render_brief_html(brief: Brief) -> str:
    """Clean, printable HTML (UTF-8, Japanese) — QTextDocument + QPdfWriter print it to PDF."""
    e = html.escape
    parts = [
        '<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8">',
        f"<title>{e(brief.company)} 訪問前ブリーフ</title><style>{_CSS}</style></head><body>",
        f"<h1>{e(brief.company)} 訪問前ブリーフ</h1>",
        f'<p class="meta">作成日 {e(brief.generated_on)}'
        + (f" ・ {e(brief.viewer)}" if brief.viewer else "")
        + "</p>",
        "<h2>チームのナレッジ</h2>",
        _table(
            ["分類", "内容", "書いた人", "日付", "参考になった"],
            [
                [
                    f'<span class="cat">{e(n["category_label"])}</span>',
                    e(n["body"]).replace("\n", "<br>"),
                    e(n["author"] or ""),
                    e(n["date"] or ""),
                    str(n["helpful"] or ""),
                ]
                for n in brief.knowledge
            ],
            {4},
            [16, 54, 10, 12, 8],
        ),
        "<h2>次のアクション</h2>",
        _table(
            ["期限", "アクション", "担当"],
            [
                [
                    (
                        f'<span class="overdue">{e(a["due"])} 期限切れ</span>'
                        if a["overdue"]
                        else e(a["due"] or "期限なし")
                    ),
                    e(a["action"]),
                    e(a["rep"] or ""),
                ]
                for a in brief.next_actions
            ],
        ),
        "<h2>最近の活動</h2>",
        _table(
            ["日付", "担当", "面談者", "内容", "結果"],
            [
                [
                    e(a["occurred_on"] or ""),
                    e(a["rep"] or ""),
                    e(" ".join(x for x in (a["contact_name"], a["contact_title"]) if x)),
                    e(a["summary"] or "")
                    + (
                        f"<br><small>音声メモの文字起こし: {e(heard_text(a))}</small>"
                        if heard_text(a)
                        else ""
                    ),
                    e(a["result"] or ""),
                ]
                for a in brief.activities
            ],
        ),
        "<h2>面談者・連絡先</h2>",
        _table(
            ["氏名", "役職", "部署", "電話", "メール", "最終面談"],
            [
                [
                    e(c["full_name"] or ""),
                    e(c["title"] or ""),
                    e(c["department"] or ""),
                    e(_phones(c)).replace(" / ", "<br>"),
                    e(c["email"] or ""),
                    e(c["last_met"] or ""),
                ]
                for c in brief.contacts
            ],
        ),
        "<h2>進行中の案件</h2>",
        _table(
            ["案件", "金額", "確度", "予定", "担当"],
            [
                [
                    e(d["title"] or ""),
                    _yen(d["amount_jpy"]),
                    _pct(d["probability"]),
                    e(d["expected_close"] or ""),
                    e(d["owner"] or ""),
                ]
                for d in brief.deals
            ],
            {1, 2},
        ),
        "</body></html>",
    ]
    return "".join(parts)
