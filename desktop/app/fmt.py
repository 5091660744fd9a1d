"""How values read in the UI: yen, dates with the weekday, percentages (no Qt, no I/O)."""

from __future__ import annotations

import datetime as dt

WEEKDAYS_JA = "月火水木金土日"
WEEKDAYS_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _english(lang: str | None) -> bool:
    """``lang`` ('ja' | 'en', the AppContext's); None: the running app's (table columns)."""
    if lang is None:
        from desktop.app.i18n import app_language

        lang = app_language()
    return lang == "en"


def yen(amount: int | None) -> str:
    """¥1,200,000 — the full figure reps type into their workbooks."""
    if amount is None:
        return ""
    return f"¥{amount:,}"


def day(iso: str | None, *, weekday: bool = True, lang: str | None = None) -> str:
    """2025-04-01 -> 2025/04/01(火) (2025/04/01 (Tue) in English); raw text passes through."""
    if not iso:
        return ""
    try:
        d = dt.date.fromisoformat(iso[:10])
    except ValueError:
        return iso
    text = f"{d.year}/{d.month:02d}/{d.day:02d}"
    if weekday:
        english = _english(lang)
        w = WEEKDAYS_EN[d.weekday()] if english else WEEKDAYS_JA[d.weekday()]
        text += f" ({w})" if english else f"({w})"
    return text


def when(iso_ts: str | None) -> str:
    """A stored UTC timestamp as local date and time: 2025/04/01 14:03."""
    if not iso_ts:
        return ""
    try:
        t = dt.datetime.fromisoformat(iso_ts)
    except ValueError:
        return iso_ts
    if t.tzinfo is not None:
        t = t.astimezone()
    return f"{t.year}/{t.month:02d}/{t.day:02d} {t.hour:02d}:{t.minute:02d}"


def percent(p: int | None) -> str:
    return "" if p is None else f"{p}%"


def one_line(text: str | None, limit: int = 80) -> str:
    if not text:
        return ""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def purpose(row: dict, lang: str | None = None) -> str:
    """The purpose column; a voice memo the rep has not confirmed yet says so in ``lang``
    (double-click opens it beside its transcript)."""
    if row.get("kind") == "voice_draft":
        from desktop.app.i18n import speaking

        return speaking(lang).translate("Activities", "Voice memo (draft: to confirm)")
    return row.get("purpose") or ""
