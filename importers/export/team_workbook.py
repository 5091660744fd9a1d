"""The team lead's workbook: summary with charts, activities (with a 上司コメント column the lead
types into), pipeline, customers, knowledge and the MVP ranking — one .xlsx opened in Excel.

The 活動 sheet carries two hidden columns: the activity id (column A) and the comment as it was
when the workbook was written (the last column). :mod:`importers.export.lead_comments` reads the
comment column back and turns what the lead typed or changed into notes on the activity.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path

import openpyxl
from openpyxl.chart import BarChart, PieChart, Reference
from openpyxl.chart.label import DataLabelList
from openpyxl.styles import Font

from importers.export.xlsx import (
    DATE_FORMAT,
    INPUT_FILL,
    TITLE_FONT,
    YEN_FORMAT,
    ExportResult,
    column_widths,
    date_cell,
    iso_date,
    print_setup,
    save_atomic,
    setup_table_sheet,
    text_cell,
    value_cell,
)
from importers.extras import extras_text
from importers.insights.categories import LEAD_COMMENT, category_label, department_tags
from importers.insights.mvp import monthly_mvp
from importers.insights.reactions import helpful_counts
from sync.store import Store
from sync.store.ids import natural_id

SHEET_SUMMARY, SHEET_ACTIVITIES, SHEET_PIPELINE = "サマリー", "活動", "パイプライン"
SHEET_CUSTOMERS, SHEET_KNOWLEDGE, SHEET_MVP = "顧客", "ナレッジ", "MVP"
ID_HEADER = "ID"
COMMENT_HEADER = "上司コメント"
ORIGINAL_HEADER = "上司コメント(出力時)"
EXTRAS_HEADER = "その他の項目"  # columns of the reps' reports Genba could not place
ACTIVITY_HEADERS = [
    ID_HEADER,
    "日付",
    "担当",
    "顧客",
    "面談者",
    "目的",
    "内容",
    "結果",
    "次回アクション",
    "期限",
    "金額(円)",
    "確度(%)",
    "所感",
    EXTRAS_HEADER,
    "出典",
    COMMENT_HEADER,
    ORIGINAL_HEADER,
]
BANDS = [("0–29%", 0, 29), ("30–59%", 30, 59), ("60–79%", 60, 79), ("80–99%", 80, 99)]
NO_BAND = "確度なし"
STAGES = {"open": "進行中", "won": "受注", "lost": "失注"}


def lead_note_id(activity_id: str) -> str:
    return natural_id("notes", "lead:" + activity_id)


def _month_clause(column: str, month: str | None) -> tuple[str, tuple]:
    if not month:
        return "1=1", ()
    return f"coalesce({column}, '') LIKE ?", (f"{month}%",)


def write_team_workbook(
    store: Store, out_path: Path | str, month: str | None = None, *, today: dt.date | None = None
) -> ExportResult:
    """Write the team workbook (atomically; beside it, time-stamped, when it is locked)."""
    today = today or dt.date.today()
    wb = openpyxl.Workbook(write_only=True)
    activities = _activities(store, month)
    deals = _deals(store)
    customers = _customers(store, today)
    notes = _notes(store, month)
    mvp = monthly_mvp(store, month)

    _summary(wb, month, today, activities, deals, notes, mvp)
    _activity_sheet(wb, activities, _lead_comments(store))
    _pipeline_sheet(wb, deals)
    _customer_sheet(wb, customers)
    _knowledge_sheet(wb, notes)
    _mvp_sheet(wb, mvp)
    result = save_atomic(wb, out_path)
    result.rows = len(activities)
    return result


# -- data ----------------------------------------------------------------------------------------
def _activities(store: Store, month: str | None) -> list:
    where, params = _month_clause("a.occurred_on", month)
    return store.query(
        f"""SELECT a.id, a.occurred_on, a.occurred_on_raw, a.rep,
                   coalesce(c.name, a.company_name_raw) AS company, a.contact_name,
                   a.contact_title, a.purpose, a.summary, a.result, a.next_action,
                   a.next_action_due, a.amount_jpy, a.probability, a.insight, a.extras, a.source_ref,
                   s.path AS source_path
            FROM activities a LEFT JOIN companies c ON c.id = a.company_id
            LEFT JOIN sources s ON s.id = a.source_id
            WHERE a.deleted = 0 AND {where}
            ORDER BY a.occurred_on IS NULL, a.occurred_on DESC, a.rep, a.source_ref""",
        params,
    )


def _lead_comments(store: Store) -> dict[str, str]:
    """activity id -> the live lead comment on it."""
    return {
        r["activity_id"]: r["body"]
        for r in store.query(
            "SELECT activity_id, body FROM notes WHERE category = ? AND deleted = 0 "
            "AND activity_id IS NOT NULL",
            (LEAD_COMMENT,),
        )
        if r["body"]
    }


def _deals(store: Store) -> list:
    return store.query(
        """SELECT d.id, coalesce(c.name, '') AS company, d.title, d.stage, d.amount_jpy,
                  d.probability, d.expected_close, d.owner
           FROM deals d LEFT JOIN companies c ON c.id = d.company_id
           WHERE d.deleted = 0
           ORDER BY d.stage != 'open', coalesce(d.probability, -1) DESC,
                    coalesce(d.amount_jpy, 0) DESC"""
    )


def _customers(store: Store, today: dt.date) -> list[dict]:
    rows = store.query(
        """WITH live AS (SELECT * FROM activities WHERE deleted = 0 AND company_id IS NOT NULL),
           last AS (
             SELECT company_id, max(occurred_on) AS last_contact, count(*) AS n FROM live
             GROUP BY company_id),
           latest AS (
             SELECT l.company_id, l.rep, l.next_action, l.next_action_due,
                    row_number() OVER (PARTITION BY l.company_id
                      ORDER BY l.occurred_on IS NULL, l.occurred_on DESC, l.source_ref DESC) AS k
             FROM live l),
           pipe AS (
             SELECT company_id, count(*) AS deals, sum(amount_jpy) AS amount FROM deals
             WHERE deleted = 0 AND coalesce(stage, 'open') = 'open' GROUP BY company_id)
           SELECT c.id, c.name, last.last_contact, last.n, latest.rep, latest.next_action,
                  latest.next_action_due, pipe.deals, pipe.amount
           FROM companies c JOIN last ON last.company_id = c.id
           LEFT JOIN latest ON latest.company_id = c.id AND latest.k = 1
           LEFT JOIN pipe ON pipe.company_id = c.id
           WHERE c.deleted = 0
           ORDER BY last.last_contact IS NULL, last.last_contact"""
    )
    out = []
    for r in rows:
        d = dict(r)
        last = iso_date(d["last_contact"])
        d["days_since"] = (today - last).days if isinstance(last, dt.date) else None
        out.append(d)
    return out


def _notes(store: Store, month: str | None) -> list[dict]:
    where, params = _month_clause("coalesce(a.occurred_on, n.created_at)", month)
    rows = [
        dict(r)
        for r in store.query(
            f"""SELECT n.id, coalesce(a.occurred_on, substr(n.created_at, 1, 10)) AS date,
                       coalesce(c.name, '') AS company, n.category, n.body, n.author,
                       n.source_ref
                FROM notes n LEFT JOIN activities a ON a.id = n.activity_id
                LEFT JOIN companies c ON c.id = n.company_id
                WHERE n.deleted = 0 AND coalesce(n.visibility, 'team') != 'private'
                  AND coalesce(n.category, '') != ? AND n.body IS NOT NULL AND {where}
                ORDER BY date DESC""",
            (LEAD_COMMENT, *params),
        )
    ]
    counts = helpful_counts(store, [r["id"] for r in rows])
    for r in rows:
        r["helpful"], r["reuse"] = counts.get(r["id"], (0, 0))
    return rows


def band_of(probability: int | None) -> str:
    if probability is None:
        return NO_BAND
    for label, lo, hi in BANDS:
        if lo <= probability <= hi:
            return label
    return BANDS[-1][0] if probability > 99 else BANDS[0][0]


def _monday(iso: str | None) -> dt.date | None:
    d = iso_date(iso)
    if not isinstance(d, dt.date):
        return None
    return d - dt.timedelta(days=d.weekday())


# -- sheets --------------------------------------------------------------------------------------
def _summary(wb, month, today, activities, deals, notes, mvp) -> None:
    ws = wb.create_sheet(SHEET_SUMMARY)
    written = [0]  # a write-only sheet does not know its row count: track it for chart ranges

    def put(values) -> int:
        """Append a row; return its 1-based row number."""
        ws.append(values)
        written[0] += 1
        return written[0]

    print_setup(ws)
    ws.column_dimensions["A"].width = 16
    for col in "BCDEFG":
        ws.column_dimensions[col].width = 12
    title = f"チーム日報 {month}" if month else "チーム日報 (全期間)"
    put([text_cell(ws, title, font=TITLE_FONT)])
    put([f"作成 {dt.datetime.now():%Y-%m-%d %H:%M}  ・ Genba"])
    put([])
    open_deals = [d for d in deals if (d["stage"] or "open") == "open"]
    bold = Font(bold=True)
    kpis = [
        ("活動件数", len(activities), None),
        ("訪問顧客数", len({a["company"] for a in activities if a["company"]}), None),
        ("進行中の案件", len(open_deals), None),
        ("パイプライン金額", sum(d["amount_jpy"] or 0 for d in open_deals), YEN_FORMAT),
        ("ナレッジ", len(notes), None),
        ("MVP", mvp[0].author if mvp and mvp[0].score > 0 else "—", None),
    ]
    for label, value, fmt in kpis:
        put([text_cell(ws, label, font=bold), value_cell(ws, value, fmt)])
    put([])

    # activities per rep per week
    reps = sorted({a["rep"] or "(担当なし)" for a in activities})
    weeks: dict[dt.date, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for a in activities:
        monday = _monday(a["occurred_on"])
        if monday is not None:
            weeks[monday][a["rep"] or "(担当なし)"] += 1
    put([text_cell(ws, "週ごとの活動件数(担当別)", font=bold)])
    # Chart ranges come from where rows actually landed, never from arithmetic on row counts.
    header_row = put(
        [text_cell(ws, "週(月曜)", font=bold), *[text_cell(ws, r, font=bold) for r in reps]]
    )
    week_keys = sorted(weeks)
    for monday in week_keys:
        put([f"{monday:%m/%d}週", *[weeks[monday].get(r, 0) for r in reps]])
    last_week_row = written[0]
    if reps and week_keys:
        chart = BarChart()
        chart.type = "col"
        chart.grouping = "clustered"
        chart.title = "週ごとの活動件数(担当別)"
        chart.y_axis.title = "件数"
        chart.x_axis.title = "週"
        data = Reference(
            ws, min_col=2, max_col=1 + len(reps), min_row=header_row, max_row=last_week_row
        )
        cats = Reference(ws, min_col=1, min_row=header_row + 1, max_row=last_week_row)
        chart.add_data(data, titles_from_data=True)
        chart.set_categories(cats)
        chart.height, chart.width = 8, 18
        ws.add_chart(chart, "I2")

    # pipeline by probability band (open deals)
    band_labels = [b[0] for b in BANDS] + [NO_BAND]
    counts = dict.fromkeys(band_labels, 0)
    amounts = dict.fromkeys(band_labels, 0)
    for d in open_deals:
        band = band_of(d["probability"])
        counts[band] += 1
        amounts[band] += d["amount_jpy"] or 0
    put([])
    put([text_cell(ws, "パイプライン(確度帯別・進行中)", font=bold)])
    band_header = put([text_cell(ws, h, font=bold) for h in ("確度帯", "件数", "金額(円)")])
    for label in band_labels:
        put([label, counts[label], value_cell(ws, amounts[label], YEN_FORMAT)])
    band_last = written[0]
    if open_deals:
        bar = BarChart()
        bar.type = "col"
        bar.title = "パイプライン金額(確度帯別)"
        bar.y_axis.title = "金額(円)"
        bar.add_data(
            Reference(ws, min_col=3, min_row=band_header, max_row=band_last), titles_from_data=True
        )
        bar.set_categories(Reference(ws, min_col=1, min_row=band_header + 1, max_row=band_last))
        bar.height, bar.width = 8, 12
        bar.legend = None
        ws.add_chart(bar, "I20")
        pie = PieChart()
        pie.title = "案件数(確度帯別)"
        pie.add_data(
            Reference(ws, min_col=2, min_row=band_header, max_row=band_last), titles_from_data=True
        )
        pie.set_categories(Reference(ws, min_col=1, min_row=band_header + 1, max_row=band_last))
        pie.dataLabels = DataLabelList()
        pie.dataLabels.showPercent = True
        pie.height, pie.width = 8, 10
        ws.add_chart(pie, "P20")
    put([])
    put(
        [
            text_cell(
                ws,
                "MVPの点数: 参考になった×3 + 再利用×1 + 届いた人数×2 + 届いた部署(2部署目から)×3。"
                "自分への反応と書いた件数は数えません。",
            )
        ]
    )
    put(
        [
            text_cell(
                ws,
                f"「{SHEET_ACTIVITIES}」シートの「{COMMENT_HEADER}」列に書いたコメントは、"
                "次の更新でGenbaに取り込まれ、担当者に届きます。",
            )
        ]
    )


def _activity_sheet(wb, activities, comments: dict[str, str]) -> None:
    ws = wb.create_sheet(SHEET_ACTIVITIES)
    rows = [
        [
            a["id"],
            a["occurred_on"] or a["occurred_on_raw"],
            a["rep"],
            a["company"],
            " ".join(x for x in (a["contact_name"], a["contact_title"]) if x) or None,
            a["purpose"],
            a["summary"],
            a["result"],
            a["next_action"],
            a["next_action_due"],
            a["amount_jpy"],
            a["probability"],
            a["insight"],
            extras_text(a["extras"]) or None,
            _ref(a["source_path"], a["source_ref"]),
            comments.get(a["id"]),
        ]
        for a in activities
    ]
    caps = {6: 50, 7: 30, 8: 30, 12: 50, 13: 50, 14: 30, 15: 40}
    widths = column_widths(ACTIVITY_HEADERS, rows, caps)
    widths[15] = max(widths[15], 30)
    comment_col = ACTIVITY_HEADERS.index(COMMENT_HEADER)
    setup_table_sheet(
        ws,
        ACTIVITY_HEADERS,
        widths,
        len(rows),
        hidden=(0, len(ACTIVITY_HEADERS) - 1),
        input_columns=(comment_col,),
    )
    for r in rows:
        comment = r[comment_col]
        ws.append(
            [
                r[0],
                date_cell(ws, r[1]),
                *[value_cell(ws, v) for v in r[2:9]],
                date_cell(ws, r[9]),
                value_cell(ws, r[10], "#,##0" if r[10] is not None else None),
                r[11],
                *[value_cell(ws, v) for v in r[12:15]],
                value_cell(ws, comment or "", fill=INPUT_FILL) if comment else None,
                value_cell(ws, comment) if comment else None,
            ]
        )


def _ref(path: str | None, ref: str | None) -> str | None:
    if not ref:
        return None
    return f"{Path(path).name}!{ref}" if path else ref


def _pipeline_sheet(wb, deals) -> None:
    ws = wb.create_sheet(SHEET_PIPELINE)
    headers = ["顧客", "案件名", "ステージ", "金額(円)", "確度(%)", "確度帯", "完了予定", "担当"]
    rows = [
        [
            d["company"],
            d["title"],
            STAGES.get(d["stage"], d["stage"]),
            d["amount_jpy"],
            d["probability"],
            band_of(d["probability"]),
            d["expected_close"],
            d["owner"],
        ]
        for d in deals
    ]
    setup_table_sheet(ws, headers, column_widths(headers, rows, {1: 40}), len(rows))
    for r in rows:
        ws.append(
            [
                *[value_cell(ws, v) for v in r[:3]],
                value_cell(ws, r[3], YEN_FORMAT if r[3] is not None else None),
                r[4],
                r[5],
                date_cell(ws, r[6]),
                value_cell(ws, r[7]),
            ]
        )


def _customer_sheet(wb, customers) -> None:
    ws = wb.create_sheet(SHEET_CUSTOMERS)
    headers = [
        "顧客",
        "最終接触日",
        "経過日数",
        "次回アクション",
        "期限",
        "担当",
        "活動件数",
        "進行中案件",
        "見込金額(円)",
    ]
    rows = [
        [
            c["name"],
            c["last_contact"],
            c["days_since"],
            c["next_action"],
            c["next_action_due"],
            c["rep"],
            c["n"],
            c["deals"],
            c["amount"],
        ]
        for c in customers
    ]
    setup_table_sheet(ws, headers, column_widths(headers, rows, {3: 40}), len(rows))
    for r in rows:
        ws.append(
            [
                value_cell(ws, r[0]),
                date_cell(ws, r[1]),
                r[2],
                value_cell(ws, r[3]),
                date_cell(ws, r[4]),
                value_cell(ws, r[5]),
                r[6],
                r[7],
                value_cell(ws, r[8], YEN_FORMAT if r[8] is not None else None),
            ]
        )


def _knowledge_sheet(wb, notes) -> None:
    ws = wb.create_sheet(SHEET_KNOWLEDGE)
    headers = [
        ID_HEADER,
        "日付",
        "顧客",
        "分類",
        "内容",
        "書いた人",
        "参考になった",
        "再利用",
        "関連部署",
        "出典",
    ]
    rows = [
        [
            n["id"],
            n["date"],
            n["company"],
            category_label(n["category"]),
            n["body"],
            n["author"],
            n["helpful"],
            n["reuse"],
            "・".join(department_tags(n["body"])) or None,
            n["source_ref"],
        ]
        for n in notes
    ]
    setup_table_sheet(ws, headers, column_widths(headers, rows, {4: 60}), len(rows), hidden=(0,))
    for r in rows:
        ws.append([r[0], date_cell(ws, r[1]), *[value_cell(ws, v) for v in r[2:]]])


def _mvp_sheet(wb, mvp) -> None:
    ws = wb.create_sheet(SHEET_MVP)
    headers = [
        "順位",
        "名前",
        "スコア",
        "参考になった",
        "再利用",
        "届いた人数",
        "届いた部署",
        "役立ったノート",
        "書いたノート(参考)",
    ]
    rows = [
        [
            e.rank,
            e.author,
            e.score,
            e.helpful,
            e.reuse,
            e.people,
            e.departments,
            e.notes_used,
            e.notes_written,
        ]
        for e in mvp
    ]
    setup_table_sheet(ws, headers, column_widths(headers, rows), len(rows))
    for r in rows:
        ws.append([r[0], value_cell(ws, r[1]), *r[2:]])


__all__ = ["DATE_FORMAT", "ExportResult", "band_of", "lead_note_id", "write_team_workbook"]
