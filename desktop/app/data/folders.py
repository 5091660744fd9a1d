"""The Folders view: each watched folder, whether it is there, and its last import."""

from __future__ import annotations

import os
import sqlite3
from typing import Any

KIND_ATTRS = {
    "reports": "report_folders",
    "cards": "card_folders",
    "photos": "photo_folders",
    "mail": "mail_folders",
    "voice": "voice_folders",
}


def folder_rows(conn: sqlite3.Connection, settings, config=None) -> list[dict[str, Any]]:
    out = []
    for kind, attr in KIND_ATTRS.items():
        entry = config.entries.get(attr) if config else None
        locked = entry.where if entry and entry.locked else None
        for path in getattr(settings, attr):
            prefix = os.path.join(os.path.normpath(path), "")
            like = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            stats = conn.execute(
                """SELECT sum(coalesce(kind, '') != 'copy'), max(imported_at),
                          sum(status = 'error'), sum(kind = 'copy')
                   FROM sources WHERE path LIKE ? ESCAPE '\\'""",
                (like,),
            ).fetchone()
            out.append(
                {
                    "kind": kind,
                    "path": path,
                    "exists": os.path.isdir(path),
                    "files": stats[0] or 0,
                    "last_import": stats[1],
                    "errors": stats[2] or 0,
                    # copies of a workbook read elsewhere: not read twice, but there
                    "copies": stats[3] or 0,
                    "polling": _polling(path, settings),
                    "locked": locked,
                }
            )
    return out


def _polling(path: str, settings) -> str | None:
    try:
        from importers.watch.observer import polling_reason
    except ImportError:
        return None
    return polling_reason(path, force=bool(getattr(settings, "force_polling", False)))


def add_folder(settings, data_dir, kind: str, path: str, config=None) -> bool:
    """Add a folder to the settings (saved); False when it was already there. Raises
    PermissionError when IT has locked that folder list."""
    folders: list[str] = getattr(settings, KIND_ATTRS[kind])
    full = os.path.normpath(os.path.abspath(path))
    if any(os.path.normcase(full) == os.path.normcase(f) for f in folders):
        return False
    _save(settings, data_dir, kind, [*folders, full], config)
    return True


def remove_folder(settings, data_dir, kind: str, path: str, config=None) -> bool:
    folders: list[str] = getattr(settings, KIND_ATTRS[kind])
    keep = [f for f in folders if os.path.normcase(f) != os.path.normcase(path)]
    if len(keep) == len(folders):
        return False
    _save(settings, data_dir, kind, keep, config)
    return True


def _save(settings, data_dir, kind: str, folders: list[str], config) -> None:
    attr = KIND_ATTRS[kind]
    if config is not None:
        # Only the rep's own value is written; a list IT has set raises PermissionError.
        config.set_user_value(attr, folders)
    else:
        setattr(settings, attr, folders)
        settings.save(data_dir)
    setattr(settings, attr, list(folders))
