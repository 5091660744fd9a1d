"""Refuse hostile workbooks before any parser sees them: zip bombs and XML entity tricks."""

from __future__ import annotations

import io
import zipfile

from importers.messages import fail

MAX_UNPACKED_BYTES = 512 * 1024 * 1024
MAX_RATIO = 200  # real workbooks compress ~10x; bombs compress thousands of times
MAX_ENTRIES = 10_000
PROLOG_BYTES = 64 * 1024


def check_zip(data: bytes, *, lang: str | None = None) -> None:
    """Raise ImportFailed if the archive would unpack too large or declares XML entities."""
    zf = zipfile.ZipFile(io.BytesIO(data))
    infos = zf.infolist()
    if len(infos) > MAX_ENTRIES:
        raise fail("zip_bomb", lang)
    total = sum(i.file_size for i in infos)
    if total > MAX_UNPACKED_BYTES:
        raise fail("zip_bomb", lang)
    for info in infos:
        if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise fail("zip_bomb", lang)
        if info.filename.endswith((".xml", ".rels")):
            with zf.open(info) as fh:
                head = fh.read(PROLOG_BYTES)
            # Entities can only be declared in a DOCTYPE, which must precede the root element.
            if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                raise fail("xml_entities", lang, member=info.filename)
