"""Plain-text tables for the terminal that line up with Japanese (double-width) text."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def fit(text: str, width: int) -> str:
    """Cut to at most ``width`` columns (with an ellipsis) and pad to exactly ``width``."""
    text = " ".join(str(text).split())
    if display_width(text) > width:
        out, used = [], 0
        for ch in text:
            w = display_width(ch)
            if used + w > width - 1:
                break
            out.append(ch)
            used += w
        text = "".join(out) + "…"
    return text + " " * (width - display_width(text))


def render(headers: Sequence[str], rows: Sequence[Sequence], max_widths: Sequence[int]) -> str:
    cells = [[("" if v is None else str(v)) for v in row] for row in rows]
    widths = [
        min(m, max([display_width(h)] + [display_width(" ".join(r[i].split())) for r in cells]))
        for i, (h, m) in enumerate(zip(headers, max_widths, strict=True))
    ]
    lines = ["  ".join(fit(h, w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(fit(v, w) for v, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    return "\n".join(lines)
