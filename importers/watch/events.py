"""What the watcher tells its caller: events, and how to read any importer's outcome."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any


class HandlerUnavailable(RuntimeError):
    """Raised by a handler whose importer is not installed; reported once per folder kind."""


@dataclass(frozen=True)
class WatchEvent:
    """Something to tell the user. ``kind`` is one of:
    imported, unchanged, failed (the importer said what is wrong), error (the handler raised),
    missing (a file was deleted: its source is marked missing), unavailable (no importer for
    this folder kind), watching, folder_missing, folder_back, folder_failed, restarted,
    hook_error."""

    kind: str
    path: Path | None = None
    folder_kind: str | None = None
    outcome: Any = None
    message: str = ""


def outcome_status(outcome: Any) -> str:
    """'imported' | 'unchanged' | 'failed' for any importer's outcome (report or card)."""
    status = getattr(outcome, "status", None)
    if status == "failed" or getattr(outcome, "failed", False) is True:
        return "failed"
    if status in ("unchanged", "moved", "duplicate"):
        return "unchanged"
    return "imported"


def first_issue_code(outcome: Any) -> str | None:
    issues = getattr(outcome, "issues", None) or []
    return getattr(issues[0], "code", None) if issues else None
