"""A form sheet's visit blocks: which are visits, and where what the others hold goes.

A template repeats its visit block down the sheet; the rep fills in as many as they made visits.
What the rep wrote in a block that is not a visit is never dropped (see ``keep_written_blocks``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from importers.issues import Issue
from importers.messages import issue, join, resolve
from importers.normalize.text import clean_cell
from importers.records import CONTENT_FIELDS, RawVisit

EXTRA = "extra"  # the field of a label Genba does not know


@dataclass
class FormRead:
    """A form sheet's visits, and what the rep wrote in blocks that name no customer."""

    visits: list[RawVisit]
    # (label as written, value, cell) from blocks without a 訪問先 or any visit content: kept as
    # extra fields of the nearest visit (``kept_on``, its customer as written) — or, on a sheet
    # with no visit at all, only named in the problem.
    stray: list[tuple[str, Any, str]] = field(default_factory=list)
    kept_on: str | None = None


def keep_written_blocks(blocks: list[dict], label_of: dict[str, str]):
    """The blocks that are visits; what the others hold (``stray``) joins the nearest visit.

    A template repeats its visit block down the sheet and the rep fills as many as they made
    visits: a block with no content field is an unused one. But the rep may have written in it
    under labels Genba does not know (【同行者】) or under 金額 with the 訪問先 left blank: that is
    never dropped — it becomes extra fields of the visit before it (or after it, at the top)."""
    kept: list[dict] = []
    stray: list[tuple[str, Any, str]] = []
    waiting: list[tuple[str, Any, str]] = []  # stray cells above the first visit
    for block in blocks:
        if not CONTENT_FIELDS & block.keys():
            written = _as_extras(block, label_of)
            stray += written
            (kept[-1].setdefault(EXTRA, []) if kept else waiting).extend(written)
            continue
        if not (CONTENT_FIELDS - {"insight"}) & block.keys() and kept:
            # The 所感 box below an unused block belongs to the last visit actually written.
            insight = block.pop("insight")
            if "insight" in kept[-1]:
                value, ref = kept[-1]["insight"]
                insight = (f"{value}\n{insight[0]}", ref)
            kept[-1]["insight"] = insight
            written = _as_extras(block, label_of)
            stray += written
            kept[-1].setdefault(EXTRA, []).extend(written)
            continue
        if waiting:
            block[EXTRA] = waiting + block.get(EXTRA, [])
            waiting = []
        kept.append(block)
    return kept, stray, waiting


def _as_extras(block: dict, label_of: dict[str, str]) -> list[tuple[str, Any, str]]:
    """What a block that is not a visit holds, as extra fields (label, value, cell)."""
    extras = list(block.get(EXTRA, ()))
    for name, cell in block.items():
        if name != EXTRA:
            value, ref = cell
            extras.append((label_of.get(ref, name), value, cell_of(ref)))
    return extras


def stray_customer(kept: list[dict], stray: list) -> str | None:
    """The customer (as written) of the visit that received the stray cells."""
    for block in kept:
        if any(e in block.get(EXTRA, ()) for e in stray):
            company = block.get("company")
            return clean_cell(company[0]) if company else None
    return None


def form_stray_issue(sheet: str, read: FormRead, lang: str | None) -> Issue:
    """The warning naming what was written in blocks with no customer, and where it went."""
    shape = "{0}（{1}）" if resolve(lang) == "ja" else "{0} ({1})"
    labels = join((shape.format(label, cell_of(ref)) for label, _v, ref in read.stray), lang)
    params = dict(sheet=sheet, count=len(read.stray), labels=labels)
    location = read.stray[0][2]
    if not read.visits:
        return issue("warning", "form_stray.no_visit", lang, location, **params)
    if read.kept_on:
        return issue("warning", "form_stray", lang, location, company=read.kept_on, **params)
    return issue("warning", "form_stray.nameless", lang, location, **params)


def cell_of(ref: str) -> str:
    """'4月2日!B7' -> 'B7': a form's extra field names its cell (forms have no column of rows)."""
    return ref.rsplit("!", 1)[-1]
