"""Import problems, in words a rep understands: what, where (file, sheet, cell) and what to do."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Issue:
    severity: str  # 'info' | 'warning' | 'error'
    code: str  # short, stable, for filtering: 'bad_date', 'encrypted', ...
    message: str  # a resources.messages.Message from the catalogue: key and params go along
    location: str | None = None  # 'Sheet!B7', a row, or None for the whole file


class ImportFailed(Exception):
    """The whole file cannot be imported; carries the one issue that says why. ``retry``: the
    file itself may be fine (its reader died): it is read again next time, not kept as failed
    until it changes."""

    retry = False

    def __init__(self, code: str, message: str, location: str | None = None):
        super().__init__(message)
        self.issue = Issue("error", code, message, location)
