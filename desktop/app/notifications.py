"""What the tray tells the rep about the watcher's work, gathered into one notification.

A first scan of a report folder imports hundreds of workbooks in a minute; one balloon per file
would bury the desktop and teach the rep to turn notifications off. So events are collected for a
few seconds after the first one and shown as one digest ("12 workbooks: 340 new activities").
Plain Python (no Qt): the app owns the timer and the wording.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from importers.watch.events import WatchEvent

# How long the app waits after the first event before showing the digest.
GATHER_SECONDS = 3.0


@dataclass
class Digest:
    reports: int = 0  # workbooks that brought new or changed activities
    added: int = 0  # new activities
    updated: int = 0  # changed activities
    cards: int = 0  # card files that brought contacts
    contacts: int = 0
    photos: int = 0  # memo photos attached
    failed: list[str] = field(default_factory=list)  # names of files that could not be read
    names: list[str] = field(default_factory=list)  # names of files imported

    @property
    def files(self) -> int:
        return self.reports + self.cards + self.photos

    def __bool__(self) -> bool:
        return bool(self.files or self.failed)


class NoticeBatcher:
    """Collects watcher events (``importers.watch.WatchEvent``) into a ``Digest``."""

    def __init__(self) -> None:
        self._digest = Digest()

    def add(self, event: WatchEvent) -> bool:
        """Count the event; True when it is worth telling the rep about."""
        d = self._digest
        name = event.path.name if event.path is not None else ""
        if event.kind in ("failed", "error"):
            if name not in d.failed:
                d.failed.append(name)
            return True
        if event.kind != "imported":
            return False  # unchanged files, folder states: the Folders view shows those
        outcome = event.outcome
        if outcome is None:
            return False
        added, updated = outcome.added, outcome.updated
        kind = event.folder_kind or outcome.kind
        if kind == "photos":
            d.photos += 1
        elif kind == "cards":
            if not (added or updated or outcome.merged):
                return False
            d.cards += 1
            d.contacts += added
        else:
            if not (added or updated or outcome.deleted):
                return False  # saved without a change to any visit
            d.reports += 1
            d.added += added
            d.updated += updated
        d.names.append(name)
        return True

    def take(self) -> Digest | None:
        """The digest so far (None when there is nothing to say); starts a new one."""
        digest, self._digest = self._digest, Digest()
        return digest or None
