"""The Watcher: folder events in, one import at a time out, progress reported as it happens."""

from __future__ import annotations

import logging
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from watchdog.events import FileSystemEvent

from importers import sources
from importers.kinds import FOLDER_KINDS
from importers.outcome import Outcome
from importers.reading import file_identity
from importers.watch.events import WatchEvent, event_kind
from importers.watch.ignore import is_candidate, is_hidden_on_disk
from importers.watch.observer import FolderWatch, Supervisor, WatchFolder, polling_reason
from importers.watch.rescan import RESCAN_INTERVAL, RescanPlan, RescanThread
from importers.watch.settle import INCOMPLETE_WAIT, SETTLE_DELAY, Settler, file_complete

log = logging.getLogger("genba.watch")

DELETE_GRACE = 1.5  # a rename-over is a delete and a create: wait before calling a file missing
LOCKED_RETRIES = (2.0, 5.0, 15.0, 30.0, 60.0)

# importers.ingest.Importer.import_source, or one that runs it in the app's import process
ImportFn = Callable[[Path, str], Outcome]


class Watcher:
    """Watches folders by kind and hands each settled file to ``importer(path, kind)``.

    ``folders``: {'reports': [dir, ...], 'cards': [...], 'photos': [...]}.
    ``on_missing``: fn(path) -> bool for deleted files (default: ``importers.sources.
    mark_missing`` on ``store``). ``store`` also lets the rescan compare files with ``sources``.
    ``on_event`` receives WatchEvents from the watcher's threads; ``after_import`` callbacks get
    each WatchEvent of kind 'imported' (keep them quick: e.g. wake a sync thread).
    """

    def __init__(
        self,
        folders: Mapping[str, Iterable[str | os.PathLike[str]]],
        *,
        importer: ImportFn,
        on_missing: Callable[[Path], bool] | None = None,
        store: Any = None,
        on_event: Callable[[WatchEvent], None] | None = None,
        after_import: Iterable[Callable[[WatchEvent], None]] = (),
        force_polling: bool = False,
        settle_delay: float = SETTLE_DELAY,
        delete_grace: float = DELETE_GRACE,
        incomplete_wait: float = INCOMPLETE_WAIT,
        rescan_interval: float = RESCAN_INTERVAL,
        poll_interval: float = 1.0,
        supervise_interval: float = 1.0,
        locked_retries: tuple[float, ...] = LOCKED_RETRIES,
        exclude: Iterable[str | os.PathLike[str]] = (),
    ):
        unknown = set(folders) - set(FOLDER_KINDS)
        if unknown:
            raise ValueError(f"unknown folder kind(s): {sorted(unknown)}")
        self.folders: list[WatchFolder] = []
        for kind, paths in folders.items():
            for p in paths:
                wf = WatchFolder.of(kind, p)
                if wf not in self.folders:
                    self.folders.append(wf)
        self.importer = importer
        if on_missing is None and store is not None:
            on_missing = lambda path: sources.mark_missing(store, path)  # noqa: E731
        self.on_missing = on_missing
        self.store = store
        self.on_event = on_event
        self.after_import = list(after_import)
        self.delete_grace = delete_grace
        self.locked_retries = locked_retries
        self.exclude = [os.path.abspath(os.fspath(e)) for e in exclude]
        self._settle_delay = settle_delay
        self._poll_interval = poll_interval
        self._cond = threading.Condition()
        self._settler = Settler(settle_delay, incomplete_wait=incomplete_wait)
        self._ready: dict[str, tuple[str, tuple]] = {}  # path -> (kind, identity), oldest first
        self._deletes: dict[str, tuple[WatchFolder, float]] = {}  # path -> (folder, due)
        self._retries: dict[str, tuple[str, float]] = {}  # locked files: path -> (kind, due)
        self._attempts: dict[str, int] = {}  # path -> locked retries so far
        self._backlog: deque[tuple[str, WatchFolder, str, Any]] = deque()
        self._done: dict[str, tuple] = {}  # path -> identity handled this session
        self._stopping = False
        self._busy = False
        self.watches = [
            FolderWatch(
                f,
                self._on_fs_event,
                polling=polling_reason(f.path, force=force_polling),
                poll_interval=poll_interval,
            )
            for f in self.folders
        ]
        self._supervisor = Supervisor(
            self.watches, self._on_folder_change, interval=supervise_interval
        )
        self._rescanner = RescanThread(
            self.folders,
            self._submit_plan,
            query=store.query if store is not None else None,
            seen=self._seen,
            interval=rescan_interval,
            exclude=self.exclude,
        )
        self._worker = threading.Thread(target=self._work, name="genba-watch-worker", daemon=True)

    # -- lifecycle -----------------------------------------------------------------------------
    def start(self) -> None:
        """Start the observers (before the first scan, so nothing saved meanwhile is missed),
        then the worker, the first rescan and the supervisor. Returns at once."""
        self._supervisor.check_all()
        self._worker.start()
        self._rescanner.start()
        self._rescanner.request()
        self._supervisor.start()

    def stop(self, timeout: float = 5.0) -> bool:
        """Stop watching. The import in progress finishes; files still waiting are left for the
        next start's rescan. True when every thread stopped within ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        self._supervisor.stop()
        self._rescanner.stop()
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        if self._supervisor.is_alive():  # it may be (re)starting an observer right now
            self._supervisor.join(max(0.0, min(1.0, deadline - time.monotonic())))
        for fw in self.watches:
            fw.stop(timeout=max(0.1, min(1.0, deadline - time.monotonic())))
        threads = [self._worker, self._rescanner, self._supervisor]
        for t in threads:
            if t.is_alive():
                t.join(max(0.0, deadline - time.monotonic()))
        return not any(t.is_alive() for t in threads)

    def __enter__(self) -> Watcher:
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def rescan(self, kind: str | None = None) -> None:
        """Ask for a rescan now (all folders, or those of one kind)."""
        for f in self.folders:
            if kind is None or f.kind == kind:
                self._rescanner.request(f)

    def idle(self) -> bool:
        """Nothing waiting to settle, import or be marked missing (retries aside)."""
        with self._cond:
            return not (
                self._busy or self._settler or self._ready or self._deletes or self._backlog
            )

    # -- events from the observers (their threads) ----------------------------------------------
    def _on_fs_event(self, folder: WatchFolder, ev: FileSystemEvent) -> None:
        etype = ev.event_type
        if ev.is_directory:
            # A subfolder created, moved or deleted: its files may not have events of their own.
            if etype in ("created", "moved", "deleted") and ev.src_path != folder.path:
                self._rescanner.request(folder, delay=self.delete_grace)
            return
        src = os.fsdecode(ev.src_path)
        if etype in ("created", "modified", "closed"):
            self._changed(folder, src)
        elif etype == "moved":
            self._gone(folder, src)
            self._changed(folder, os.fsdecode(ev.dest_path))
        elif etype == "deleted":
            self._gone(folder, src)

    def _changed(self, folder: WatchFolder, path: str) -> None:
        if (
            not is_candidate(path, folder.kind, folder.path)
            or self._excluded(path)
            or is_hidden_on_disk(path)
        ):
            return
        fw = next((w for w in self.watches if w.folder == folder), None)
        delay = self._settle_delay
        if fw is not None and fw.polling:  # events come once per poll: wait at least one poll
            delay = max(delay, self._poll_interval)
        with self._cond:
            self._deletes.pop(path, None)
            self._ready.pop(path, None)
            self._settler.touch(path, folder.kind, delay=delay)
            self._cond.notify()

    def _gone(self, folder: WatchFolder, path: str) -> None:
        if not is_candidate(path, folder.kind, folder.path) or self._excluded(path):
            return
        with self._cond:
            self._settler.forget(path)
            self._ready.pop(path, None)
            self._deletes[path] = (folder, time.monotonic() + self.delete_grace)
            self._cond.notify()

    def _excluded(self, path: str) -> bool:
        return any(path == e or path.startswith(e + os.sep) for e in self.exclude)

    def _on_folder_change(self, fw: FolderWatch, change: str, detail: str) -> None:
        kind = {
            "missing": "folder_missing",
            "back": "folder_back",
            "started": "watching",
            "restarted": "restarted",
            "failed": "folder_failed",
        }[change]
        self._emit(WatchEvent(kind, Path(fw.folder.path), fw.folder.kind, message=detail))
        if change in ("back", "restarted"):  # events were lost meanwhile
            self._rescanner.request(fw.folder)

    def _submit_plan(self, plan: RescanPlan) -> None:
        with self._cond:
            for path, ident in plan.changed:
                self._backlog.append(("import", plan.folder, path, ident))
            for path in plan.gone:
                self._backlog.append(("missing", plan.folder, path, None))
            self._cond.notify()

    def _seen(self, path: str):
        with self._cond:
            return self._done.get(path)

    # -- the worker: everything that touches the store happens here, one file at a time -------
    def _work(self) -> None:
        while True:
            job = None
            deletes: list[tuple[str, WatchFolder]] = []
            with self._cond:
                while not self._stopping:
                    now = time.monotonic()
                    for path, (kind, due) in list(self._retries.items()):
                        if due <= now and path not in self._settler:
                            del self._retries[path]
                            self._settler.touch(path, kind)
                    for path, kind, ident in self._settler.pop_ready():
                        self._ready[path] = (kind, ident)
                    deletes = [(p, f) for p, (f, due) in self._deletes.items() if due <= now]
                    for p, _f in deletes:
                        del self._deletes[p]
                    if self._ready:
                        path = next(iter(self._ready))
                        kind, ident = self._ready.pop(path)
                        job = ("import", None, path, (kind, ident))
                    elif self._backlog and not deletes:
                        job = self._backlog.popleft()
                    if job or deletes:
                        self._busy = True
                        break
                    waits = [self._settler.next_due()]
                    waits += [due - now for _f, due in self._deletes.values()]
                    waits += [due - now for _k, due in self._retries.values()]
                    pending = [w for w in waits if w is not None]
                    self._cond.wait(max(0.01, min(pending)) if pending else None)
                if self._stopping:
                    self._busy = False
                    return
            try:
                for path, folder in deletes:
                    self._handle_gone(folder, path)
                if job is not None:
                    self._run_job(job)
            except Exception:  # never let the worker die
                log.exception("watch worker")
            finally:
                with self._cond:
                    self._busy = False

    def _run_job(self, job) -> None:
        what, folder, path, extra = job
        if what == "missing":
            self._handle_gone(folder, path)
            return
        if what == "import" and folder is None:  # from events: already settled
            kind, ident = extra
            self._import(kind, path, ident)
            return
        # from a rescan: an event for the same file, if any, takes precedence
        with self._cond:
            if path in self._settler or path in self._ready:
                return
        current = file_identity(path)
        if current is None:
            return
        if current != extra or not file_complete(path):
            self._changed(folder, path)  # still being written: let it settle like an event would
            return
        self._import(folder.kind, path, current)

    def _import(self, kind: str, path: str, ident) -> None:
        with self._cond:
            if self._done.get(path) == ident:
                return  # a spurious event (attributes touched), or event and rescan both saw it
        p = Path(path)
        try:
            outcome = self.importer(p, kind)
        except Exception as exc:
            log.exception("importing %s failed", path)
            with self._cond:
                self._done[path] = ident
            self._emit(WatchEvent("error", p, kind, message=_describe_exception(exc)))
            return
        status = event_kind(outcome)
        with self._cond:
            self._done[path] = ident
            if status == "failed" and outcome.first_code == "locked":
                attempt = self._attempts.get(path, 0)
                if attempt < len(self.locked_retries):  # Excel still holds it: try again later
                    del self._done[path]
                    self._attempts[path] = attempt + 1
                    self._retries[path] = (kind, time.monotonic() + self.locked_retries[attempt])
            else:
                self._attempts.pop(path, None)
        event = WatchEvent(status, p, kind, outcome=outcome)
        self._emit(event)
        if status == "imported":
            for hook in self.after_import:
                try:
                    hook(event)
                except Exception as exc:
                    log.exception("after_import hook failed")
                    self._emit(WatchEvent("hook_error", p, kind, message=_describe_exception(exc)))

    def _handle_gone(self, folder: WatchFolder, path: str) -> None:
        with self._cond:
            self._done.pop(path, None)
            if path in self._settler or path in self._ready:
                return  # a new file already stands at this path (a save by rename)
        if os.path.lexists(path):
            self._changed(folder, path)
            return
        if not os.path.isdir(folder.path):
            return  # the whole folder is gone (unplugged?): judged by the rescan when it returns
        if self.on_missing is None:
            return
        try:
            marked = self.on_missing(Path(path))
        except Exception as exc:
            log.exception("marking %s missing failed", path)
            self._emit(
                WatchEvent("error", Path(path), folder.kind, message=_describe_exception(exc))
            )
            return
        if marked:
            self._emit(WatchEvent("missing", Path(path), folder.kind))

    def _emit(self, event: WatchEvent) -> None:
        if self.on_event is None:
            return
        try:
            self.on_event(event)
        except Exception:
            log.exception("on_event callback failed")


def _describe_exception(exc: BaseException) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
