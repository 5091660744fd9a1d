"""Refuse hostile workbooks before any parser sees them: zip bombs and XML entity tricks."""

from __future__ import annotations

import io
import zipfile

from importers.issues import ImportFailed

MAX_UNPACKED_BYTES = 512 * 1024 * 1024
MAX_RATIO = 200  # real workbooks compress ~10x; bombs compress thousands of times
MAX_ENTRIES = 10_000
PROLOG_BYTES = 64 * 1024


def check_zip(data: bytes) -> None:
    """Raise ImportFailed if the archive would unpack too large or declares XML entities."""
    zf = zipfile.ZipFile(io.BytesIO(data))
    infos = zf.infolist()
    if len(infos) > MAX_ENTRIES:
        raise ImportFailed("zip_bomb", _bomb_message())
    total = sum(i.file_size for i in infos)
    if total > MAX_UNPACKED_BYTES:
        raise ImportFailed("zip_bomb", _bomb_message())
    for info in infos:
        if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise ImportFailed("zip_bomb", _bomb_message())
        if info.filename.endswith((".xml", ".rels")):
            with zf.open(info) as fh:
                head = fh.read(PROLOG_BYTES)
            # Entities can only be declared in a DOCTYPE, which must precede the root element.
            if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                raise ImportFailed(
                    "xml_entities",
                    f"The workbook contains XML entity declarations (in {info.filename}), which "
                    "Excel never writes; Genba refuses it as unsafe. Open it in Excel and save a "
                    "fresh copy.",
                )


def _bomb_message() -> str:
    return (
        "The workbook would unpack to an implausible size (a 'zip bomb'), so Genba refuses it. "
        "If this is a genuine workbook, open it in Excel and save it again."
    )
