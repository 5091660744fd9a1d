"""Run a write on the app's writer thread from another thread, and wait for it.

The import process writes what the watcher and drops import. When no import process can be
started, the import runs in the app's process: this sends it to the writer thread, so the app
keeps one writer (its edits and those imports queue there, never on SQLite's file lock).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

log = logging.getLogger("genba.app")


def on_writer(tasks: Any, what: str) -> Callable[[Callable[[], Any]], Any]:
    """``run(fn)``: ``fn()`` on ``tasks``' writer thread, its result or exception returned to the
    caller. Called from a worker or the watcher's thread — never from the writer itself, which
    would wait on itself. ``what`` names the work in the log."""

    def run(fn: Callable[[], Any]) -> Any:
        box: dict[str, Any] = {}
        finished = threading.Event()

        def job() -> None:
            try:
                box["result"] = fn()
            except BaseException as exc:  # carried back to the waiting thread
                box["error"] = exc
            finally:
                finished.set()

        log.warning("%s on the writer thread: no import process", what)
        if not tasks.run(job, write=True):
            raise RuntimeError("the app is closing: the import was not started")
        finished.wait()
        if "error" in box:
            raise box["error"]
        return box.get("result")

    return run
