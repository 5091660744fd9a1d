"""`genba search`, `brief`, `export team-workbook|digest`, `mvp`, `note add|helpful`.

Headless: Qt is imported only inside :func:`write_pdf`, for `genba brief --pdf`.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path

from desktop.knowledge.brief import (
    CustomerNotFound,
    build_brief,
    find_company,
    render_brief_html,
    render_brief_text,
)
from desktop.knowledge.search import highlight, search
from desktop.tables import render
from importers.insights.categories import category_label, category_names
from importers.insights.mvp import monthly_mvp
from importers.insights.notes import PRIVATE, TEAM, add_note
from importers.insights.reactions import ReactionError, mark_helpful
from importers.messages import join, msg

KIND_LABEL = {"note": "ナレッジ", "activity": "活動", "photo": "メモ写真"}


def _dump(obj, out) -> None:
    out(json.dumps(obj, ensure_ascii=False, indent=2))


def run_search(
    store, query: str, as_json: bool, out=print, limit: int = 50, lang: str | None = None
) -> int:
    if not query.strip():
        out(msg("cli.search.empty_query", lang))
        return 2
    hits = search(store, query, limit=limit)
    if as_json:
        _dump([h.to_dict() for h in hits], out)
        return 0
    if not hits:
        out(msg("cli.search.none", lang, query=query))
        return 0
    rows = [
        [
            h.date or "",
            h.company or "",
            KIND_LABEL.get(h.kind, h.kind)
            + (f"・{category_label(h.category)}" if h.category else ""),
            h.author or "",
            highlight(h),
            h.id,
        ]
        for h in hits
    ]
    out(render(["日付", "顧客", "種類", "書いた人", "内容", "ID"], rows, [10, 20, 16, 8, 60, 36]))
    out(f"{len(hits)} 件")
    return 0


def run_reindex(store, out=print) -> int:
    """`genba search --rebuild`: catch up insight notes, then rebuild the search index."""
    from desktop.knowledge import index
    from importers.insights.notes import sync_all_insight_notes

    notes = sync_all_insight_notes(store)
    n = index.rebuild(store)
    out(f"所感ノート: 追加 {notes.added} / 更新 {notes.updated} / 削除 {notes.deleted}")
    out(f"検索インデックスを作り直しました ({n} 件)")
    return 0


def run_brief(
    store,
    customer: str,
    viewer: str | None,
    pdf: str | None,
    as_json: bool,
    out=print,
    lang: str | None = None,
) -> int:
    try:
        brief = build_brief(store, customer, viewer)
    except CustomerNotFound as exc:
        out(f"error: {exc}")
        return 1
    if pdf:
        try:
            write_pdf(render_brief_html(brief), Path(pdf))
        except ImportError as exc:
            out(msg("cli.brief.no_qt", lang, detail=exc))
            return 1
        if not as_json:
            out(f"{pdf} に書き出しました。")
    if as_json:
        _dump(brief.to_dict(), out)
    elif not pdf:
        out(render_brief_text(brief))
    return 0


def write_pdf(html: str, out_path: Path) -> Path:
    """Print HTML to an A4 PDF with Qt (QTextDocument + QPdfWriter); Qt is imported here only."""
    if sys.platform.startswith("linux") and not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

    app = QGuiApplication.instance() or QGuiApplication(["genba"])
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(out_path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter)
    writer.setResolution(300)
    writer.setTitle("Genba brief")
    writer.setCreator("Genba")
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    doc.setHtml(html)
    # no page size of our own: print_ lays the document out on the writer's page, scaled from
    # screen points to the writer's resolution
    doc.print_(writer)
    del writer  # flushes the file
    _ = app
    return out_path


def run_export_team_workbook(store, out: str, month: str | None, out_fn=print) -> int:
    from importers.export.team_workbook import write_team_workbook

    if month and not _valid_month(month):
        out_fn(f"error: --month must be YYYY-MM, not {month!r}")
        return 2
    result = write_team_workbook(store, Path(out), month)
    out_fn(result.message)
    out_fn(f"活動 {result.rows} 件")
    return 0


def run_export_digest(store, out: str, departments: list[str] | None = None, out_fn=print) -> int:
    from importers.export.digest import DEFAULT_DEPARTMENTS, department_digest

    result = department_digest(store, Path(out), tuple(departments or DEFAULT_DEPARTMENTS))
    out_fn(result.message)
    out_fn(f"ナレッジ {result.rows} 件 (部署別)")
    return 0


def run_mvp(
    store, month: str | None, out=print, as_json: bool = False, lang: str | None = None
) -> int:
    month = month or dt.date.today().strftime("%Y-%m")
    if month != "all" and not _valid_month(month):
        out(msg("cli.mvp.bad_month", lang, month=month))
        return 2
    entries = monthly_mvp(store, None if month == "all" else month)
    if as_json:
        _dump([e.to_dict() for e in entries], out)
        return 0
    out(
        f"MVP {month}: 参考になった×3 + 再利用×1 + 届いた人数×2 + 届いた部署×3 (書いた件数は数えません)"
    )
    if not entries:
        out("(まだありません)")
        return 0
    rows = [
        [e.rank, e.author, e.score, e.helpful, e.reuse, e.people, e.departments, e.notes_written]
        for e in entries
    ]
    out(
        render(
            ["順位", "名前", "スコア", "参考になった", "再利用", "届いた人数", "部署", "書いた数"],
            rows,
            [4, 16, 6, 12, 6, 10, 4, 8],
        )
    )
    return 0


def run_note_add(
    store,
    customer: str,
    text: str,
    category: str | None,
    private: bool,
    author: str | None,
    out=print,
    lang: str | None = None,
) -> int:
    if category and category not in category_names():
        names = join(category_names(), lang)
        out(msg("cli.note.unknown_category", lang, category=category, names=names))
        return 2
    try:
        company, _others = find_company(store, customer)
    except CustomerNotFound as exc:
        out(f"error: {exc}")
        return 1
    try:
        nid = add_note(
            store,
            company["id"],
            text,
            category=category,
            visibility=PRIVATE if private else TEAM,
            author=author,
        )
    except ValueError as exc:
        out(f"error: {exc}")
        return 2
    note = store.query("SELECT category FROM notes WHERE id = ?", (nid,))[0]
    out(f"{company['name']} にナレッジを追加しました [{category_label(note['category'])}] {nid}")
    return 0


def run_helpful(store, note_id: str, user: str | None, out=print, undo: bool = False) -> int:
    note_id = _resolve_note_id(store, note_id)
    try:
        changed = mark_helpful(store, note_id, user or "", on=not undo)
    except ReactionError as exc:
        out(f"error: {exc}")
        return 1
    if undo:
        out("「参考になった」を取り消しました。" if changed else "(変更なし)")
    else:
        out("「参考になった」を送りました。" if changed else "(もう送っています)")
    return 0


def _resolve_note_id(store, prefix: str) -> str:
    """A full note id, or an unambiguous start or end of one."""
    rows = store.query(
        "SELECT id FROM notes WHERE id LIKE ? OR id LIKE ? LIMIT 2", (prefix + "%", "%" + prefix)
    )
    return rows[0]["id"] if len(rows) == 1 else prefix


def _valid_month(month: str) -> bool:
    try:
        dt.datetime.strptime(month, "%Y-%m")
    except ValueError:
        return False
    return True
