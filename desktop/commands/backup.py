"""`genba backup [DEST]`: a consistent copy of genba.db with SQLite's online backup API."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

from importers.messages import msg


def run_backup(
    store, dest: str | None, *, with_blobs: bool, out=print, lang: str | None = None
) -> int:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = Path(dest) if dest else store.data_dir / "backups"
    if target.suffix != ".db":
        target = target / f"genba-{stamp}.db"
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        # The backup API copies a consistent snapshot even while the app or watcher writes.
        src = sqlite3.connect(store.path)
        dst = sqlite3.connect(target)
        with dst:
            src.backup(dst)
        dst.close()
        src.close()
        if with_blobs and (store.data_dir / "blobs").is_dir():
            shutil.copytree(store.data_dir / "blobs", target.parent / "blobs", dirs_exist_ok=True)
    except (OSError, sqlite3.Error) as exc:
        out(msg("cli.backup.failed", lang, target=target, detail=exc))
        return 1
    out(msg("cli.backup.done.blobs" if with_blobs else "cli.backup.done", lang, target=target))
    return 0
