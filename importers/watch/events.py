"""What the watcher tells its caller."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from importers.outcome import Outcome


@dataclass(frozen=True)
class WatchEvent:
    """Something to tell the user. ``kind`` is one of:
    imported, unchanged (the same bytes, or a moved file or a copy: nothing new), failed (the
    importer said what is wrong: ``outcome.issues``), error (the importer raised: a bug, said in
    ``message``), missing (a file was deleted: its source is marked missing), watching,
    folder_missing, folder_back, folder_failed, restarted, hook_error."""

    kind: str
    path: Path | None = None
    folder_kind: str | None = None
    outcome: Outcome | None = None
    message: str = ""


def event_kind(outcome: Outcome) -> str:
    """'imported' | 'unchanged' | 'failed': the watch event an import's outcome makes."""
    if outcome.failed:
        return "failed"
    return "unchanged" if outcome.status.quiet else "imported"
