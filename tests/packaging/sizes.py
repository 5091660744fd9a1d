"""How big the frozen onedir is, and what makes it so (for the size budget's failure message)."""

from __future__ import annotations

from pathlib import Path

# The onedir's budget. 150 MB held the app without kanji readings (141 MB measured on Linux,
# 2026-12-01, Qt's ICU data alone 30.5 MB of it). janome, the analyser that derives them
# (docs/readings.md), is shipped once, as _internal/janome.zip shared by genba and genbaw
# (18.2 MB, its dictionary files as source for its memory map; inside each executable's archive
# it cost twice 28 MB, 198 MB in all): the onedir measured 159 MB with it. 170 MB leaves ~11 MB
# for the next dependency, and the failure message names the largest files when a change goes
# over.
SIZE_BUDGET_MB = 170


def _files(folder: Path):
    # Symlinks (Qt's top-level library links) point at files counted once already.
    return (p for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def size_mb(folder: Path) -> float:
    """Bytes on disk as `du` counts them: Qt's library symlinks are not counted twice."""
    return sum(p.lstat().st_size for p in _files(folder)) / 2**20


def largest_entries(folder: Path, count: int = 15) -> list[tuple[str, float]]:
    """The ``count`` biggest files under ``folder``: (path relative to it, MB), biggest first."""
    sizes = [(p.relative_to(folder).as_posix(), p.lstat().st_size / 2**20) for p in _files(folder)]
    return sorted(sizes, key=lambda e: (-e[1], e[0]))[:count]


def over_budget_message(folder: Path, budget_mb: float, count: int = 15) -> str | None:
    """None within the budget; else what is over and the largest entries, so that the next
    drift (a library a plugin drags in, a module nobody excluded) is named at once."""
    size = size_mb(folder)
    if size < budget_mb:
        return None
    lines = [f"the onedir is {size:.0f} MB (budget {budget_mb:.0f} MB); its largest files:"]
    lines += [f"  {mb:6.1f} MB  {path}" for path, mb in largest_entries(folder, count)]
    return "\n".join(lines)
