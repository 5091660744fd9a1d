"""Find formula cells that carry no cached value (a file written by a program, never opened in
Excel): calamine reads them as empty, but the rep did write something there."""

from __future__ import annotations

import io
import re
import zipfile

from importers.workbook.sheet import column_index

_SHEET_ENTRY = re.compile(rb'<sheet\b[^>]*?name="([^"]*)"[^>]*?r:id="([^"]*)"')
_REL = re.compile(rb'<Relationship\b[^>]*?Id="([^"]*)"[^>]*?Target="([^"]*)"')
_REL_REVERSED = re.compile(rb'<Relationship\b[^>]*?Target="([^"]*)"[^>]*?Id="([^"]*)"')
_CELL_REF = re.compile(rb'<c\b[^>]*?\br="([A-Z]+)(\d+)"')
_VALUE = re.compile(rb"<v>[^<]+</v>|<is>")


def uncached_formula_cells(data: bytes) -> dict[str, set[tuple[int, int]]]:
    """Sheet name -> 0-based (row, col) of formula cells without a cached value (xlsx only)."""
    zf = zipfile.ZipFile(io.BytesIO(data))
    try:
        workbook = zf.read("xl/workbook.xml")
        rels = zf.read("xl/_rels/workbook.xml.rels")
    except KeyError:
        return {}
    targets = {rid: tgt for rid, tgt in _REL.findall(rels)}
    targets.update({rid: tgt for tgt, rid in _REL_REVERSED.findall(rels)})
    result: dict[str, set[tuple[int, int]]] = {}
    for raw_name, rid in _SHEET_ENTRY.findall(workbook):
        target = targets.get(rid, b"").decode()
        path = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        try:
            xml = zf.read(path)
        except KeyError:
            continue
        if b"<f" not in xml:
            continue
        cells = _scan(xml)
        if cells:
            result[_unescape(raw_name.decode("utf-8"))] = cells
    return result


def _scan(xml: bytes) -> set[tuple[int, int]]:
    found = set()
    pos = xml.find(b"<f")
    while pos != -1:
        start = xml.rfind(b"<c ", 0, pos)
        end = xml.find(b"</c>", pos)
        if start != -1 and end != -1:
            cell = xml[start:end]
            if not _VALUE.search(cell):
                m = _CELL_REF.match(cell)
                if m:
                    found.add((int(m.group(2)) - 1, column_index(m.group(1).decode())))
        pos = xml.find(b"<f", end if end != -1 else pos + 2)
    return found


def _unescape(s: str) -> str:
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")
