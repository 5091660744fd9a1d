"""What kind of file this really is, from its first bytes, whatever its name says."""

from __future__ import annotations

import io
import zipfile

from importers.messages import fail, msg
from importers.workbook.legacy_xls import is_bare_biff

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"


def sniff_format(data: bytes, suffix: str, *, lang: str | None = None) -> str:
    """Return 'xlsx', 'ods', 'xls', 'biff' (Excel 2.1–4.0) or 'csv'; raise ImportFailed for
    anything else."""
    suffix = suffix.lower()
    if not data:
        raise fail("empty", lang)
    if data.startswith(ZIP_MAGIC):
        try:
            names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
        except (zipfile.BadZipFile, ValueError, EOFError):
            raise fail("truncated.zip", lang) from None
        if "xl/workbook.xml" in names or "xl/workbook.bin" in names:
            if "xl/workbook.bin" in names:
                raise fail("xlsb", lang)
            return "xlsx"
        if "content.xml" in names:
            if _ods_encrypted(data):
                raise fail("encrypted.ods", lang)
            return "ods"
        # A valid package may keep its workbook part elsewhere (its _rels/.rels says where):
        # the content types name what it is.
        if "[Content_Types].xml" in names:
            types = zipfile.ZipFile(io.BytesIO(data)).read("[Content_Types].xml")[:65536]
            if b"spreadsheetml.sheet.main" in types or b"ms-excel.sheet.macroEnabled.main" in types:
                return "xlsx"
            if b"spreadsheetml.template.main" in types:
                return "xlsx"
        raise fail("not_a_workbook.zip", lang)
    if data.startswith(OLE2_MAGIC):
        # Password-protected .xlsx files are OLE2 containers with an EncryptionInfo stream.
        if (
            b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00i\x00o\x00n\x00I\x00n\x00f\x00o"
            in data[: 65536 * 8]
        ):
            raise fail("encrypted", lang)
        return "xls"
    if is_bare_biff(data):
        return "biff"
    if suffix in (".csv", ".txt", ".tsv"):
        return "csv"
    if suffix in (".xlsx", ".xlsm", ".xls", ".ods"):
        raise fail(
            "not_a_workbook", lang, suffix=suffix, kind=msg(f"looks_like.{_describe(data)}", lang)
        )
    if not suffix:
        raise fail("unsupported.no_suffix", lang)
    raise fail("unsupported", lang, suffix=suffix)


def _describe(data: bytes) -> str:
    """'html', 'binary' or 'text' (keys of the looks_like.* messages)."""
    head = data[:512]
    if head.lstrip().startswith((b"<html", b"<!DOCTYPE html", b"<HTML")):
        return "html"
    if b"\x00" in head:
        return "binary"
    return "text"


def _ods_encrypted(data: bytes) -> bool:
    """An OpenDocument file saved with a password lists its encrypted parts in the manifest."""
    try:
        manifest = zipfile.ZipFile(io.BytesIO(data)).read("META-INF/manifest.xml")
    except (KeyError, zipfile.BadZipFile, ValueError, EOFError):
        return False
    return b"encryption-data" in manifest
