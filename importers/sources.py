"""The ``sources`` and ``import_issues`` rows: what Genba knows of each file it read.

One row per file path (kind: the file kind's ``source_kind``, or 'copy' for a copy standing
beside a file already imported). The status follows one rule for every kind:

- 'error': the file could not be imported at all (its one or few issues say why); whatever it
  brought before stays, and the old hash is kept so that the repaired file imports again;
- 'warning': imported, with at least one warning- or error-level issue (a bad cell, a card
  field that could not be read) for the rep to check;
- 'ok': imported cleanly (notes of severity 'info' aside);
- 'missing': the file was deleted; what it brought stays.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from importers.issues import Issue
from importers.messages import msg
from importers.reading import FileBytes
from resources.messages import to_json
from sync.store import Store, Writer
from sync.store.ids import new_id


def status_for(issues: list[Issue]) -> str:
    """'warning' or 'ok' for a file that was imported (see the module doc)."""
    return "warning" if any(i.severity != "info" for i in issues) else "ok"


def source_at(store: Store, path: Path):
    rows = store.query("SELECT * FROM sources WHERE path = ?", (str(path),))
    return rows[0] if rows else None


def same_content(store: Store, source_kind: str, sha256: str):
    """Sources of this kind that hold exactly these bytes (a moved file, or a copy)."""
    return store.query(
        "SELECT * FROM sources WHERE sha256 = ? AND kind = ? ORDER BY imported_at",
        (sha256, source_kind),
    )


def came_back(w: Writer, source, fb: FileBytes) -> None:
    """A file marked missing is there again with the same bytes: its status is what it was
    before (from its issues), without reading it again."""
    severities = [
        Issue(r[0], "", "")
        for r in w.conn.execute(
            "SELECT severity FROM import_issues WHERE source_id = ?", (source["id"],)
        )
    ]
    w.conn.execute(
        "UPDATE sources SET status = ?, mtime = ? WHERE id = ?",
        (status_for(severities), fb.mtime, source["id"]),
    )


def adopt(w: Writer, source, path: Path, fb: FileBytes) -> None:
    """A renamed or moved file continues its old source: nothing it brought is duplicated."""
    w.conn.execute(
        "UPDATE sources SET path = ?, mtime = ?, status = CASE WHEN status = 'missing' "
        "THEN 'ok' ELSE status END WHERE id = ?",
        (str(path), fb.mtime, source["id"]),
    )


def record_copy(w: Writer, path: Path, fb: FileBytes, original: str, lang: str) -> str:
    """A copy standing beside its original: recorded (so the rescan leaves it alone), adds nothing."""
    sid = new_id()
    w.conn.execute(
        "INSERT INTO sources (id, path, kind, sha256, size, mtime, status, imported_at, message) "
        "VALUES (?, ?, 'copy', ?, ?, ?, 'ok', ?, ?)",
        (
            sid,
            str(path),
            fb.sha256,
            fb.size,
            fb.mtime,
            _now(),
            msg("duplicate_of", lang, path=original),
        ),
    )
    return sid


def record_failure(
    w: Writer, path: Path, source_kind: str, existing, fb: FileBytes | None, issues: list[Issue]
) -> str:
    """One 'error' row for the whole file; everything already imported from it stays."""
    message = issues[0].message if issues else None
    if existing is None:
        sid = new_id()
        w.conn.execute(
            "INSERT INTO sources (id, path, kind, sha256, size, mtime, status, imported_at, "
            "message) VALUES (?, ?, ?, ?, ?, ?, 'error', ?, ?)",
            (
                sid,
                str(path),
                source_kind,
                fb.sha256 if fb else None,
                fb.size if fb else None,
                fb.mtime if fb else None,
                _now(),
                message,
            ),
        )
    else:
        sid = existing["id"]
        # Keep the old hash: when the rep repairs the file, it imports again.
        w.conn.execute(
            "UPDATE sources SET status = 'error', imported_at = ?, message = ? WHERE id = ?",
            (_now(), message, sid),
        )
    save_issues(w, sid, issues)
    return sid


def save_source(
    w: Writer,
    source_id: str,
    path: Path,
    source_kind: str,
    existing,
    fb: FileBytes,
    issues: list[Issue],
    *,
    keep_hash: bool = True,
    profile: str | None = None,
) -> None:
    """Insert or update the file's row before its records are applied (``settle`` after).

    ``keep_hash=False`` stores no hash: the file is read again next time (a card image that
    OCR could not read for want of tesseract)."""
    values = (
        str(path),
        fb.sha256 if keep_hash else None,
        fb.size,
        fb.mtime,
        status_for(issues),
        _now(),
        profile,
    )
    if existing is None:
        w.conn.execute(
            "INSERT INTO sources (path, sha256, size, mtime, status, imported_at, profile, id, "
            "kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (*values, source_id, source_kind),
        )
    else:
        w.conn.execute(
            "UPDATE sources SET path = ?, sha256 = ?, size = ?, mtime = ?, status = ?, "
            "imported_at = ?, profile = ?, message = NULL, kind = ? WHERE id = ?",
            (*values, source_kind, source_id),
        )


def settle(w: Writer, source_id: str, issues: list[Issue]) -> None:
    """The file's issues (its reader may have added some while applying) and its status."""
    w.conn.execute("UPDATE sources SET status = ? WHERE id = ?", (status_for(issues), source_id))
    save_issues(w, source_id, issues)


def save_issues(w: Writer, source_id: str, issues: list[Issue]) -> None:
    w.conn.execute("DELETE FROM import_issues WHERE source_id = ?", (source_id,))
    now = _now()
    w.conn.executemany(
        "INSERT INTO import_issues (id, source_id, location, severity, code, message, created_at,"
        " message_key, params) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                new_id(),
                source_id,
                i.location,
                i.severity,
                i.code,
                i.message,
                now,
                *to_json(i.message),
            )
            for i in issues
        ],
    )


def mark_missing(store: Store, path: Path) -> bool:
    """The file was deleted: its source becomes 'missing'; what it brought stays. True when it
    was marked now. A small write with no importer behind it (the app's watcher calls it)."""
    existing = source_at(store, normalized(path))
    if existing is None or existing["status"] == "missing":
        return False
    with store.write() as w:
        w.conn.execute("UPDATE sources SET status = 'missing' WHERE id = ?", (existing["id"],))
    return True


def normalized(path: Path) -> Path:
    """The form a path is stored in (absolute, normalised: one row per file however it is named)."""
    return Path(os.path.normpath(Path(path).absolute()))


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
