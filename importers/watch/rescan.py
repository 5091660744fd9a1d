"""The rescan: walk the watched folders and compare with the `sources` table — what changed while
Genba was closed, or what an observer missed, is imported; what is gone is marked missing."""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from importers.reading import file_identity
from importers.watch.ignore import is_candidate, is_hidden_on_disk
from importers.watch.observer import WatchFolder

log = logging.getLogger("genba.watch")

RESCAN_INTERVAL = 300.0

Identity = tuple[int, float]


@dataclass
class Known:
    """What the store remembers of one file."""

    identity: Identity | None
    status: str


@dataclass
class RescanPlan:
    folder: WatchFolder
    changed: list[tuple[str, Identity]] = field(default_factory=list)  # new or different files
    gone: list[str] = field(default_factory=list)  # recorded files no longer on disk


def walk(folder: WatchFolder, exclude: Iterable[str] = ()) -> dict[str, Identity]:
    """Every candidate file under the folder with its (size, mtime); unreadable parts are skipped."""
    skip = {os.path.normcase(p) for p in exclude}
    found: dict[str, Identity] = {}
    for dirpath, dirnames, filenames in os.walk(folder.path):
        dirnames[:] = sorted(
            d
            for d in dirnames
            if not d.startswith((".", "~"))
            and os.path.normcase(os.path.join(dirpath, d)) not in skip
        )
        for name in sorted(filenames):
            path = os.path.join(dirpath, name)
            if not is_candidate(path, folder.kind, folder.path) or is_hidden_on_disk(path):
                continue
            ident = file_identity(path)
            if ident is not None:
                found[path] = ident
    return found


def known_sources(query: Callable, folder: WatchFolder) -> dict[str, Known]:
    """Sources recorded under the folder (``query`` is ``Store.query``)."""
    root = folder.path.rstrip(os.sep) + os.sep
    upper = root[:-1] + chr(ord(os.sep) + 1)
    rows = query(
        "SELECT path, size, mtime, status FROM sources WHERE path >= ? AND path < ? "
        "ORDER BY imported_at",
        (root, upper),
    )
    known: dict[str, Known] = {}
    for r in rows:
        if not is_candidate(r["path"], folder.kind, folder.path):
            continue
        ident = (r["size"], r["mtime"]) if r["size"] is not None else None
        known[r["path"]] = Known(ident, r["status"])
    return known


def plan(
    folder: WatchFolder,
    found: dict[str, Identity],
    known: dict[str, Known],
    seen: Callable[[str], Identity | None] = lambda _p: None,
) -> RescanPlan:
    """Files to hand to the importer and recorded files to mark missing.

    ``seen`` gives the version of a file this session already handled (a file that failed to
    import is not retried every few minutes, only when it changes)."""
    result = RescanPlan(folder)
    for path, ident in found.items():
        k = known.get(path)
        if k is not None and k.status != "missing" and k.identity == ident:
            continue
        if (k is None or k.status != "missing") and seen(path) == ident:
            continue
        result.changed.append((path, ident))
    for path, k in known.items():
        if k.status != "missing" and path not in found and not os.path.lexists(path):
            result.gone.append(path)
    return result


def scan_folder(
    folder: WatchFolder,
    query: Callable | None,
    seen: Callable[[str], Identity | None],
    exclude: Iterable[str] = (),
) -> RescanPlan | None:
    """A plan for one folder, or None when the folder is not there (never mark a whole unplugged
    network drive missing: it is judged when it returns)."""
    if not os.path.isdir(folder.path):
        return None
    found = walk(folder, exclude)
    if not os.path.isdir(folder.path):  # vanished during the walk
        return None
    known = known_sources(query, folder) if query is not None else {}
    return plan(folder, found, known, seen)


class RescanThread(threading.Thread):
    """Rescans every ``interval`` seconds, and on request (start, a folder's return, a moved or
    deleted subfolder). Plans go to ``submit``; the watcher's worker applies them in order."""

    def __init__(
        self,
        folders: list[WatchFolder],
        submit: Callable[[RescanPlan], None],
        *,
        query: Callable | None,
        seen: Callable[[str], Identity | None],
        interval: float = RESCAN_INTERVAL,
        exclude: Iterable[str] = (),
    ):
        super().__init__(name="genba-watch-rescan", daemon=True)
        self.folders = folders
        self.submit = submit
        self.query = query
        self.seen = seen
        self.interval = interval
        self.exclude = list(exclude)
        self._cond = threading.Condition()
        self._due: dict[WatchFolder, float] = {}
        self._halt = False

    def request(self, folder: WatchFolder | None = None, delay: float = 0.0) -> None:
        """Rescan one folder (or all) after ``delay`` seconds."""
        at = time.monotonic() + delay
        with self._cond:
            for f in [folder] if folder is not None else self.folders:
                self._due[f] = min(self._due.get(f, at), at)
            self._cond.notify()

    def stop(self) -> None:
        with self._cond:
            self._halt = True
            self._cond.notify()

    def run(self) -> None:
        next_full = time.monotonic() + self.interval
        while True:
            with self._cond:
                while not self._halt:
                    now = time.monotonic()
                    if now >= next_full:
                        for f in self.folders:
                            self._due.setdefault(f, now)
                        next_full = now + self.interval
                    ready = [f for f, at in self._due.items() if at <= now]
                    if ready:
                        for f in ready:
                            del self._due[f]
                        break
                    wake = min([next_full, *self._due.values()])
                    self._cond.wait(max(0.01, wake - now))
                if self._halt:
                    return
            for folder in ready:
                if self._halt:
                    return
                try:
                    result = scan_folder(folder, self.query, self.seen, self.exclude)
                except Exception:
                    log.exception("rescanning %s failed", folder.path)
                    continue
                if result is not None:
                    self.submit(result)
