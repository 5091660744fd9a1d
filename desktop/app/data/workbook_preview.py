"""The mapping wizard's reads: a workbook's first rows, and the rows a draft profile would import.

Run in the app's import process (see ``services/child_process.py``): parsing a large sheet holds
the GIL, and the preview re-parses the workbook each time the rep changes a column's field. No Qt
here; the wizard shows the results.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# What the wizard shows of a sheet: enough rows to find the headings (or the form's labels).
GRID_ROWS = 40
GRID_COLS = 64
PREVIEW_ROWS = 200

# The last workbook read (path, size, mtime) -> bytes: the preview re-parses it on every change
# of the mapping, but reads the file only when it changed.
_cached: tuple[tuple[str, int, int], bytes] | None = None


@dataclass
class SheetGrid:
    name: str
    rows: list[list[Any]]


def _read(path: str) -> bytes:
    global _cached
    st = os.stat(path)
    key = (path, st.st_size, st.st_mtime_ns)
    if _cached is None or _cached[0] != key:
        _cached = (key, Path(path).read_bytes())
    return _cached[1]


def load_grid(path: str, lang: str | None = None) -> dict:
    """``{"sheets": [SheetGrid]}`` with each sheet's first rows, or ``{"error": message}``."""
    from importers.issues import ImportFailed
    from importers.workbook.load import load_sheets

    try:
        _fmt, sheets = load_sheets(_read(path), Path(path).name, lang=lang)
    except ImportFailed as failed:
        return {"sheets": [], "error": failed.issue.message}
    except OSError as exc:
        return {"sheets": [], "error": f"{Path(path).name}: {exc.strerror or exc}"}
    grids = [SheetGrid(s.name, [list(r[:GRID_COLS]) for r in s.rows[:GRID_ROWS]]) for s in sheets]
    return {"sheets": grids, "error": None}


def preview(path: str, profile: Any, default_rep: str | None, lang: str | None = None) -> dict:
    """parse_report with the profile: the first rows, their count and the issues."""
    from importers.issues import ImportFailed
    from importers.layout.synonyms import load_synonyms
    from importers.parse import parse_report

    try:
        result = parse_report(
            _read(path),
            Path(path).name,
            synonyms=load_synonyms(),
            profile=profile,
            default_rep=default_rep,
            lang=lang,
        )
    except ImportFailed as failed:
        return {"rows": [], "count": 0, "error": failed.issue.message}
    except OSError as exc:
        return {"rows": [], "count": 0, "error": f"{Path(path).name}: {exc.strerror or exc}"}
    except Exception as exc:  # a layout the parser chokes on: say so, keep the wizard usable
        return {"rows": [], "count": 0, "error": f"{type(exc).__name__}: {exc}"}
    rows = []
    for rec in result.records[:PREVIEW_ROWS]:
        f = dict(rec.fields)
        f["company"] = rec.company.display if rec.company else f.get("company_name_raw")
        rows.append(f)
    return {
        "rows": rows,
        "count": len(result.records),
        "error": None,
        "issues": [i.message for i in result.issues if i.severity != "info"][:5],
    }
