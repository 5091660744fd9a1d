"""Which kind a file is (importers.kinds), and which files are litter no kind reads.

Asked by ``genba import``, drops on the window and the watcher's folder filter.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from importers.kinds import KINDS

# -- which files are litter --------------------------------------------------------------------
_TEMP_ENDINGS = (".tmp", ".temp", ".crdownload", ".part")
# editors' and sync clients' litter seen in rep folders
_EXTRA_TEMP_ENDINGS = (".bak", ".swp", ".partial", ".download", ".!ut", ".lnk", "#")


def is_temp_name(name: str) -> bool:
    """Excel's owner files (~$Book.xlsx), temp saves (extensionless, ~WRL0001.tmp), hidden files,
    OS litter (desktop.ini, Thumbs.db) and partial downloads."""
    lower = name.lower()
    return (
        name.startswith(("~$", ".", "~"))
        or lower.endswith(_TEMP_ENDINGS + _EXTRA_TEMP_ENDINGS)
        or lower in ("desktop.ini", "thumbs.db", ".ds_store")
        or "." not in name
    )


# -- routing a file to its kind ----------------------------------------------------------------
def kind_for(
    path: Path, roles: Mapping[str, Iterable[str | os.PathLike[str]]] | None = None
) -> str | None:
    """The kind of a file dropped or named on the command line, or None (not imported).

    A file inside a folder the rep set up for a kind (``roles``: kind -> folders) is that kind
    when the kind reads its suffix; otherwise the suffix decides, and where two kinds share one
    (.csv, .jpg), the content: a CSV whose header names card fields is cards, a picture is a
    memo photo."""
    path = Path(path)
    if is_temp_name(path.name):
        return None
    suffix = path.suffix.lower()
    for name, folders in (roles or {}).items():
        if suffix in KINDS[name].suffixes and any(_under(path, Path(f)) for f in folders):
            return name
    owners = [k.name for k in KINDS.values() if suffix in k.suffixes]
    if len(owners) <= 1:
        return owners[0] if owners else None
    if "reports" in owners and "cards" in owners:
        return "cards" if _looks_like_contacts_csv(path) else "reports"
    return "photos" if "photos" in owners else owners[0]


def files_in(
    paths: Iterable[Path], roles: Mapping[str, Iterable[str | os.PathLike[str]]] | None = None
) -> Iterator[tuple[Path, str | None]]:
    """(file, kind) for files named directly (kind None when Genba does not read it: the caller
    says so) and for every supported file found recursively in folders (litter and hidden
    folders skipped)."""
    for p in paths:
        p = Path(p)
        if not p.is_dir():
            yield p, kind_for(p, roles)
            continue
        for child in sorted(p.rglob("*")):
            rel = child.relative_to(p).parts[:-1]
            if any(part.startswith((".", "~")) for part in rel) or not child.is_file():
                continue
            found = kind_for(child, roles)
            if found is not None:
                yield child, found


def _under(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
        return True
    except (ValueError, OSError):
        return False


CONTACT_CSV_MARKERS = (
    "会社名",
    "役職",
    "e-mail",
    "メール",
    "携帯電話",
    "名刺交換日",
    "E-mail Address",
)


def _looks_like_contacts_csv(path: Path) -> bool:
    """A CSV whose header names card fields (Eight, Sansan, Outlook ...), not visits."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(4096).split(b"\n")[0]  # the header line (a cut character cannot fail it)
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
    first = text.lower()
    return sum(m.lower() in first for m in CONTACT_CSV_MARKERS) >= 2
