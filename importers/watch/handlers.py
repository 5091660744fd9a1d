"""What each folder kind does with a settled file: reports through ReportImporter; cards and photos
through importers.cards.apply when that module is installed."""

from __future__ import annotations

import importlib
import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from importers.pipeline import ReportImporter
from importers.watch.events import HandlerUnavailable

log = logging.getLogger("genba.watch")

CARD_IMPORT_UNAVAILABLE = "card import not available"


def report_handlers(
    store: Any, *, rep: str | None = None, ranks: dict[str, int] | None = None
) -> tuple[Callable[[Path], Any], Callable[[Path], bool]]:
    """(import, mark_missing) for daily-report folders."""
    importer = ReportImporter(store, rep=rep, ranks=ranks)

    def import_report(path: Path):
        # A file that was marked missing and came back with the same bytes would otherwise be
        # 'unchanged' and stay 'missing': re-read it so its source is 'ok' again.
        norm = os.path.normpath(Path(path).absolute())
        rows = store.query("SELECT status FROM sources WHERE path = ?", (str(norm),))
        force = bool(rows) and all(r["status"] == "missing" for r in rows)
        return importer.import_file(path, force=force)

    return import_report, importer.mark_missing


def card_handler(store: Any, kind: str = "cards") -> Callable[[Path], Any]:
    """importers.cards.apply.import_card_file(store, path), or a handler that says it is missing.
    Photos use importers.photos.apply.import_photo_file when that exists."""
    candidates = [("importers.cards.apply", "import_card_file")]
    if kind == "photos":
        candidates.insert(0, ("importers.photos.apply", "import_photo_file"))
    reasons = []
    for module_name, func_name in candidates:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name and not module_name.startswith(exc.name):
                reasons.append(f"{module_name}: {exc}")  # it exists but is broken
            continue
        except Exception as exc:
            reasons.append(f"{module_name}: {type(exc).__name__}: {exc}")
            continue
        func = getattr(module, func_name, None)
        if callable(func):
            return lambda path: func(store, path)
        reasons.append(f"{module_name} has no {func_name}()")
    message = CARD_IMPORT_UNAVAILABLE + (f" ({'; '.join(reasons)})" if reasons else "")

    def unavailable(path: Path):
        raise HandlerUnavailable(f"{message}: files in {kind} folders are not imported yet")

    return unavailable


def default_handlers(
    store: Any, *, rep: str | None = None, ranks: dict[str, int] | None = None
) -> tuple[dict[str, Callable[[Path], Any]], dict[str, Callable[[Path], Any]]]:
    """(handlers, on_missing) for Watcher: reports, cards and photos."""
    import_report, mark_missing = report_handlers(store, rep=rep, ranks=ranks)
    handlers = {
        "reports": import_report,
        "cards": card_handler(store, "cards"),
        "photos": card_handler(store, "photos"),
    }
    return handlers, {"reports": mark_missing}
