"""Comments a team lead types into the workbook's 上司コメント column flow back as notes.

Each row of the 活動 sheet carries the activity id (hidden column A) and, hidden at the end, the
comment as it was when Genba wrote the workbook. A comment that differs from that becomes the
activity's lead-comment note (id ``natural_id("notes", "lead:" + activity_id)``, category
'lead_comment', visibility team), which syncs to the rep; a cleared comment tombstones it.
Reading the same workbook again, or a freshly written one, changes nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl

from importers.export.team_workbook import (
    COMMENT_HEADER,
    ID_HEADER,
    ORIGINAL_HEADER,
    SHEET_ACTIVITIES,
    lead_note_id,
    write_team_workbook,
)
from importers.export.xlsx import ExportResult
from importers.insights.categories import LEAD_COMMENT
from importers.insights.notes import TEAM, now_iso
from importers.settings import Settings
from sync.store import Store

TEAM_WORKBOOK_NAME = "チーム日報.xlsx"


class WorkbookFormatError(ValueError):
    """The workbook has no 活動 sheet with the ID and 上司コメント columns."""


@dataclass
class CommentRead:
    changed: int = 0
    unknown_ids: list[str] = field(default_factory=list)


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def read_comment_rows(workbook_path: Path | str) -> list[tuple[str, str, str]]:
    """(activity id, comment now, comment when written) for every row of the 活動 sheet."""
    wb = openpyxl.load_workbook(workbook_path, read_only=True, data_only=True)
    try:
        if SHEET_ACTIVITIES not in wb.sheetnames:
            raise WorkbookFormatError(f"{workbook_path} has no sheet 「{SHEET_ACTIVITIES}」.")
        ws = wb[SHEET_ACTIVITIES]
        rows = ws.iter_rows(values_only=True)
        header = [_text(h) for h in next(rows, ())]
        try:
            c_id, c_comment = header.index(ID_HEADER), header.index(COMMENT_HEADER)
        except ValueError:
            raise WorkbookFormatError(
                f"The 「{SHEET_ACTIVITIES}」 sheet of {workbook_path} has no "
                f"「{ID_HEADER}」 and 「{COMMENT_HEADER}」 columns."
            ) from None
        c_orig = header.index(ORIGINAL_HEADER) if ORIGINAL_HEADER in header else None
        out = []
        for row in rows:
            if not row or len(row) <= c_id:
                continue
            aid = _text(row[c_id])
            if not aid:
                continue
            comment = _text(row[c_comment]) if len(row) > c_comment else ""
            orig = _text(row[c_orig]) if c_orig is not None and len(row) > c_orig else None
            out.append((aid, comment, orig))
        return out
    finally:
        wb.close()


def read_lead_comments(store: Store, workbook_path: Path | str, author: str | None) -> int:
    """Turn what the lead typed into the 上司コメント column into notes; returns how many notes
    were created, changed or removed."""
    return read_lead_comments_detail(store, workbook_path, author).changed


def read_lead_comments_detail(
    store: Store, workbook_path: Path | str, author: str | None
) -> CommentRead:
    rows = read_comment_rows(workbook_path)
    result = CommentRead()
    with store.write() as w:
        for aid, comment, orig in rows:
            if orig is not None and comment == orig:
                continue  # the lead did not touch this row
            nid = lead_note_id(aid)
            note = w.get("notes", nid)
            if orig is None and (  # a workbook without the hidden column: only typed text
                not comment or (note is not None and note["body"] == comment)
            ):
                continue
            if not comment:
                if note is not None and not note["deleted"]:
                    w.delete("notes", nid)
                    result.changed += 1
                continue
            act = w.get("activities", aid)
            if act is None:
                result.unknown_ids.append(aid)
                continue
            if note is None:
                w.insert(
                    "notes",
                    {
                        "id": nid,
                        "company_id": act["company_id"],
                        "contact_id": act["contact_id"],
                        "activity_id": aid,
                        "category": LEAD_COMMENT,
                        "body": comment,
                        "author": author,
                        "visibility": TEAM,
                        "source_ref": act["source_ref"],
                        "created_at": now_iso(),
                    },
                )
                result.changed += 1
                continue
            fields = {"body": comment, "deleted": 0, "category": LEAD_COMMENT}
            if author:
                fields["author"] = author
            if w.update("notes", nid, fields):
                result.changed += 1
    return result


def _stat(path: Path) -> tuple[float, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_mtime, st.st_size


def refresh_team_workbook(
    store: Store,
    folder: Path | str,
    *,
    author: str | None = None,
    month: str | None = None,
    name: str = TEAM_WORKBOOK_NAME,
    today: dt.date | None = None,
) -> ExportResult:
    """After a sync: read back the comments typed into the shared workbook (and into any
    time-stamped copy written while it was open) that changed since Genba wrote them, then write
    the workbook anew. ``author`` defaults to this laptop's user name."""
    folder = Path(folder)
    target = folder / name
    if author is None:
        try:
            author = Settings.load(store.data_dir).user_name
        except ValueError:
            author = None
    known = {
        r["path"]: (r["mtime"], r["size"])
        for r in store.query("SELECT path, mtime, size FROM knowledge_workbook_files")
    }
    candidates = [target, *folder.glob(f"{target.stem}_*{target.suffix}")]
    edited = []
    for path in candidates:
        st = _stat(path)
        if st is None or path.name.startswith(("~$", ".")):
            continue
        if known.get(str(path)) != st:
            edited.append((st[0], path))
    for _mtime, path in sorted(edited):  # oldest first: the latest edit wins
        try:
            read_lead_comments(store, path, author)
        except (WorkbookFormatError, OSError, KeyError, ValueError):
            continue  # not ours, or unreadable: leave it alone
        _remember(store, path)
    result = write_team_workbook(store, target, month, today=today)
    _remember(store, result.path_written)
    return result


def _remember(store: Store, path: Path) -> None:
    st = _stat(path)
    if st is None:
        return
    with store.write() as w:
        w.conn.execute(
            "INSERT OR REPLACE INTO knowledge_workbook_files (path, mtime, size) VALUES (?, ?, ?)",
            (str(path), *st),
        )


__all__ = [
    "TEAM_WORKBOOK_NAME",
    "WorkbookFormatError",
    "read_lead_comments",
    "refresh_team_workbook",
]
