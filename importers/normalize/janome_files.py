"""janome's dictionary files for its memory map, in the packaged app.

On 64-bit janome memory-maps its dictionary's source files (``janome/sysdic/entries_*.py``,
84 MB) instead of loading them: ~90 MB of memory and a 0.2 s load, against ~340 MB and 2–3 s.
The frozen build cannot map them where they are — installer.spec ships janome in one zip,
``_internal/shared.zip``, in which those files are LZMA-compressed (6.9 MB; zipimport never
reads them, so they need not be deflated) — so the first process that needs a reading unpacks
them once into Genba's cache folder and points janome there. When that is impossible (no space,
no rights) janome loads its dictionary into memory instead; with LZMA members that fails too
(zipimport cannot read them) and the reading is left empty, as with no analyser.
"""

from __future__ import annotations

import logging
import os
import zipfile
from pathlib import Path

log = logging.getLogger(__name__)

BUCKETS = 10  # janome splits its entries into entries_compact0..9 and entries_extra0..9
DONE = ".complete"  # written last: a folder without it is unpacked again


def dictionary_names() -> list[str]:
    return [f"entries_{kind}{i}.py" for kind in ("compact", "extra") for i in range(BUCKETS)]


def mappable(sysdic) -> bool:
    """Whether janome can map its dictionary: its files are on disk, or unpacked now from the
    zip it was imported from (then ``sysdic.base_dir`` points at them)."""
    if os.path.isfile(os.path.join(sysdic.base_dir, dictionary_names()[0])):
        return True
    archive = getattr(getattr(sysdic, "__loader__", None), "archive", None)
    if not archive:
        return False
    from janome.version import JANOME_VERSION

    target = cache_folder() / f"janome-{JANOME_VERSION}"
    try:
        unpack(Path(archive), target)
    except (OSError, KeyError, zipfile.BadZipFile) as exc:
        log.warning("janome's dictionary stays in memory: cannot unpack it to %s (%s)", target, exc)
        return False
    sysdic.base_dir = str(target)
    return True


def cache_folder() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir("Genba", appauthor=False))


def unpack(archive: Path, target: Path) -> None:
    """The dictionary files of ``archive`` (shared.zip) into ``target``, once. Each file is
    written beside its final name and renamed, so a second process unpacking at the same time
    (the CLI and the app's import process) never maps half a file."""
    if (target / DONE).is_file():
        return
    target.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(archive) as z:
        for name in dictionary_names():
            final = target / name
            part = target / f"{name}.{os.getpid()}.part"
            with z.open(f"janome/sysdic/{name}") as src, part.open("wb") as out:
                while chunk := src.read(1 << 20):
                    out.write(chunk)
            os.replace(part, final)
    (target / DONE).write_text("janome dictionary files unpacked from shared.zip\n", "utf-8")
