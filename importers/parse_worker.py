"""A large daily report read in a second process while this one writes its rows.

Reading a workbook is Python from its first cell to its last (python-calamine parses the XML,
Genba places every cell), and writing its rows is mostly SQLite's work. In one process the two
take turns: both need the GIL, and an executemany gives it up and takes it back for every row,
so a thread would wait behind the other for each one. A file of ``WORKER_MIN_BYTES`` or more is
therefore read by a worker process, which sends its rows in batches as it reads them: the import
writes the first batch while the worker reads the next, on the laptop's second core. Once its
rows are sent, the worker also works out the readings (janome) of the file's customers that the
store does not know yet, which the import would otherwise derive itself after the rows.

The worker says what reading in this process says: the rows, the issues, the profile the file
was read with, or the one problem that refuses the file. A worker that dies (killed, or a crash
inside the reading library on a hostile file) is that file's problem, in the rep's language; the
other files go on. A smaller file is read in this process: starting a worker costs more than
it saves there.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import traceback
from collections.abc import Iterator

from importers.issues import ImportFailed, Issue
from importers.messages import fail, issue
from importers.records import StoredRow

log = logging.getLogger(__name__)

# ~5,000 rows of a daily report: smaller files read in less time than a spawned worker
# takes to start (Windows starts a new interpreter for it, ~0.1 s).
WORKER_MIN_BYTES = 256 * 1024
# IT's switch: GENBA_READ_WORKER=off reads every file in the import's process (a machine whose
# policy refuses a second process), =spawn always starts a new interpreter, as Windows does.
MODE_VARIABLE = "GENBA_READ_WORKER"
PIPE_BYTES = 1 << 20  # Linux's default limit for an unprivileged pipe (fs.pipe-max-size)
BATCH_ROWS = 1_000  # rows per message: one staging transaction's worth (importers.staging)


def enabled() -> bool:
    return _mode() != "off"


def _mode() -> str:
    return os.environ.get(MODE_VARIABLE, "").strip().lower()


def start(data: bytes, filename: str, *, known: frozenset[str], **options) -> WorkerParse:
    """Start reading ``data`` in a worker; ``options`` as ``importers.parse.parse_report``
    (without ``keep``). ``known``: the ids of the companies the store has (they have their
    readings; the worker never opens the store: a forked process must not use SQLite's state
    of the one it was forked from)."""
    return WorkerParse(data, filename, known, options)


class WorkerParse:
    """A daily report being read by a worker process: ``batches()`` yields its rows
    (``StoredRow``) as they come, then ``issues``, ``profile`` and ``companies`` are known;
    ``readings()`` waits for the customers' readings. Raises ImportFailed when the file is
    refused or the worker dies."""

    def __init__(self, data: bytes, filename: str, known: frozenset[str], options: dict):
        self.filename = filename
        self.lang = options.get("lang")
        self.issues: list[Issue] = []
        self.profile: str | None = None
        self.companies: dict[str, object] = {}
        self._readings: dict | None = None
        ctx = _context()
        self._conn, child = ctx.Pipe(duplex=False)
        _widen(self._conn)
        # A forked worker holds a copy of this end too: it closes it first (_serve)
        drop = self._conn if ctx.get_start_method() == "fork" else None
        self._proc = ctx.Process(
            target=_serve,
            args=(work, drop, child, data, filename, known, options),
            name="genba-read",
            daemon=True,
        )
        self._proc.start()
        child.close()  # the worker's end: EOF here once the worker is gone

    def batches(self) -> Iterator[list[StoredRow]]:
        unpack = StoredRow.unpack
        while True:
            kind, *body = self._receive()
            if kind == "rows":
                yield [unpack(parts) for parts in body[0]]
            elif kind == "done":
                self.issues, self.profile, self.companies = body
                return
            else:
                self._raise(kind, body)

    def drain(self) -> list[StoredRow]:
        """Every row, once the worker has read them all."""
        return [row for batch in self.batches() for row in batch]

    def readings(self) -> dict:
        """The derived readings of the file's new customers, by company id, once ``batches``
        has ended (empty when the worker could not work them out: the import derives them)."""
        if self._readings is None:
            try:
                kind, *body = self._receive()
                self._readings = body[0] if kind == "readings" else {}
            except ImportFailed:  # the worker died after the rows: they are all here
                self._readings = {}
            self.close()
        return self._readings

    def close(self) -> None:
        """End the worker (it may still be reading when the import stops early)."""
        self._conn.close()
        if self._proc.is_alive():
            self._proc.terminate()
        self._proc.join()

    def _receive(self) -> tuple:
        try:
            return self._conn.recv()
        except (EOFError, OSError):
            self._proc.join()
            died = fail("unreadable.worker_died", self.lang, code=self._proc.exitcode)
            raise WorkerDied(died.issue.code, died.issue.message) from None

    def _raise(self, kind: str, body: list):
        self.close()
        if kind == "memory":
            raise MemoryError
        code, message, location, trace = body
        if trace:  # an unexpected error in the worker: its traceback goes to genba.log here
            log.error("unexpected error while reading %s (worker)\n%s", self.filename, trace)
        raise ImportFailed(code, message, location)


def _widen(conn) -> None:
    """A pipe that holds a batch or two (Linux: 64 KB by default, a batch is ~0.6 MB), so the
    worker reads on while the import writes instead of waiting for it to take each batch."""
    try:
        import fcntl

        fcntl.fcntl(conn.fileno(), fcntl.F_SETPIPE_SZ, PIPE_BYTES)
    except (ImportError, AttributeError, OSError):  # Windows, or a lower system limit
        pass


class WorkerDied(ImportFailed):
    """The worker ended without saying why: the file may well be fine."""

    retry = True


def _context():
    """fork where the system has it and this process runs one thread: the worker starts at
    once with every module already loaded (forking a process with other threads could leave a
    lock one of them held locked for ever); else a new interpreter (Windows, genba watch)."""
    forks = "fork" in multiprocessing.get_all_start_methods()
    if forks and _mode() != "spawn" and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _serve(target, drop, *args) -> None:
    """The worker's start. A forked worker is given the import's end of the pipe as well, and
    closes it before anything else: holding it, the worker would wait for ever on a full pipe
    once the import is gone (killed, or cancelled in the app), where without it its next send
    fails and it ends."""
    if drop is not None:
        drop.close()
    target(*args)


def work(conn, data: bytes, filename: str, known: frozenset[str], options: dict) -> None:
    """The worker: read the file, sending rows in batches, then the customers' readings."""
    from importers.parse import read_report
    from importers.pipeline import Compact
    from importers.profiles import ProfileError
    from importers.reimport import source_head

    lang = options.get("lang")
    try:
        compact, batch = Compact(), []

        def keep(rec) -> None:  # nothing is kept here: the rows are sent
            row = compact(rec)
            row.head = source_head(row.names, rec.fields.values())  # one step less there
            batch.append(row.pack())
            if len(batch) >= BATCH_ROWS:
                conn.send(("rows", batch.copy()))
                batch.clear()

        try:
            result = read_report(data, filename, keep=keep, **options)
        except ImportFailed as failed:
            conn.send(("failed", *_parts(failed.issue), None))
            return
        except ProfileError as exc:
            conn.send(("failed", "bad_profile", str(exc), None, None))
            return
        except RecursionError:
            conn.send(("failed", *_parts(issue("error", "unreadable.nested", lang)), None))
            return
        except MemoryError:
            conn.send(("memory",))
            return
        except Exception as exc:  # as importers.parse.parse_report, the traceback sent along
            failed = fail("unreadable.unexpected", lang, reason=type(exc).__name__)
            conn.send(("failed", *_parts(failed.issue), traceback.format_exc()))
            return
        if batch:
            conn.send(("rows", batch))
        profile = result.profile.name if result.profile else None
        conn.send(("done", result.issues, profile, compact.companies))
        # while the import writes its last rows and publishes them
        conn.send(("readings", _new_readings(known, compact.companies)))
    except (BrokenPipeError, EOFError, OSError):
        pass  # the import stopped listening (it failed, or was cancelled): nothing to say
    finally:
        conn.close()


def _parts(problem: Issue) -> tuple:
    return problem.code, problem.message, problem.location


def _new_readings(known: frozenset[str], companies: dict) -> dict:
    """Readings of the customers the store did not have (the ones the import creates; one a
    sync brings meanwhile just gets a reading it does not use)."""
    from importers.cards.readings import new_company_reading

    try:
        return {
            cid: new_company_reading(c.display) for cid, c in companies.items() if cid not in known
        }
    except Exception:  # the import derives what is missing itself
        log.debug("readings left to the import", exc_info=True)
        return {}
