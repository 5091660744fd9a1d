"""Importing dropped files and the first run's folders: each file routed by its kind."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.app.data.child_import import import_file
from importers.routing import files_in, kind_for


def kind_of(path: Path, card_folders: Iterable[str] = ()) -> str | None:
    """'reports', 'cards', 'photos' or None (not something Genba imports): the registry's
    answer (``importers.kinds.kind_for``), a file in a card folder being a card."""
    return kind_for(path, {"cards": list(card_folders)})


@dataclass
class ImportSummary:
    files: int = 0
    imported: int = 0
    failed: int = 0
    added: int = 0
    issues: int = 0
    failures: list[str] = field(default_factory=list)
    # entity -> ids of the rows the imports wrote (None: too many to list, see Outcome.rows)
    rows: dict[str, set[str] | None] = field(default_factory=dict)


def import_paths(
    store,
    paths: Iterable[Path],
    *,
    rep: str | None,
    card_folders: Iterable[str] = (),
    progress: Callable[[int, int, str], None] | None = None,
    force: bool = False,
    runner: Any = None,
    run_here: Callable[[Callable[[], Any]], Any] | None = None,
) -> ImportSummary:
    """Import files and folders (recursively) of any kind; ``progress(done, total, name)``.

    ``runner``: the app's ``ImportProcess``, which reads each file in a child process (so the
    parsing never holds this process's GIL) and writes it there; without it the files are read in
    this process. ``run_here``: passed on to ``runner`` (where its in-process fallback runs)."""
    roles = {"cards": list(card_folders)}
    files = [(p, k) for p, k in files_in([Path(p) for p in paths], roles) if k is not None]
    summary = ImportSummary(files=len(files))
    for i, (path, kind) in enumerate(files):
        if progress:
            progress(i, len(files), path.name)
        if runner is not None:
            extra = {} if run_here is None else {"run_here": run_here}
            outcome = runner.import_file(path, kind, rep=rep, force=force, **extra)
        else:
            outcome = import_file(store, path, kind, rep=rep, force=force)
        if outcome.failed:
            summary.failed += 1
            summary.failures.append(path.name)
        elif not outcome.status.quiet:
            summary.imported += 1
        summary.added += outcome.added
        summary.issues += len(outcome.issues)
        for entity, ids in outcome.rows.items():
            known = summary.rows.setdefault(entity, set())
            if ids is None or known is None:
                summary.rows[entity] = None  # too many to list: the whole entity
            else:
                known.update(ids)
    if progress:
        progress(len(files), len(files), "")
    return summary
