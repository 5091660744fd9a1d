"""What in a watched folder is not a file to import: temp saves, owner files, OS litter, hidden files."""

from __future__ import annotations

import os
import sys
from pathlib import PurePath

from importers.pipeline import REPORT_SUFFIXES, is_temp_name

# What each folder kind imports. Anything else in the folder is left alone, silently.
CARD_SUFFIXES = frozenset({".vcf", ".vcard", ".csv", ".tsv", ".jpg", ".jpeg", ".png", ".pdf"})
PHOTO_SUFFIXES = frozenset(
    {".jpg", ".jpeg", ".png", ".heic", ".heif", ".webp", ".tif", ".tiff", ".pdf"}
)
SUFFIXES_BY_KIND: dict[str, frozenset[str]] = {
    "reports": frozenset(REPORT_SUFFIXES),
    "cards": CARD_SUFFIXES,
    "photos": PHOTO_SUFFIXES,
}
FOLDER_KINDS = tuple(SUFFIXES_BY_KIND)

# Beyond importers.pipeline.is_temp_name: editors' and sync clients' litter seen in rep folders.
_EXTRA_TEMP_ENDINGS = (".bak", ".swp", ".partial", ".download", ".!ut", ".lnk", "#")
_FILE_ATTRIBUTE_HIDDEN = 0x2


def is_ignored_name(name: str) -> bool:
    """`~$*` owner files, `*.tmp`, extensionless temp names, desktop.ini, Thumbs.db, hidden files."""
    return is_temp_name(name) or name.lower().endswith(_EXTRA_TEMP_ENDINGS)


def is_candidate(path: str | os.PathLike[str], kind: str, root: str | os.PathLike[str]) -> bool:
    """A file under ``root`` that the handler for this folder kind should see."""
    p = PurePath(path)
    if p.suffix.lower() not in SUFFIXES_BY_KIND.get(kind, ()):
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
