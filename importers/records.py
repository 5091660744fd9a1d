"""What layouts find (cells per visit) and what the importer stores (activity records)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from importers.issues import Issue
from importers.layout.context import YearContext
from importers.normalize.companies import CompanyName

# Logical fields a layout can find; see resources/header_synonyms.toml.
VISIT_FIELDS = (
    "occurred_on",
    "rep",
    "company",
    "contact",
    "purpose",
    "summary",
    "result",
    "next_action",
    "next_action_due",
    "amount",
    "probability",
    "insight",
    "deal_title",
    "lead_comment",
)
# A visit needs at least one of these: a row holding only a pre-printed date is template, not work.
CONTENT_FIELDS = frozenset(
    {"company", "contact", "purpose", "summary", "result", "next_action", "insight", "deal_title"}
)


@dataclass
class RawVisit:
    """One visit as found in a sheet: logical field -> (cell value, 'Sheet!C7')."""

    sheet: str
    ref: str
    cells: dict[str, tuple[Any, str]]
    context: YearContext
    amount_multiplier: int = 1
    uncached: frozenset[str] = frozenset()  # refs of formula cells with no cached value
    # what the row holds in columns Genba could not place: (heading, value, column letter)
    extras: tuple[tuple[str, Any, str], ...] = ()


@dataclass
class ActivityRecord:
    """One activity parsed and normalised; ``fields`` are columns of the activities table."""

    sheet: str
    fields: dict[str, Any]
    company: CompanyName | None
    fingerprint: str
    issues: list[Issue] = field(default_factory=list)
