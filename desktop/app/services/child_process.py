"""A spawned worker process for the app's heavy work: parsing workbooks and syncing.

python-calamine parses a sheet without releasing the GIL (about 0.1 s for 20,000 rows), and a
sync merges tens of thousands of values in Python; either would stall the app's event loop
however it is threaded, because the GUI thread needs the same GIL. So that work runs in a
child process (``ProcessPoolExecutor(max_workers=1)``, spawned on first use, shut down on quit)
that opens its own Store on the same ``genba.db``; the caller — a worker thread, the watcher's
thread or the sync thread — waits for the result without holding the GIL. When no process can
be started the work runs in this process, as before, and the log says so.

No Qt here: this module is loaded by the child too, and its objects are used from worker threads.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from desktop.logs import log_dir

log = logging.getLogger("genba.app")


def _with_pid(
    fn: Callable[..., Any],
    args: tuple,
    kwargs: dict,
    name: str = "child",
    folder: str | None = None,
) -> tuple[int, Any]:
    """Run in the child: (its process id, ``fn``'s result). A bug raised here writes a crash
    report into ``folder`` (the app's log folder) and carries its path back as ``crash_report``."""
    try:
        return os.getpid(), fn(*args, **kwargs)
    except Exception as exc:
        if _is_bug(exc):
            from desktop.logs import write_crash_report

            report = write_crash_report(
                type(exc), exc, exc.__traceback__, folder, where=f"the {name} process"
            )
            try:
                exc.crash_report = report
            except AttributeError:  # an exception class with __slots__: the report is on disk
                pass
        raise


def _is_bug(exc: BaseException) -> bool:
    """Not what the work reports on purpose (a sync the server refused) nor the computer
    refusing (disk full, file locked, database busy: ``sync.store.failures``)."""
    from sync.client.errors import SyncError
    from sync.store import StoreError
    from sync.store.failures import classify

    return not isinstance(exc, SyncError | StoreError) and classify(exc) is None


class ChildProcessCrashed(RuntimeError):
    """A bug in a child process; ``str()`` tells the rep where its crash report is."""

    def __init__(self, name: str, error: BaseException, report, lang: str | None = None):
        from desktop.logs import crash_message

        self.crash_report = report
        super().__init__(crash_message(error, report, lang, where=name))


def ping() -> int:
    """Run in the child: its id (used to start it and in tests)."""
    return os.getpid()


class ChildProcess:
    """Runs module-level, Qt-free functions in one spawned child process, one call at a time.

    Thread-safe. ``last_pid`` is the id of the process that ran the last call (``os.getpid()``
    when it ran here). ``env_off``: an environment variable that, set to 1, keeps the work in
    this process (for debugging). ``idle_seconds``: the child ends after this long without work
    and is spawned again on the next call (about half a second) — a child that parsed a large
    workbook or merged a large pull holds 100–120 MB the app does not need while it is idle."""

    def __init__(
        self,
        name: str,
        *,
        use_process: bool = True,
        env_off: str | None = None,
        idle_seconds: float | None = None,
        initializer: Callable[..., None] | None = None,
        initargs: tuple = (),
        lang: str | None = None,
    ):
        self.name = name
        self.lang = lang  # the rep's language, for the line that says a crash happened
        self.initializer = initializer  # run in each new child (e.g. to hand it a queue)
        self.initargs = initargs
        self.use_process = use_process and not (env_off and os.environ.get(env_off) == "1")
        self.idle_seconds = idle_seconds
        self.last_pid: int | None = None
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()
        self._closed = False
        self._worked = False  # the pool has finished a job at least once
        self._busy = 0  # calls between taking the pool and getting their result
        self._idle_timer: threading.Timer | None = None

    def call(self, fn: Callable[..., Any], *args: Any, here: Callable[[], Any], **kwargs: Any):
        """``fn(*args, **kwargs)`` in the child; ``here()`` instead when there is no child.

        ``fn`` must be importable by name (a module-level function of a Qt-free module); its
        exceptions reach the caller as they are. A child that dies is started again once."""
        for attempt in (1, 2):
            pool = self._get_pool(busy=True)
            if pool is None:
                break
            try:
                job = pool.submit(_with_pid, fn, args, kwargs, self.name, str(log_dir()))
                pid, result = job.result()
            except BrokenProcessPool as exc:
                self._done()
                self._drop(pool)
                if self._closed:  # killed on quit: do not start the work again here
                    raise RuntimeError(f"the {self.name} process was stopped") from exc
                if not self._worked:
                    self._fall_back(f"the {self.name} process could not run: {exc}")
                    break
                if attempt == 2:
                    raise RuntimeError(f"the {self.name} process stopped twice") from exc
                log.warning("the %s process stopped (%s); starting it again", self.name, exc)
                continue
            except BaseException as exc:
                self._done()
                report = getattr(exc, "crash_report", None)
                if report is None:
                    raise
                log.error(
                    "the %s process failed (crash report: %s)", self.name, report, exc_info=exc
                )
                raise ChildProcessCrashed(self.name, exc, report, self.lang) from exc
            self._done()
            self._worked = True
            self.last_pid = pid
            return result
        self.last_pid = os.getpid()
        return here()

    # -- lifecycle --------------------------------------------------------------------------------
    def start(self) -> bool:
        """Start the child now (else on first use); True when it runs."""
        pool = self._get_pool(busy=True)
        if pool is None:
            return False
        try:
            pool.submit(ping).result(timeout=60)
        except Exception as exc:
            self._done()
            self._drop(pool)
            self._fall_back(f"the {self.name} process could not start: {exc}")
            return False
        self._done()
        self._worked = True
        return True

    @property
    def in_process(self) -> bool:
        return not self.use_process

    @property
    def closed(self) -> bool:
        return self._closed

    def shutdown(self, wait: bool = True) -> None:
        """On quit: the call in progress finishes, then the child ends."""
        with self._lock:
            self._closed = True
            if self._idle_timer is not None:
                self._idle_timer.cancel()
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=wait, cancel_futures=True)

    def kill(self) -> None:
        """On quit, when the call in progress would keep the app waiting (a sync stuck on a slow
        network): end the child now. Only for work that is safe to cut short — a sync's local
        transaction rolls back and the server ignores a replayed push."""
        with self._lock:
            self._closed = True
            pool, self._pool = self._pool, None
        if pool is None:
            return
        # ProcessPoolExecutor has no public way to stop a running job before Python 3.14.
        for proc in list(getattr(pool, "_processes", {}).values()):
            try:
                proc.kill()
            except Exception:  # already gone
                pass
        pool.shutdown(wait=False, cancel_futures=True)

    # -- internals --------------------------------------------------------------------------------
    def _get_pool(self, *, busy: bool = False) -> ProcessPoolExecutor | None:
        """The pool, spawned if needed; ``busy``: count a call, so that the idle timer cannot
        retire the pool between taking it and submitting to it."""
        with self._lock:
            if not self.use_process or self._closed:
                return None
            if busy:
                self._busy += 1
            if self._pool is None:
                try:
                    ctx = multiprocessing.get_context("spawn")
                    self._pool = ProcessPoolExecutor(
                        max_workers=1,
                        mp_context=ctx,
                        initializer=self.initializer,
                        initargs=self.initargs,
                    )
                except (ImportError, OSError, NotImplementedError, ValueError) as exc:
                    self._busy -= busy
                    self.use_process = False
                    log.warning("%s in the app's process: no child process (%s)", self.name, exc)
                    return None
            return self._pool

    def _done(self) -> None:
        """A call got its result: after ``idle_seconds`` without another, retire the child."""
        with self._lock:
            self._busy -= 1
            if self.idle_seconds is None or self._busy or self._closed:
                return
            if self._idle_timer is not None:
                self._idle_timer.cancel()
            self._idle_timer = threading.Timer(self.idle_seconds, self._retire_if_idle)
            self._idle_timer.daemon = True
            self._idle_timer.start()

    def _retire_if_idle(self) -> None:
        with self._lock:
            if (
                self._busy
                or self._pool is None
                or threading.current_thread() is not (self._idle_timer)
            ):
                return  # working again, or a newer timer owns the decision
            pool, self._pool = self._pool, None
        log.info("the %s process ends after %.0f s without work", self.name, self.idle_seconds)
        pool.shutdown(wait=False)

    def _drop(self, pool: ProcessPoolExecutor) -> None:
        with self._lock:
            if self._pool is pool:
                self._pool = None
        try:
            pool.shutdown(wait=False, cancel_futures=True)
        except Exception:  # a broken pool may complain while it is torn down
            log.debug("shutting down a broken %s process", self.name, exc_info=True)

    def _fall_back(self, why: str) -> None:
        with self._lock:
            self.use_process = False
        log.warning("%s in the app's process: %s", self.name, why)
