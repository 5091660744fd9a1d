"""What kind of file this really is, from its first bytes, whatever its name says."""

from __future__ import annotations

import io
import zipfile

from importers.issues import ImportFailed

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"


def sniff_format(data: bytes, suffix: str) -> str:
    """Return 'xlsx', 'ods', 'xls' or 'csv'; raise ImportFailed for anything else."""
    suffix = suffix.lower()
    if not data:
        raise ImportFailed(
            "empty", "The file is empty (0 bytes). If Excel was still saving it, save it again."
        )
    if data.startswith(ZIP_MAGIC):
        try:
            names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
        except (zipfile.BadZipFile, ValueError, EOFError):
            raise ImportFailed(
                "truncated",
                "The workbook is damaged or incomplete (it may have been copied only in part). "
                "Open it in Excel and save it again.",
            ) from None
        if "xl/workbook.xml" in names or "xl/workbook.bin" in names:
            if "xl/workbook.bin" in names:
                raise ImportFailed(
                    "xlsb",
                    "This is a binary workbook (.xlsb). Save it as .xlsx in Excel "
                    "(ファイル > 名前を付けて保存 > Excel ブック).",
                )
            return "xlsx"
        if "content.xml" in names:
            return "ods"
        raise ImportFailed(
            "not_a_workbook",
            "The file is a ZIP archive but not an Excel workbook. Check that it is the right file.",
        )
    if data.startswith(OLE2_MAGIC):
        # Password-protected .xlsx files are OLE2 containers with an EncryptionInfo stream.
        if (
            b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00i\x00o\x00n\x00I\x00n\x00f\x00o"
            in data[: 65536 * 8]
        ):
            raise ImportFailed(
                "encrypted",
                "The workbook is password-protected, so Genba cannot read it. Remove the password "
                "(ファイル > 情報 > ブックの保護) or save an unprotected copy in the watched folder.",
            )
        return "xls"
    if suffix in (".csv", ".txt", ".tsv"):
        return "csv"
    if suffix in (".xlsx", ".xlsm", ".xls", ".ods"):
        raise ImportFailed(
            "not_a_workbook",
            f"The file is named {suffix} but is not a workbook (it looks like "
            f"{_describe(data)}). Open it in Excel and save it as a workbook.",
        )
    raise ImportFailed("unsupported", f"Genba does not read {suffix or 'extensionless'} files.")


def _describe(data: bytes) -> str:
    head = data[:512]
    if head.lstrip().startswith((b"<html", b"<!DOCTYPE html", b"<HTML")):
        return "a web page"
    if b"\x00" in head:
        return "binary data"
    return "plain text"
