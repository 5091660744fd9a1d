"""``import_source``: every step of importing one file, the same for every kind of file.

Read once (the size checked on disk first, retrying while Excel holds the file), hash; the same
bytes as last time -> nothing to do (a file that came back after being marked missing gets its
status back); a new path with the bytes of a known file -> moved (the old path is gone) or a copy
beside its original (nothing added); else the kind's reader parses the bytes outside any write
transaction, and one short write transaction applies the records and saves ``sources`` and
``import_issues`` (importers.sources) — or, for a reader with ``stages`` (daily reports, of any
size), bounded transactions and one short publish (importers.report_steps, importers.staging). Bad input never raises: the outcome and ``sources`` say
what is wrong.

A reader (``importers.kinds.FileKind.reader``, a ``Reader``) has ``parse(path, fb, profile=None) -> Parsed``
(may raise ImportFailed) and ``apply(w, job)`` (inside the transaction: fills ``job.outcome``).
One ``Importer`` is built per process; it builds each reader once, on first use.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from importers import sources
from importers.issues import ImportFailed, Issue
from importers.kinds import FileKind, kind
from importers.messages import issue, msg, resolve
from importers.outcome import ROWS_LISTED, Outcome, Status
from importers.reading import FileBytes, read_file
from importers.routing import kind_for
from sync.store import Store
from sync.store.ids import new_id


@dataclass
class Parsed:
    """What a reader made of a file's bytes, before anything is written."""

    payload: Any
    issues: list[Issue] = field(default_factory=list)
    failure: list[Issue] | None = None  # the whole file cannot be imported, for these reasons
    keep_hash: bool = True  # False: read it again next time (OCR was not available)
    profile: str | None = None  # the profile a report was read with


@dataclass
class Job:
    """One file being applied: what a reader's ``apply`` gets inside the transaction."""

    path: Path
    fb: FileBytes
    source_id: str
    existing: Any  # the file's previous ``sources`` row, or None
    parsed: Parsed
    outcome: Outcome
    source_kind: str = "reports"


class Reader:
    """What the reader of a kind does (subclassed by each kind's reader)."""

    def __init__(self, importer: Importer):
        self.store = importer.store
        self.lang = importer.lang

    def size_problem(self, path: Path) -> Issue | None:
        """A problem found from the file system before reading (None: read_file's limit)."""
        return None

    def parse(self, path: Path, fb: FileBytes, *, profile=None) -> Parsed:
        raise NotImplementedError

    def apply(self, w, job: Job) -> None:
        raise NotImplementedError


