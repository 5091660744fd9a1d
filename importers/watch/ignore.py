"""What in a watched folder is a file to import: the registry's suffixes for the folder's kind,
minus temp saves, owner files, OS litter and hidden files."""

from __future__ import annotations

import os
import sys
from pathlib import PurePath

from importers.kinds import KINDS
from importers.routing import is_temp_name

_FILE_ATTRIBUTE_HIDDEN = 0x2


def is_ignored_name(name: str) -> bool:
    """`~$*` owner files, `*.tmp`, extensionless temp names, desktop.ini, Thumbs.db, hidden files."""
    return is_temp_name(name)


def is_candidate(path: str | os.PathLike[str], kind: str, root: str | os.PathLike[str]) -> bool:
    """A file under ``root`` that the importer should see for this folder kind (anything else in
    the folder is left alone, silently)."""
    p = PurePath(path)
    if kind not in KINDS or p.suffix.lower() not in KINDS[kind].suffixes:
        return False
    if is_ignored_name(p.name):
        return False
    try:
        rel = p.relative_to(root)
    except ValueError:
        return False
    # A hidden or temp folder anywhere below the root (.git, ~snapshot, .Trash) hides its files.
    return not any(part.startswith((".", "~")) for part in rel.parts[:-1])


def is_hidden_on_disk(path: str | os.PathLike[str]) -> bool:
    """Windows' hidden attribute (names starting with '.' are caught by is_ignored_name)."""
    if sys.platform != "win32":
        return False
    try:
        return bool(os.stat(path).st_file_attributes & _FILE_ATTRIBUTE_HIDDEN)
    except OSError:
        return False
