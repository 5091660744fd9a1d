"""The registry of file kinds: the one place that knows which files Genba imports and how.

A kind is what a folder holds for the rep (daily reports, business cards, memo photos): the file
formats it reads (by suffix, then by the first bytes), a size limit per format, and the reader
that turns its files into records (``importers.ingest`` builds it). The watcher, drops on the
window, ``genba import``, the self-test and the folder views all ask here (``importers.routing``
answers which kind a given file is). A new kind (mail, voice memos) is one more entry in
``KINDS`` and a reader.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import PurePath

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