class Importer:
    """Imports files of every kind into one store with the rep's settings.

    ``lang``: the language of the problem messages ('ja' | 'en'); None means GENBA_LANG, else
    the data dir's ``language`` setting, else Japanese. ``options`` go to the readers (``rep``,
    ``ranks``, ``synonyms``, ``profiles`` for daily reports)."""

    def __init__(self, store: Store, *, lang: str | None = None, **options: Any):
        self.store = store
        self.lang = resolve(lang, store.data_dir)
        self.options = options
        self._readers: dict[str, Any] = {}

    def reader(self, name: str) -> Reader:
        if name not in self._readers:
            module, _, cls = kind(name).reader.partition(":")
            self._readers[name] = getattr(importlib.import_module(module), cls)(self)
        return self._readers[name]

    def import_source(
        self, path: Path, kind_name: str | None = None, *, force: bool = False, profile=None
    ) -> Outcome:
        """Import one file as ``kind_name`` (None: routed by ``importers.kinds.kind_for``)."""
        path = sources.normalized(path)
        self._recover()  # before reading this file's sources row: a discarded run may drop it
        kind_name = kind_name or kind_for(path) or "reports"
        reader = self.reader(kind_name)
        fk: FileKind = kind(kind_name)
        existing = sources.source_at(self.store, path)
        try:
            too_large = reader.size_problem(path)
        except OSError:
            too_large = None  # gone or unreadable: read_file says so in words
        if too_large is not None:
            return self._failed(path, fk, existing, None, [too_large])
        try:
            fb = read_file(path, max_bytes=fk.limit(path), lang=self.lang)
        except ImportFailed as failed:
            return self._failed(path, fk, existing, None, [failed.issue])
        if existing and existing["sha256"] == fb.sha256 and not force:
            if existing["status"] == "missing":
                with self.store.write() as w:
                    sources.came_back(w, existing, fb)
            return Outcome(path, kind_name, Status.UNCHANGED, existing["id"])
        if existing is None and not force:
            known = self._known_content(path, fk, fb)
            if known is not None:
                return known
        try:
            parsed = reader.parse(path, fb, profile=profile)
        except ImportFailed as failed:
            return self._failed(path, fk, existing, fb, [failed.issue])
        except RecursionError:
            problem = issue("error", "unreadable.nested", self.lang)
            return self._failed(path, fk, existing, fb, [problem])
        if parsed.failure:
            return self._failed(path, fk, existing, fb, parsed.failure)
        source_id = existing["id"] if existing else new_id()
        outcome = Outcome(path, kind_name, Status.IMPORTED, source_id)
        job = Job(path, fb, source_id, existing, parsed, outcome, fk.source_kind)
        if getattr(reader, "stages", False):
            # A reader that applies in bounded steps (daily reports: importers.staging) saves
            # the sources row and issues in its publish transaction.
            def save(w) -> None:
                known = existing if existing is not None else {"id": source_id}
                args = (w, source_id, path, fk.source_kind, known, fb, parsed.issues)
                sources.save_source(*args, keep_hash=parsed.keep_hash, profile=parsed.profile)
                sources.settle(w, source_id, parsed.issues)

            try:
                touched = reader.apply_in_steps(job, save)
            except ImportFailed as failed:  # read by a worker: refused once it has read it all
                # kept without its hash when it may be fine: the next import reads it again
                return self._failed(
                    path, fk, existing, None if failed.retry else fb, [failed.issue]
                )
            outcome.rows = {
                e: set(ids) if len(ids) <= ROWS_LISTED else None for e, ids in touched.items()
            }
            outcome.issues = parsed.issues
            return outcome
        with self.store.write() as w:
            args = (w, source_id, path, fk.source_kind, existing, fb, parsed.issues)
            sources.save_source(*args, keep_hash=parsed.keep_hash, profile=parsed.profile)
            reader.apply(w, job)
            sources.settle(w, source_id, parsed.issues)
            _backfill_readings_once(w)
            outcome.rows = {
                e: set(ids) if len(ids) <= ROWS_LISTED else None for e, ids in w.touched.items()
            }
        outcome.issues = parsed.issues
        return outcome

    def _recover(self) -> None:
        """Discard or complete the imports of processes that died mid-way (importers.recovery)."""
        from importers.recovery import recover_dead_imports

        recover_dead_imports(self.store)

    def mark_missing(self, path: Path) -> bool:
        return sources.mark_missing(self.store, path)

    # -- internals -----------------------------------------------------------------------------
    def _known_content(self, path: Path, fk: FileKind, fb: FileBytes) -> Outcome | None:
        """A renamed or moved file continues its old source; a copy beside its original adds
        nothing (design rule 6)."""
        for src in sources.same_content(self.store, fk.source_kind, fb.sha256):
            with self.store.write() as w:
                if Path(src["path"]).exists():
                    sid = sources.record_copy(w, path, fb, src["path"], self.lang)
                    return Outcome(path, fk.name, Status.DUPLICATE, sid)
                sources.adopt(w, src, path, fb)
            return Outcome(path, fk.name, Status.MOVED, src["id"])
        return None

    def _failed(self, path, fk: FileKind, existing, fb, issues: list[Issue]) -> Outcome:
        with self.store.write() as w:
            sid = sources.record_failure(w, path, fk.source_kind, existing, fb, issues)
        return Outcome(path, fk.name, Status.FAILED, sid, issues=list(issues))


READINGS_BACKFILLED = "readings_backfilled"


def _backfill_readings_once(w) -> None:
    """Companies and contacts stored before Genba derived readings (older versions, teammates'
    rows) get their よみ once per database, with the first import after the upgrade; rows made
    since get theirs when they are created. Without the analyser (the frozen build) nothing is
    derived and the next install that has one tries again."""
    if w.conn.execute("SELECT 1 FROM meta WHERE key = ?", (READINGS_BACKFILLED,)).fetchone():
        return
    if not _rows_without_readings(w):  # nothing to derive: the analyser (~0.1 s) is not loaded
        return
    from importers.cards.readings import fill_readings
    from importers.normalize.readings import analyser_available

    if not analyser_available():
        return
    fill_readings(w)
    w.set_meta(READINGS_BACKFILLED, "1")


def _rows_without_readings(w) -> bool:
    return bool(
        w.conn.execute(
            "SELECT EXISTS (SELECT 1 FROM companies WHERE deleted = 0 AND name IS NOT NULL "
            "AND coalesce(name_kana, '') = '') OR EXISTS (SELECT 1 FROM contacts "
            "WHERE deleted = 0 AND full_name IS NOT NULL AND coalesce(full_name_kana, '') = '')"
        ).fetchone()[0]
    )


def import_source(
    store: Store, path: Path, kind_name: str | None = None, *, force: bool = False, **options
) -> Outcome:
    """Import one file with a one-off Importer (a process importing many files keeps one)."""
    lang = options.pop("lang", None)
    return Importer(store, lang=lang, **options).import_source(path, kind_name, force=force)


def unsupported(path: Path, lang: str | None) -> str:
    """Why a named file is not imported (no kind reads its suffix)."""
    ext = path.suffix.lower() or msg("unsupported_type.no_extension", lang)
    return msg("unsupported_type", lang, name=path.name, ext=ext)
