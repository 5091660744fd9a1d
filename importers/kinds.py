"""The registry of file kinds: the one place that knows which files Genba imports and how.

A kind is what a folder holds for the rep (daily reports, business cards, memo photos): the file
formats it reads (by suffix, then by the first bytes), a size limit per format, and the reader
that turns its files into records (``importers.ingest`` builds it). The watcher, drops on the
window, ``genba import``, the self-test and the folder views all ask here. A new kind (mail,
voice memos) is one more entry in ``KINDS`` and a reader.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePath

MB = 1024 * 1024

# First bytes of the pictures a card or photo folder holds (a card scan saved without a suffix).
IMAGE_MAGIC = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"%PDF-")
# HEIC/HEIF (iPhone photos): claimed so the rep reads why it is refused, never stored.
HEIF_BRANDS = (b"ftypheic", b"ftypheix", b"ftypmif1", b"ftyphevc")


@dataclass(frozen=True)
class FileKind:
    name: str  # the folder role: 'reports' | 'cards' | 'photos' | 'mail' | 'voice'
    source_kind: str  # what ``sources.kind`` says of its files
    formats: Mapping[str, str]  # suffix -> format ('xlsx', 'vcard', 'image', ...)
    limits: Mapping[str, int]  # format -> largest file read, in bytes
    reader: str  # 'module:Class' of the reader (imported only when an import starts)

    @property
    def suffixes(self) -> frozenset[str]:
        return frozenset(self.formats)

    def format_of(self, path: PurePath, head: bytes = b"") -> str | None:
        """The format of a file of this kind: by suffix, else by its first bytes."""
        fmt = self.formats.get(path.suffix.lower())
        if fmt is not None:
            return fmt
        if self.name in ("cards", "photos"):
            if head.startswith(IMAGE_MAGIC):
                return "image"
            if head[4:12] in HEIF_BRANDS:
                return "heif"
        if self.name == "cards" and head.lstrip(b"\xef\xbb\xbf \t\r\n")[:11].upper() == (
            b"BEGIN:VCARD"
        ):
            return "vcard"
        return None

    def limit(self, path: PurePath, head: bytes = b"") -> int:
        """The size limit of this file (the largest limit of the kind when its format is unknown:
        an unknown file is refused by its reader with the reason, not for its size)."""
        fmt = self.format_of(path, head)
        return self.limits[fmt] if fmt in self.limits else min(self.limits.values())


_PICTURES = {
    ".jpg": "image",
    ".jpeg": "image",
    ".png": "image",
    ".gif": "image",
    ".bmp": "image",
    ".webp": "image",
    ".tif": "image",
    ".tiff": "image",
    ".heic": "heif",
    ".heif": "heif",
}

REPORTS = FileKind(
    "reports",
    "report",
    {".xlsx": "xlsx", ".xlsm": "xlsx", ".xls": "xls", ".ods": "ods", ".csv": "csv"},
    {"xlsx": 100 * MB, "xls": 100 * MB, "ods": 100 * MB, "csv": 100 * MB},
    "importers.pipeline:ReportReader",
)
CARDS = FileKind(
    "cards",
    "cards",
    {
        ".vcf": "vcard",
        ".vcard": "vcard",
        ".csv": "csv",
        ".tsv": "csv",
        ".jpg": "image",
        ".jpeg": "image",
        ".png": "image",
        ".pdf": "image",
    },
    # 20 MB of vCard or CSV is tens of thousands of cards
    {"vcard": 20 * MB, "csv": 20 * MB, "image": 30 * MB},
    "importers.cards.apply:CardReader",
)
PHOTOS = FileKind(
    "photos",
    "photos",
    {**_PICTURES, ".pdf": "pdf"},
    {"image": 30 * MB, "heif": 30 * MB, "pdf": 30 * MB},
    "importers.photos.apply:PhotoReader",
)

MAIL = FileKind(
    "mail",
    "mail",
    {".eml": "eml", ".msg": "msg"},
    # a mail with a 25 MB attachment (the most Outlook and Gmail send) is ~35 MB once encoded
    {"eml": 40 * MB, "msg": 40 * MB},
    "importers.mail.apply:MailReader",
)

VOICE = FileKind(
    "voice",
    "voice",
    {
        ".m4a": "audio",
        ".mp3": "audio",
        ".wav": "audio",
        ".aac": "audio",
        ".ogg": "audio",
        ".opus": "audio",
        ".wma": "audio",
    },
    # two hours of 16-bit WAV is 230 MB (phones write m4a: 2 h is ~60 MB)
    {"audio": 400 * MB},
    "importers.voice.apply:VoiceReader",
)

KINDS: dict[str, FileKind] = {k.name: k for k in (REPORTS, CARDS, PHOTOS, MAIL, VOICE)}
FOLDER_KINDS = tuple(KINDS)


def kind(name: str) -> FileKind:
    try:
        return KINDS[name]
    except KeyError:
        raise ValueError(f"unknown file kind {name!r} (known: {', '.join(KINDS)})") from None


def all_suffixes() -> frozenset[str]:
    """Every suffix some kind imports (what a drop on the window may carry)."""
    return frozenset().union(*(k.suffixes for k in KINDS.values()))


def picture_suffixes(*, attachable: bool = False) -> frozenset[str]:
    """Suffixes of pictures (no PDF) a rep may paste or drop on a row; ``attachable``: only
    those the photo reader can keep (HEIC/HEIF are claimed only to say why they are refused)."""
    wanted = ("image",) if attachable else ("image", "heif")
    return frozenset(s for s, f in PHOTOS.formats.items() if f in wanted)


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
