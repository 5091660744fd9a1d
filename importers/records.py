"""What layouts find (cells per visit) and what the importer stores (activity records)."""

from __future__ import annotations

import marshal
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


class StoredRow:
    """A parsed activity held compact (its values marshalled to bytes, the names shared) until
    it is written: a dict per row of a 200,000-row workbook would cost about 2 KB each.
    ``fields`` decodes a fresh dict, with the customer and source the import resolved.
    (marshal, not JSON: the values are plain text, numbers and None, and marshal packs and
    unpacks them several times faster, in fewer bytes; the bytes go no further than the import's
    own worker process, the same Genba.) ``head``: what a worker already encoded of the row
    for ``source_rows`` (importers.reimport.source_head), or None."""

    _keys: dict[tuple[str, ...], tuple[str, ...]] = {}  # one tuple per distinct set of fields

    __slots__ = (
        "_blob",
        "_names",
        "company_id",
        "company_key",
        "deal",
        "fingerprint",
        "head",
        "position",
        "sheet",
        "source_id",
    )

    def __init__(self, rec: ActivityRecord, company_key: str | None, deal: bool, position: int):
        self.position = position  # its place among the file's rows
        self.sheet = rec.sheet
        self.fingerprint = rec.fingerprint
        self.company_key = company_key  # the natural id of the company the row names
        self.deal = deal  # the row carries an amount, a probability or a deal title
        keys = tuple(rec.fields)
        self._names = StoredRow._keys.setdefault(keys, keys)  # the values alone are stored
        self._blob = marshal.dumps(tuple(rec.fields.values()))
        self.company_id: str | None = company_key
        self.source_id: str | None = None
        self.head: str | None = None

    def pack(self) -> tuple:
        """The row as plain values, to send from the process that read it (``unpack``)."""
        return (
            self.position,
            self.sheet,
            self.fingerprint,
            self.company_key,
            self.deal,
            self._names,
            self._blob,
            self.head,
        )

    @classmethod
    def unpack(cls, parts: tuple) -> StoredRow:
        row = cls.__new__(cls)
        (
            row.position,
            row.sheet,
            row.fingerprint,
            row.company_key,
            row.deal,
            names,
            row._blob,
            row.head,
        ) = parts
        row._names = cls._keys.setdefault(names, names)
        row.company_id = row.company_key
        row.source_id = None
        return row

    @property
    def names(self) -> tuple[str, ...]:
        """The fields the parsed row holds itself (``fields`` adds its customer and source)."""
        return self._names

    @property
    def fields(self) -> dict[str, Any]:
        return self.fields_and_values()[0]

    def values(self) -> tuple:
        """The values of ``names``, in their order."""
        return marshal.loads(self._blob)

    def fields_and_values(self) -> tuple[dict[str, Any], tuple]:
        """``fields``, and the values of ``names`` in their order, from one decoding."""
        values = marshal.loads(self._blob)
        f = dict(zip(self._names, values, strict=True))
        f["company_id"] = self.company_id
        f["source_id"] = self.source_id
        return f, values
