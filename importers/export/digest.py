"""The department digest: team knowledge relevant to quality, production, procurement and
service, as a workbook (one sheet per department, plus an overview).

A note belongs to a department when one of the department's keywords (resources/
knowledge_categories.toml, [departments.*]) is in it. Private notes and lead comments are not
included.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import openpyxl
from openpyxl.styles import Font

from importers.export.xlsx import (
    TITLE_FONT,
    ExportResult,
    column_widths,
    date_cell,
    print_setup,
    save_atomic,
    setup_table_sheet,
    text_cell,
    value_cell,
)
from importers.insights.categories import (
    LEAD_COMMENT,
    category_label,
    department_tags,
    rules_for,
)
from importers.insights.reactions import helpful_counts
from sync.store import Store

DEFAULT_DEPARTMENTS = ("品質", "生産", "調達", "サービス")
HEADERS = ["ID", "日付", "顧客", "分類", "内容", "書いた人", "参考になった", "出典"]


def digest_notes(
    store: Store, departments: Sequence[str] = DEFAULT_DEPARTMENTS, since: str | None = None
) -> dict[str, list[dict]]:
    """department -> its notes, newest first."""
    rules = rules_for(store.data_dir)
    rows = [
        dict(r)
        for r in store.query(
            """SELECT n.id, coalesce(a.occurred_on, substr(n.created_at, 1, 10)) AS date,
                      coalesce(c.name, '') AS company, n.category, n.body, n.author, n.source_ref
               FROM notes n LEFT JOIN activities a ON a.id = n.activity_id
               LEFT JOIN companies c ON c.id = n.company_id
               WHERE n.deleted = 0 AND coalesce(n.visibility, 'team') != 'private'
                 AND coalesce(n.category, '') != ? AND n.body IS NOT NULL
                 AND coalesce(a.occurred_on, n.created_at, '') >= ?
               ORDER BY date DESC""",
            (LEAD_COMMENT, since or ""),
        )
    ]
    counts = helpful_counts(store, [r["id"] for r in rows])
    out: dict[str, list[dict]] = {d: [] for d in departments}
    for r in rows:
        r["helpful"] = counts.get(r["id"], (0, 0))[0]
        for tag in department_tags(r["body"], rules):
            if tag in out:
                out[tag].append(r)
    return out


def department_digest(
    store: Store,
    out_path: Path | str,
    departments: Sequence[str] = DEFAULT_DEPARTMENTS,
    *,
    since: str | None = None,
) -> ExportResult:
    """Write the digest workbook (atomically; time-stamped beside it when the target is locked)."""
    per_dept = digest_notes(store, departments, since)
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("概要")
    print_setup(ws)
    ws.column_dimensions["A"].width = 16
    ws.column_dimensions["B"].width = 12
    ws.append([text_cell(ws, "他部署向けナレッジ ダイジェスト", font=TITLE_FONT)])
    ws.append([f"作成 {dt.datetime.now():%Y-%m-%d %H:%M}  ・ Genba"])
    ws.append([])
    bold = Font(bold=True)
    ws.append([text_cell(ws, "部署", font=bold), text_cell(ws, "件数", font=bold)])
    for dept in departments:
        ws.append([value_cell(ws, dept), len(per_dept[dept])])
    total = 0
    for dept in departments:
        notes = per_dept[dept]
        total += len(notes)
        sheet = wb.create_sheet(_sheet_name(dept))
        rows = [
            [
                n["id"],
                n["date"],
                n["company"],
                category_label(n["category"]),
                n["body"],
                n["author"],
                n["helpful"],
                n["source_ref"],
            ]
            for n in notes
        ]
        setup_table_sheet(
            sheet, HEADERS, column_widths(HEADERS, rows, {4: 70}), len(rows), hidden=(0,)
        )
        for r in rows:
            sheet.append([r[0], date_cell(sheet, r[1]), *[value_cell(sheet, v) for v in r[2:]]])
    result = save_atomic(wb, out_path)
    result.rows = total
    return result


def _sheet_name(name: str) -> str:
    for ch in "[]:*?/\\":
        name = name.replace(ch, "_")
    return name[:31] or "部署"
