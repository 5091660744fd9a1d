"""The size budget's diagnosis, proven on a small folder made here (no build needed).

The budget itself (``sizes.SIZE_BUDGET_MB``, 150 MB) is checked on the real build in
test_frozen_build.py; sizes.py says what fits in it (docs/readings.md has the figures).
"""

import os

from tests.packaging.sizes import largest_entries, over_budget_message, size_mb

MB = 2**20


def _folder(tmp_path):
    root = tmp_path / "genba"
    (root / "_internal" / "PySide6" / "Qt" / "lib").mkdir(parents=True)
    (root / "_internal" / "libgtk-3.so.0").write_bytes(b"\0" * (3 * MB))
    (root / "_internal" / "PySide6" / "Qt" / "lib" / "libQt6Core.so.6").write_bytes(
        b"\0" * (2 * MB)
    )
    (root / "genba").write_bytes(b"\0" * MB)
    (root / "_internal" / "small.txt").write_bytes(b"x" * 10)
    # PyInstaller's top-level link to a Qt library: on disk once, counted once
    os.symlink("PySide6/Qt/lib/libQt6Core.so.6", root / "_internal" / "libQt6Core.so.6")
    return root


def test_size_counts_symlinked_libraries_once(tmp_path):
    root = _folder(tmp_path)
    assert abs(size_mb(root) - (6 * MB + 10) / MB) < 1e-9


def test_largest_entries_biggest_first_with_relative_paths(tmp_path):
    root = _folder(tmp_path)
    assert largest_entries(root, 3) == [
        ("_internal/libgtk-3.so.0", 3.0),
        ("_internal/PySide6/Qt/lib/libQt6Core.so.6", 2.0),
        ("genba", 1.0),
    ]
    assert len(largest_entries(root)) == 4  # fewer files than asked for: all of them


def test_over_budget_names_the_largest_entries(tmp_path):
    root = _folder(tmp_path)
    assert over_budget_message(root, budget_mb=7) is None
    message = over_budget_message(root, budget_mb=5, count=2)
    assert message.splitlines() == [
        "the onedir is 6 MB (budget 5 MB); its largest files:",
        "     3.0 MB  _internal/libgtk-3.so.0",
        "     2.0 MB  _internal/PySide6/Qt/lib/libQt6Core.so.6",
    ]
