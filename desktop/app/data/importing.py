"""Importing dropped files and the first run's folders: reports, cards and photos by type."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.app.data.child_import import import_file
from importers.pipeline import REPORT_SUFFIXES, is_temp_name

CARD_SUFFIXES = {".vcf", ".vcard"}
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".heic", ".webp", ".pdf"}


def kind_of(path: Path, card_folders: Iterable[str] = ()) -> str | None:
    """'reports', 'cards', 'photos' or None (not something Genba imports)."""
    suffix = path.suffix.lower()
    if is_temp_name(path.name):
        return None
    in_cards = any(_under(path, Path(f)) for f in card_folders)
    if suffix in CARD_SUFFIXES:
        return "cards"
    if suffix == ".csv" and (in_cards or _looks_like_contacts_csv(path)):
        return "cards"
    if suffix in REPORT_SUFFIXES:
        return "reports"
    if suffix in IMAGE_SUFFIXES:
        return "cards" if in_cards else "photos"
    return None


@dataclass
class ImportSummary:
    files: int = 0
    imported: int = 0
    failed: int = 0
    added: int = 0
    issues: int = 0
    failures: list[str] = field(default_factory=list)


def import_paths(
    store,
    paths: Iterable[Path],
    *,
    rep: str | None,
    card_folders: Iterable[str] = (),
    progress: Callable[[int, int, str], None] | None = None,
    force: bool = False,
    runner: Any = None,
) -> ImportSummary:
    """Import files and folders (recursively) of any kind; ``progress(done, total, name)``.

    ``runner``: the app's ``ImportProcess``, which reads each file in a child process (so the
    parsing never holds this process's GIL); without it the files are read in this process."""
    files: list[Path] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            files += [c for c in sorted(p.rglob("*")) if c.is_file() and kind_of(c, card_folders)]
        elif kind_of(p, card_folders):
            files.append(p)
    summary = ImportSummary(files=len(files))
    for i, path in enumerate(files):
        if progress:
            progress(i, len(files), path.name)
        kind = kind_of(path, card_folders)
        if runner is not None:
            outcome = runner.import_file(path, kind, rep=rep, force=force)
        else:
            outcome = import_file(store, path, kind, rep=rep, force=force)
        if getattr(outcome, "failed", False):
            summary.failed += 1
            summary.failures.append(path.name)
        elif getattr(outcome, "status", "") not in ("unchanged", "moved", "duplicate"):
            summary.imported += 1
        summary.added += getattr(outcome, "added", 0) or 0
        summary.issues += len(getattr(outcome, "issues", None) or [])
    if progress:
        progress(len(files), len(files), "")
    return summary


def _under(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
        return True
    except (ValueError, OSError):
        return False


def _looks_like_contacts_csv(path: Path) -> bool:
    """A CSV whose header names card fields (Eight, Sansan, Outlook ...), not visits."""
    try:
        head = path.read_bytes()[:4096]
    except OSError:
        return False
    for enc in ("utf-8-sig", "cp932"):
        try:
            text = head.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:
        return False
    first = text.splitlines()[0] if text else ""
    markers = ("会社名", "役職", "e-mail", "メール", "携帯電話", "名刺交換日", "E-mail Address")
    return sum(m.lower() in first.lower() for m in markers) >= 2
