"""Files and folders dropped on the window go to the import process, like watched files.

The import process reads and writes each file; the thread here only waits for its outcome, on
the worker pool, not on the writer thread: an edit the rep makes while a large dropped workbook
imports is not queued behind it. When no import process can be started the import runs in this
process on the writer thread (this process's one writer), and the log says so.

No Qt here beyond the context's signals: ``ctx`` is the app's ``AppContext``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.app.data.changes import BOOKKEEPING, Changes
from desktop.app.data.importing import ImportSummary, import_paths
from desktop.app.services.on_writer import on_writer

log = logging.getLogger("genba.app")


def import_dropped(
    ctx: Any,
    paths: list[Path],
    on_done: Callable[[ImportSummary], None],
    on_error: Callable[[BaseException], None] | None = None,
) -> None:
    """Import ``paths`` (files of any kind, folders recursively) in the background; progress
    goes out on ``ctx.bus.import_progress``, then the views are told what changed."""
    bus, imports = ctx.bus, ctx.imports

    def work(runner: Any) -> ImportSummary:
        return import_paths(
            ctx.store,
            paths,
            rep=ctx.settings.user_name,
            card_folders=ctx.settings.card_folders,
            runner=runner,
            run_here=None if runner is None else on_writer(ctx.tasks, "a dropped file is imported"),
            progress=lambda done, total, name: bus.import_progress.emit(done, total, name),
        )

    def done(summary: ImportSummary) -> None:
        # what the imports wrote (their outcomes' rows), their sources and problems
        ctx.changed(Changes.of({**summary.rows, **BOOKKEEPING}))
        on_done(summary)

    if imports is None or imports.in_process:
        log.warning("dropped files are imported in the app's process: no import process")
        ctx.write(lambda: work(None), done, on_error, changes_data=False)
        return
    ctx.tasks.run(lambda: work(imports), done, on_error)
