"""How big the frozen onedir is, and what makes it so (for the size budget's failure message)."""

from __future__ import annotations

from pathlib import Path

# The onedir's budget, the 150 MB. It holds kanji readings since 2026-12-02: janome, the
# analyser that derives them (docs/readings.md), ships once in _internal/shared.zip with the
# pure-Python libraries both executables import (out of each executable's own archive), its
# dictionary files LZMA-compressed; Pillow's text drawing, readline and the D-Bus client's
# system libraries are left out. The failure message names the largest files when a change
# goes over.
SIZE_BUDGET_MB = 150


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
