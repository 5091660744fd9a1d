"""What importing one file did: one outcome type for every kind of file."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from importers.issues import Issue

ROWS_LISTED = 5_000


class Status(StrEnum):
    """A ``str``: ``outcome.status == 'failed'`` reads as before, and it crosses processes."""

    IMPORTED = "imported"  # read and applied (possibly changing nothing: see ``changed``)
    UNCHANGED = "unchanged"  # the same bytes as last time: nothing read, nothing written
    MOVED = "moved"  # a renamed or moved file with the content of a file whose path is gone
    DUPLICATE = "duplicate"  # a copy standing beside a file already imported: nothing added
    FAILED = "failed"  # the file cannot be read at all; what it brought before stays

    @property
    def quiet(self) -> bool:
        """Nothing to tell the rep about (the file brought nothing new)."""
        return self in (Status.UNCHANGED, Status.MOVED, Status.DUPLICATE)


@dataclass
class Outcome:
    path: Path
    kind: str  # the file kind (importers.kinds): 'reports' | 'cards' | 'photos'
    status: Status
    source_id: str | None = None
    added: int = 0  # activities, contacts or attachments created
    updated: int = 0
    deleted: int = 0
    merged: int = 0  # cards that went into an existing contact (see importers.cards.apply)
    issues: list[Issue] = field(default_factory=list)
    # entity -> ids of the synced rows this import wrote (what views need to re-read); None
    # for an entity with more than ROWS_LISTED of them: re-read it all (a huge set of ids would
    # cost the app's process more to receive than re-reading costs)
    rows: dict[str, set[str] | None] = field(default_factory=dict)
    # what cards and photos tell their callers
    contact_ids: list[str] = field(default_factory=list)
    attachment_id: str | None = None
    entity: str | None = None  # where a photo went: 'activities' | 'companies' | 'day'
    entity_id: str | None = None
    linked: int = 0  # activities linked to contacts after this import

    @property
    def failed(self) -> bool:
        return self.status == Status.FAILED

    @property
    def changed(self) -> bool:
        """Whether the store holds something new because of this file."""
        return bool(self.added or self.updated or self.deleted or self.merged)

    @property
    def first_code(self) -> str | None:
        return self.issues[0].code if self.issues else None

    @property
    def to_check(self) -> int:
        """Issues a rep should look at (row-level warnings and errors, not notes)."""
        return sum(1 for i in self.issues if i.severity != "info")
