"""The app's import process: workbooks, cards and photos are read in a child process.

python-calamine parses a sheet without releasing the GIL (about 0.1 s for 20,000 rows), which
would stall the app's event loop however the work is threaded. So the app owns one spawned
worker process (``ProcessPoolExecutor(max_workers=1)``, started on the first import, shut down on
quit) that opens its own Store on the same ``genba.db`` and imports one file at a time; the
caller — the writer thread or the watcher's thread — waits for the outcome without holding the
GIL, then the usual signals tell the views to re-read. When no process can be started the
import runs in this process, as before, and the log says so.

No Qt here: this object is used from worker threads.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from desktop.app.data import child_import

log = logging.getLogger("genba.app")


class ImportProcess:
    """Runs ``child_import.import_file`` for the store in ``data_dir`` in a child process.

    Thread-safe; imports are serialised (one worker). ``last_pid`` is the id of the process
    that ran the last import (``os.getpid()`` when it ran in this process)."""

    def __init__(self, store: Any, *, use_process: bool = True):
        self.store = store
        self.data_dir = Path(store.data_dir)
        self.use_process = use_process and os.environ.get("GENBA_IMPORT_IN_PROCESS") != "1"
        self.last_pid: int | None = None
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()
        self._closed = False
        self._worked = False  # the pool has finished a job at least once

    # -- the one call ---------------------------------------------------------------------------
    def import_file(self, path: Path, kind: str | None, **options: Any) -> Any:
        """Import one file (see ``child_import.import_file`` for ``options``); the outcome."""
        for attempt in (1, 2):
            pool = self._get_pool()
            if pool is None:
                break
            try:
                future = pool.submit(
                    child_import.import_in_child, str(self.data_dir), str(path), kind, **options
                )
                pid, outcome = future.result()
            except BrokenProcessPool as exc:
                self._drop(pool)
                if not self._worked:
                    self._fall_back(f"the import process could not run: {exc}")
                    break
                if attempt == 2:
                    raise RuntimeError(f"the import process stopped while reading {path}") from exc
                log.warning("the import process stopped (%s); starting it again", exc)
                continue
            except RuntimeError as exc:
                if self._closed or "shutdown" not in str(exc):
                    raise
                break  # quitting: finish this one here
            self._worked = True
            self.last_pid = pid
            return outcome
        self.last_pid = os.getpid()
        return child_import.import_file(self.store, Path(path), kind, **options)

    # -- lifecycle --------------------------------------------------------------------------------
    def start(self) -> bool:
        """Start the worker process now (else on the first import); True when it runs."""
        pool = self._get_pool()
        if pool is None:
            return False
        try:
            pool.submit(child_import.ping).result(timeout=60)
        except Exception as exc:
            self._drop(pool)
            self._fall_back(f"the import process could not start: {exc}")
            return False
        self._worked = True
        return True

    @property
    def in_process(self) -> bool:
        return not self.use_process

    def shutdown(self, wait: bool = True) -> None:
        """On quit: the import in progress finishes, then the worker process ends."""
        with self._lock:
            self._closed = True
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=wait, cancel_futures=True)

    # -- internals --------------------------------------------------------------------------------
    def _get_pool(self) -> ProcessPoolExecutor | None:
        with self._lock:
            if not self.use_process or self._closed:
                return None
            if self._pool is None:
                try:
                    ctx = multiprocessing.get_context("spawn")
                    self._pool = ProcessPoolExecutor(max_workers=1, mp_context=ctx)
                except (ImportError, OSError, NotImplementedError, ValueError) as exc:
                    self.use_process = False
                    log.warning("importing in the app's process: no import process (%s)", exc)
                    return None
            return self._pool

    def _drop(self, pool: ProcessPoolExecutor) -> None:
        with self._lock:
            if self._pool is pool:
                self._pool = None
        try:
            pool.shutdown(wait=False, cancel_futures=True)
        except Exception:  # a broken pool may complain while it is torn down
            log.debug("shutting down a broken import process", exc_info=True)

    def _fall_back(self, why: str) -> None:
        with self._lock:
            self.use_process = False
        log.warning("importing in the app's process: %s", why)
